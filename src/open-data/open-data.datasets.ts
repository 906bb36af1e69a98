import { PUBLIC_STATUSES } from '../initiatives/initiatives.constants';
import { PUBLIC_AGENDA } from '../forum/shared/forum.constants';
import { publicPartnershipSql } from '../partnerships/public-partnership';

/** A cell of an open-data row: the same value goes to the CSV (arrays joined by "; ") and the JSON. */
export type Cell = string | number | boolean | null | string[];
export type OpenDataRow = Record<string, Cell>;

/** One public dataset: what it is, its columns, the statement that streams its rows and the one that dates it. */
export interface DatasetDefinition {
  key: string;
  title: { pl: string; en: string };
  description: { pl: string; en: string };
  columns: readonly string[];
  /** Rows in a stable order; parameters from `params`. */
  rowsSql: string;
  /**
   * The newest change the data records (one row, column `modified`); null when the data records no time
   * (reference data imported from the city's file and never edited since).
   */
  modifiedSql: string;
  /** Parameters of rowsSql ($1...). */
  params?: unknown[];
  modifiedParams?: unknown[];
}

/** Licence of every dataset: the city's public information, reusable with attribution. */
export const OPEN_DATA_LICENSE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/**
 * Consultations whose period has ended: their data is open then, not while people still comment.
 * Comments carry no author: a person is a number within one consultation (`participant`), the
 * order in which they first commented, and a comment is a number too (its id would lead to the
 * page that names its author).
 */
const CLOSED_CONSULTATION = `c.status = 'published' AND c.closes_at <= now()`;
const VISIBLE_COMMENTS = `SELECT m.*, s.position AS section_position, s.heading_pl AS section_heading_pl, s.heading_en AS section_heading_en,
                                 g.key AS goal_key,
                                 row_number() OVER (PARTITION BY m.consultation_id ORDER BY m.created_at, m.id)::int AS comment_number,
                                 dense_rank() OVER (PARTITION BY m.consultation_id ORDER BY first_at, m.author_id)::int AS participant
                            FROM (SELECT m.*, min(m.created_at) OVER (PARTITION BY m.consultation_id, m.author_id) AS first_at
                                    FROM consultation_comments m WHERE m.hidden_at IS NULL) m
                            JOIN consultations c ON c.id = m.consultation_id
                            JOIN consultation_sections s ON s.id = m.section_id
                            LEFT JOIN goals g ON g.id = s.goal_id
                           WHERE ${CLOSED_CONSULTATION}`;

const CONSULTATION_DATASETS: readonly DatasetDefinition[] = [
  {
    key: 'consultations',
    title: { pl: 'Konsultacje społeczne', en: 'Public consultations' },
    description: {
      pl: 'Zakończone konsultacje celów i form współpracy: temat, okres, liczba komentarzy i raport końcowy.',
      en: 'Closed consultations on the goals and forms of cooperation: subject, period, number of comments and the final report.',
    },
    columns: [
      'id',
      'subject',
      'title_pl',
      'title_en',
      'description_pl',
      'description_en',
      'opens_at',
      'closes_at',
      'sections',
      'comments',
      'final_report_pl',
      'final_report_en',
      'final_report_at',
    ],
    rowsSql: `SELECT c.id, c.subject::text, c.title_pl, c.title_en, c.description_pl, c.description_en, c.opens_at, c.closes_at,
                     (SELECT count(*)::int FROM consultation_sections s WHERE s.consultation_id = c.id) AS sections,
                     (SELECT count(*)::int FROM consultation_comments m WHERE m.consultation_id = c.id AND m.hidden_at IS NULL) AS comments,
                     c.final_report_pl, c.final_report_en, c.final_report_at
                FROM consultations c WHERE ${CLOSED_CONSULTATION} ORDER BY c.closes_at, c.id`,
    modifiedSql: `SELECT max(greatest(c.closes_at, c.final_report_at, c.updated_at)) AS modified FROM consultations c WHERE ${CLOSED_CONSULTATION}`,
  },
  {
    key: 'consultation-comments',
    title: { pl: 'Komentarze w konsultacjach', en: 'Consultation comments' },
    description: {
      pl: 'Komentarze mieszkańców do zakończonych konsultacji, z liczbą poparć, bez danych autorów: uczestnik to numer w obrębie jednej konsultacji.',
      en: "Residents' comments on closed consultations, with their supports, without their authors: a participant is a number within one consultation.",
    },
    columns: [
      'consultation_id',
      'comment_number',
      'section_position',
      'section_heading_pl',
      'section_heading_en',
      'goal_key',
      'participant',
      'body',
      'language',
      'created_at',
      'supports',
    ],
    rowsSql: `SELECT v.consultation_id, v.comment_number, v.section_position, v.section_heading_pl, v.section_heading_en, v.goal_key,
                     v.participant, v.body, v.language, v.created_at,
                     (SELECT count(*)::int FROM consultation_supports p WHERE p.comment_id = v.id) AS supports
                FROM (${VISIBLE_COMMENTS}) v ORDER BY v.consultation_id, v.comment_number`,
    modifiedSql: `SELECT max(greatest(c.closes_at, (SELECT max(m.hidden_at) FROM consultation_comments m WHERE m.consultation_id = c.id))) AS modified
                    FROM consultations c WHERE ${CLOSED_CONSULTATION}`,
  },
  {
    key: 'consultation-responses',
    title: { pl: 'Odpowiedzi w konsultacjach', en: 'Consultation responses' },
    description: {
      pl: 'Odpowiedzi miasta na komentarze w zakończonych konsultacjach, po polsku i angielsku, z numerami komentarzy, na które odpowiadają.',
      en: "The city's responses to the comments of closed consultations, in Polish and English, with the numbers of the comments they answer.",
    },
    columns: ['consultation_id', 'response_id', 'comment_numbers', 'body_pl', 'body_en', 'created_at'],
    rowsSql: `SELECT r.consultation_id, r.id AS response_id,
                     coalesce(array_agg(v.comment_number::text ORDER BY v.comment_number) FILTER (WHERE v.id IS NOT NULL), '{}') AS comment_numbers,
                     r.body_pl, r.body_en, r.created_at
                FROM consultation_responses r
                JOIN consultations c ON c.id = r.consultation_id
                LEFT JOIN consultation_response_comments rc ON rc.response_id = r.id
                LEFT JOIN (${VISIBLE_COMMENTS}) v ON v.id = rc.comment_id
               WHERE ${CLOSED_CONSULTATION}
               GROUP BY r.id ORDER BY r.consultation_id, r.created_at, r.id`,
    modifiedSql: `SELECT max(greatest(c.closes_at, r.created_at)) AS modified
                    FROM consultation_responses r JOIN consultations c ON c.id = r.consultation_id WHERE ${CLOSED_CONSULTATION}`,
  },
];

export const DATASETS: readonly DatasetDefinition[] = [
  {
    key: 'partner-cities',
    title: { pl: 'Miasta partnerskie', en: 'Partner cities' },
    description: {
      pl: 'Miasta partnerskie i zaprzyjaźnione: nazwy, kraj, rodzaj relacji, status współpracy, obszary współpracy i położenie.',
      en: 'Partner and friendly cities: names, country, kind of relationship, status of cooperation, areas and location.',
    },
    columns: [
      'key',
      'name',
      'name_pl',
      'official_name_pl',
      'country',
      'relationship',
      'status',
      'in_europe',
      'lat',
      'lon',
      'areas',
    ],
    rowsSql: `SELECT key, name, name_pl, official_name_pl, country, relationship::text, status::text, in_europe, lat, lon, areas
                FROM cities WHERE NOT is_home ORDER BY key`,
    modifiedSql: `SELECT max(updated_at) AS modified FROM cities WHERE NOT is_home`,
  },
  {
    key: 'city-documents',
    title: { pl: 'Dokumenty miast partnerskich', en: 'Partner-city documents' },
    description: {
      pl: 'Umowy, porozumienia i inne dokumenty z miastami partnerskimi, z wyliczonymi na dzień facts_on: obowiązywaniem, najbliższym wygaśnięciem i terminem wypowiedzenia.',
      en: 'Agreements and other documents with the partner cities, with what is derived for the day facts_on: in force, next expiry and notice deadline.',
    },
    columns: [
      'id',
      'city_key',
      'kind',
      'title',
      'signed_on',
      'signed_on_precision',
      'valid_from',
      'valid_until',
      'term',
      'term_years',
      'renewal_years',
      'notice_months',
      'areas',
      'source',
      'facts_on',
      'in_force',
      'next_expiry_on',
      'notice_deadline_on',
    ],
    rowsSql: `SELECT d.id, c.key AS city_key, d.kind::text, d.title, d.signed_on, d.signed_on_precision::text, d.valid_from,
                     d.valid_until, d.term::text, d.term_years, d.renewal_years, d.notice_months, d.areas, d.source
                FROM city_documents d JOIN cities c ON c.id = d.city_id
               WHERE NOT c.is_home ORDER BY c.key, d.signed_on NULLS LAST, d.id`,
    // Documents carry no time of their own: staff edits are in registry_changes, the import marks edited_at.
    modifiedSql: `SELECT greatest((SELECT max(created_at) FROM registry_changes WHERE document_id IS NOT NULL),
                                  (SELECT max(edited_at) FROM city_documents)) AS modified`,
  },
  {
    key: 'networks',
    title: { pl: 'Sieci miast', en: 'City networks' },
    description: {
      pl: 'Międzynarodowe sieci miast, do których należy miasto: rok przystąpienia, koordynujący wydział i należące do nich miasta partnerskie.',
      en: 'International city networks the city belongs to: year joined, coordinating department and the partner cities that also belong.',
    },
    columns: ['key', 'name', 'name_pl', 'joined_year', 'coordinator', 'partner_cities'],
    rowsSql: `SELECT n.key, n.name, n.name_pl, n.joined_year, n.coordinator,
                     coalesce(array_agg(c.key ORDER BY c.key) FILTER (WHERE c.key IS NOT NULL), '{}') AS partner_cities
                FROM city_networks n
                LEFT JOIN city_network_members m ON m.network_id = n.id
                LEFT JOIN cities c ON c.id = m.city_id AND NOT c.is_home
               GROUP BY n.id ORDER BY n.position, n.key`,
    modifiedSql: `SELECT max(edited_at) AS modified FROM city_networks`,
  },
  {
    key: 'goals',
    title: { pl: 'Cele współpracy', en: 'Cooperation goals' },
    description: {
      pl: 'Tematyczne i geograficzne cele współpracy międzynarodowej miasta.',
      en: "The city's thematic and geographic goals of international cooperation.",
    },
    columns: ['key', 'scope', 'name_pl', 'name_en', 'countries'],
    rowsSql: `SELECT key, scope::text, name_pl, name_en, countries FROM goals ORDER BY scope, position, key`,
    modifiedSql: `SELECT max(edited_at) AS modified FROM goals`,
  },
  {
    key: 'organizations',
    title: { pl: 'Organizacje', en: 'Organisations' },
    description: {
      pl: 'Zweryfikowane organizacje widoczne publicznie, z ich publicznymi danymi (bez danych kontaktowych i członków).',
      en: 'Verified organisations shown in public, with their public fields (no contact details, no members).',
    },
    columns: [
      'id',
      'name',
      'type',
      'city_key',
      'city_name',
      'country',
      'areas',
      'languages',
      'website',
      'school_levels',
      'pupil_age_min',
      'pupil_age_max',
      'subjects',
      'partner_roles',
      'funding_programmes',
      'description',
      'description_language',
      'created_at',
    ],
    rowsSql: `SELECT o.id, o.name, o.type, c.key AS city_key, o.city_name, o.country, o.areas, o.languages, o.website,
                     o.school_levels, o.pupil_age_min, o.pupil_age_max, o.subjects, o.partner_roles, o.funding_programmes,
                     o.description_md AS description, o.description_language, o.created_at
                FROM organizations o LEFT JOIN cities c ON c.id = o.city_id
               WHERE o.status = 'verified' AND o.hidden_at IS NULL ORDER BY o.created_at, o.id`,
    // Over every organisation: one leaving the public set (hidden, suspended) changes the dataset too.
    modifiedSql: `SELECT max(greatest(updated_at, status_changed_at, hidden_at)) AS modified FROM organizations`,
  },
  {
    key: 'initiatives',
    title: { pl: 'Inicjatywy', en: 'Initiatives' },
    description: {
      pl: 'Opublikowane inicjatywy organizacji: projekty, poszukiwania partnerów, wydarzenia, wymiany, wizyty studyjne i wnioski o finansowanie.',
      en: "Organisations' published initiatives: projects, partner searches, events, exchanges, study visits and funding applications.",
    },
    columns: [
      'id',
      'title',
      'summary',
      'language',
      'kind',
      'status',
      'organization_id',
      'organization_name',
      'areas',
      'goals',
      'target_cities',
      'target_countries',
      'sought_org_types',
      'languages',
      'starts_on',
      'ends_on',
      'funding_programme',
      'published_at',
    ],
    rowsSql: `SELECT i.id, i.title, i.summary, i.language, i.kind::text, i.status::text, i.organization_id,
                     o.name AS organization_name, i.areas, i.goals, i.target_cities, i.target_countries,
                     i.sought_org_types, i.languages, i.starts_on, i.ends_on, i.funding_programme, i.published_at
                FROM initiatives i JOIN organizations o ON o.id = i.organization_id
               WHERE i.status = ANY($1::initiative_status[]) AND i.hidden_at IS NULL
                 AND o.status = 'verified' AND o.hidden_at IS NULL
               ORDER BY i.published_at, i.id`,
    modifiedSql: `SELECT max(greatest(updated_at, published_at, hidden_at)) AS modified FROM initiatives`,
    params: [PUBLIC_STATUSES],
  },
  {
    key: 'partnerships',
    title: { pl: 'Partnerstwa', en: 'Partnerships' },
    description: {
      pl: 'Partnerstwa, które wszystkie uczestniczące organizacje zgodziły się pokazać publicznie.',
      en: 'Partnerships that every participating organisation has agreed to show in public.',
    },
    columns: [
      'id',
      'initiative_id',
      'initiative_title',
      'status',
      'organizations',
      'forum_year',
      'started_at',
      'ended_at',
    ],
    rowsSql: `SELECT p.id, p.initiative_id, i.title AS initiative_title, p.status::text,
                     array_agg(o.name ORDER BY m.lead DESC, o.name) AS organizations, e.year AS forum_year,
                     p.created_at AS started_at, p.ended_at
                FROM partnerships p
                JOIN initiatives i ON i.id = p.initiative_id
                JOIN partnership_members m ON m.partnership_id = p.id
                JOIN organizations o ON o.id = m.organization_id
                LEFT JOIN forum_editions e ON e.id = p.forum_edition_id
               WHERE ${publicPartnershipSql('p')}
               GROUP BY p.id, i.id, e.id
               ORDER BY p.created_at, p.id`,
    modifiedSql: `SELECT max(greatest(p.created_at, p.ended_at, m.joined_at)) AS modified
                    FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id`,
  },
  {
    key: 'delegations',
    title: { pl: 'Wizyty delegacji', en: 'Delegation visits' },
    description: {
      pl: 'Liczba publicznych wizyt delegacji według roku, kierunku (przyjęte w mieście lub wysłane za granicę) i miasta partnerskiego; wizyty w innych miejscach razem, bez miasta. Bez danych osobowych.',
      en: 'The number of public delegation visits by year, direction (received in the city or sent abroad) and partner city; visits to other places together, without a city. No personal data.',
    },
    columns: ['year', 'direction', 'city_key', 'city_name', 'city_name_pl', 'visits', 'people'],
    // The counts the public sees on /delegations (DelegationsRepository.counts of public visits): a
    // private visit is counted nowhere public; purposes, hosts and organisations are not summarised.
    rowsSql: `SELECT extract(year FROM d.starts_on)::int AS year, d.direction::text,
                     c.key AS city_key, c.name AS city_name, c.name_pl AS city_name_pl,
                     count(*)::int AS visits, sum(d.people_count)::int AS people
                FROM delegations d LEFT JOIN cities c ON c.id = d.city_id
               WHERE d.is_public
               GROUP BY 1, 2, 3, 4, 5
               ORDER BY 1, 2, 3 NULLS LAST`,
    // Over every visit: one made private leaves the counts too.
    modifiedSql: `SELECT max(updated_at) AS modified FROM delegations`,
  },
  {
    key: 'forum-agenda',
    title: { pl: 'Program Forum Współpracy', en: 'Cooperation Forum agendas' },
    description: {
      pl: 'Sesje opublikowanych programów corocznego Międzynarodowego Forum Współpracy.',
      en: 'The sessions of the published agendas of the annual International Cooperation Forum.',
    },
    columns: [
      'id',
      'forum_year',
      'kind',
      'title',
      'abstract',
      'language',
      'organization_name',
      'room',
      'starts_at',
      'ends_at',
      'areas',
      'partner_cities',
    ],
    rowsSql: `SELECT s.id, e.year AS forum_year, s.kind::text, s.title, s.abstract, s.language, o.name AS organization_name,
                     s.room, s.starts_at, s.ends_at, s.areas, s.partner_cities
                FROM forum_sessions s
                JOIN forum_editions e ON e.id = s.edition_id
                JOIN organizations o ON o.id = s.organization_id
               WHERE s.status = 'accepted' AND e.status = ANY($1::forum_edition_status[])
               ORDER BY e.year, s.starts_at, s.room, s.id`,
    modifiedSql: `SELECT max(s.created_at) AS modified FROM forum_sessions s JOIN forum_editions e ON e.id = s.edition_id
                   WHERE s.status = 'accepted' AND e.status = ANY($1::forum_edition_status[])`,
    params: [PUBLIC_AGENDA],
    modifiedParams: [PUBLIC_AGENDA],
  },
  {
    key: 'forum-outcomes',
    title: { pl: 'Wyniki Forum Współpracy', en: 'Cooperation Forum outcomes' },
    description: {
      pl: 'Opublikowane podsumowania kolejnych edycji Forum: temat, liczba sesji i partnerstw, które forum zapoczątkowało.',
      en: 'The published outcomes of each edition of the Forum: theme, sessions held and the partnerships it started.',
    },
    columns: [
      'forum_year',
      'theme_pl',
      'theme_en',
      'starts_on',
      'ends_on',
      'sessions',
      'partnerships_started',
      'summary',
      'summary_language',
      'published_at',
    ],
    rowsSql: `SELECT e.year AS forum_year, e.theme_pl, e.theme_en, e.starts_on, e.ends_on,
                     (SELECT count(*)::int FROM forum_sessions s WHERE s.edition_id = e.id AND s.status = 'accepted') AS sessions,
                     (SELECT count(*)::int FROM partnerships p WHERE p.forum_edition_id = e.id) AS partnerships_started,
                     e.outcomes_summary AS summary, e.outcomes_summary_language AS summary_language,
                     e.outcomes_published_at AS published_at
                FROM forum_editions e WHERE e.outcomes_published_at IS NOT NULL ORDER BY e.year`,
    modifiedSql: `SELECT max(outcomes_published_at) AS modified FROM forum_editions`,
  },
  ...CONSULTATION_DATASETS,
];

/**
 * The open datasets whose data each statistic (statistics.definitions.ts) counts: a statistic is
 * computed at each request, so its last change in the catalogue is the newest of theirs.
 */
export const STATISTIC_SOURCES: Readonly<Record<string, readonly string[]>> = {
  'initiatives-by-area': ['initiatives'],
  'initiatives-by-goal': ['initiatives'],
  'initiatives-by-kind': ['initiatives'],
  'initiatives-by-city': ['initiatives'],
  'partnerships-by-city': ['partnerships'],
  'forum-editions': ['forum-agenda', 'forum-outcomes', 'partnerships'],
  'delegations-by-direction': ['delegations'],
};
