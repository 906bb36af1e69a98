import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { modifyReturning, sqlLabels } from '../database/sql';
import type { Translations } from '../common/i18n/translations';
import type { InitiativeTexts } from '../initiatives/entities/initiative.entity';
import { OPEN_STATUSES } from '../initiatives/initiatives.constants';
import { INITIATIVE_MATCH_KEYS, matchKey } from './match-keys';
import { today } from '../common/calendar-date';
import { WEIGHTS } from './score';
import { topKCandidates, type Signal } from './top-k';

/** The factors of one candidate, as the SQL computes them (see score.ts). */
export interface FactorRow {
  inTargetCity: boolean;
  inTargetCountry: boolean;
  tier: 'twin' | 'honorary_twin' | 'partner' | 'informal' | 'home' | null;
  cityEn: string | null;
  cityPl: string | null;
  soughtType: string | null;
  /** A school seeking a school (see score.ts): what both have. */
  sharedLevels: string[];
  sharedAgeMin: number | null;
  sharedAgeMax: number | null;
  sharedSubjects: string[];
  /** The sought role the candidate is ready to take. */
  role: string | null;
  /** The funding programme in common, as the seeker wrote it. */
  programme: string | null;
  /** The city network shared with a target city, and that city: { name, namePl, viaEn, viaPl }. */
  network: { name: string; namePl: string; viaEn: string; viaPl: string | null } | null;
  sharedAreas: string[];
  sharedLanguages: string[];
  active: boolean;
  boost: number;
  /** The place behind inTargetCity / inTargetCountry (see MatchFactors.place). */
  targetsSeeker: boolean;
  placeCityEn: string | null;
  placeCityPl: string | null;
  placeCountry: string | null;
  score: number;
}

export interface OrganizationMatchRow extends FactorRow {
  id: string;
  name: string;
  type: string;
  cityKey: string | null;
  cityName: string;
  cityNamePl: string | null;
  country: string;
}

export interface InitiativeMatchRow extends FactorRow {
  id: string;
  title: string;
  summary: string;
  language: string;
  translations: Translations<InitiativeTexts>;
  kind: string;
  organizationId: string;
  organizationName: string;
  organizationType: string;
  cityKey: string | null;
  country: string;
}

export interface NetworkSuggestionRow {
  key: string;
  name: string;
  namePl: string;
  /** Its member cities that are not targets (null: none). */
  otherMembers: { key: string; name: string; namePl: string | null; country: string }[] | null;
  targetMembers: string[];
}

export interface MatchCursor {
  score: number;
  name: string;
  id: string;
}

export interface RankOptions {
  /** Score every candidate instead of pruning by bounds: the reference the tests compare with. */
  exhaustive?: boolean;
  /** The city's today (YYYY-MM-DD): a funding call counts until its deadline. */
  today?: string;
}

/** A funding programme as compared: lower case, letters and digits only ("Erasmus+ KA2" -> "erasmuska2"). */
export function programmeKey(programme: string): string {
  return programme.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** programmeKey in SQL. */
const PROGRAMME_KEY_SQL = (column: string) => `regexp_replace(lower(${column}), '[^[:alnum:]]+', '', 'g')`;

/**
 * The counterpart factors beyond the shared ones (score.ts): a school seeking a school, the sought
 * role, the funding programme, a city network; their points, their columns and what they can add.
 */
function counterpartExtras(
  seeker: InitiativeSeekerRow,
  params: Params,
): { points: string; columns: string; rest: number } {
  const points: string[] = [];
  let rest = 0;
  const levels = seeker.schoolLevels.length ? params.add(seeker.schoolLevels) : null;
  const subjects = seeker.subjects.length ? params.add(seeker.subjects) : null;
  const ages =
    seeker.pupilAgeMin !== null && seeker.pupilAgeMax !== null
      ? { min: params.add(seeker.pupilAgeMin), max: params.add(seeker.pupilAgeMax) }
      : null;
  const agesOverlap = ages ? `(o.pupil_age_min <= ${ages.max}::int AND o.pupil_age_max >= ${ages.min}::int)` : 'false';
  if (levels) {
    points.push(`CASE WHEN o.school_levels && ${levels}::text[] THEN ${w.schoolLevel} ELSE 0 END`);
    rest += w.schoolLevel;
  }
  if (ages) {
    points.push(`CASE WHEN ${agesOverlap} THEN ${w.pupilAges} ELSE 0 END`);
    rest += w.pupilAges;
  }
  if (subjects) {
    points.push(`least(${countShared('o.subjects', seeker.subjects, params)} * ${w.perSubject}, ${w.maxSubjects})`);
    rest += Math.min(seeker.subjects.length * w.perSubject, w.maxSubjects);
  }
  const role = seeker.soughtRole ? params.add(seeker.soughtRole) : null;
  const ready = role ? `o.partner_roles @> ARRAY[${role}::text]` : 'false';
  if (role) {
    points.push(`CASE WHEN ${ready} THEN ${w.role} ELSE 0 END`);
    rest += w.role;
  }
  // An organisation's programme matches when the seeker's starts with it ("Erasmus+" for "Erasmus+ KA2").
  const programme = seeker.fundingProgramme ? params.add(seeker.fundingProgramme) : null;
  const worked = programme
    ? `EXISTS (SELECT 1 FROM unnest(o.funding_programmes) p WHERE ${params.add(programmeKey(seeker.fundingProgramme!))}::text LIKE ${PROGRAMME_KEY_SQL('p')} || '%' AND ${PROGRAMME_KEY_SQL('p')} <> '')`
    : 'false';
  if (programme) {
    points.push(`CASE WHEN ${worked} THEN ${w.programme} ELSE 0 END`);
    rest += w.programme;
  }
  const networkCities = seeker.networkCities ?? [];
  const network = networkCities.length
    ? `(${params.add(networkCities.map((n) => JSON.stringify(n)))}::json[])[array_position(${params.add(networkCities.map((n) => n.cityId))}::int[], o.city_id)]`
    : 'NULL::json';
  if (networkCities.length) {
    points.push(
      `CASE WHEN o.city_id = ANY(${params.add(networkCities.map((n) => n.cityId))}::int[]) THEN ${w.network} ELSE 0 END`,
    );
    rest += w.network;
  }
  return {
    points: points.length ? `(${points.join(' + ')})` : '0',
    columns: `${levels ? `ARRAY(SELECT unnest(o.school_levels) INTERSECT SELECT unnest(${levels}::text[]) ORDER BY 1)` : `'{}'::text[]`} AS "sharedLevels",
      CASE WHEN ${agesOverlap} THEN greatest(o.pupil_age_min, ${ages?.min ?? 'NULL'}::int) END AS "sharedAgeMin",
      CASE WHEN ${agesOverlap} THEN least(o.pupil_age_max, ${ages?.max ?? 'NULL'}::int) END AS "sharedAgeMax",
      ${subjects ? intersect('o.subjects', subjects) : `'{}'::text[]`} AS "sharedSubjects",
      CASE WHEN ${ready} THEN ${role ?? 'NULL'}::text END AS role,
      CASE WHEN ${worked} THEN ${programme ?? 'NULL'}::text END AS programme,
      ${network} AS network`,
    rest,
  };
}

type SignalKey = 'place' | 'type' | 'areas';

/**
 * Parameters referred to by name while the SQL is assembled, and numbered when a statement is
 * bound: only those the statement uses become $1, $2... (PostgreSQL must infer a type for each).
 */
class Params {
  private readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$(${this.values.length - 1})`;
  }
  copy(): Params {
    const copy = new Params();
    copy.values.push(...this.values);
    return copy;
  }
  bind(sql: string): [string, unknown[]] {
    const used = new Map<number, number>();
    const values: unknown[] = [];
    const text = sql.replace(/\$\((\d+)\)/g, (_, index: string) => {
      const i = Number(index);
      if (!used.has(i)) {
        values.push(this.values[i]);
        used.set(i, values.length);
      }
      return `$${used.get(i)}`;
    });
    return [text, values];
  }
}

/** The factors of score.ts as SQL expressions over one candidate row. */
interface FactorSql {
  inTargetCity: string;
  inTargetCountry: string;
  tier: string;
  soughtType: string;
  /** How many areas (languages) are shared: cheap containment tests, one per seeker value. */
  sharedAreaCount: string;
  sharedLanguageCount: string;
  sharedAreas: string;
  sharedLanguages: string;
  /** The points of the factors a ranking may add beyond those above (school, role, programme, network). */
  extraPoints: string;
  /** Their columns for the reasons. */
  extraColumns: string;
  active: string;
  boost: string;
  /** The place that matched: the candidate's, or (targetsSeeker) the seeker's own; for the reasons. */
  place: { targetsSeeker: string; cityEn: string; cityPl: string; country: string };
  /** Tier and boost together, for the score: a lookup in the seeker's table of city points (no join). */
  cityPoints: string;
}

/** A ranking: the candidates' table and joins, the signals that admit a candidate, the factors. */
interface RankingSpec {
  params: Params;
  /** The candidates' table (the visits read only this). */
  from: string;
  /** The joins for the columns of the answer (the final statement only). */
  answerJoins: string;
  filters: string[];
  /**
   * `where`: the signal as the visits test it (through an index); `exact`: the same on the plain
   * columns, when it differs, for the exhaustive reference (the tests compare the two).
   * `broad`: the signal's index lists many rows (most candidates share some area), so when the
   * other signals of a visit are two or more, it is tested on the rows they find instead.
   */
  signals: (Signal<SignalKey> & { where: string; exact?: string; broad?: boolean })[];
  factors: FactorSql;
  /** The tie-breakers after the score. */
  name: string;
  id: string;
  /** The columns of the answer, besides the factors and the score. */
  columns: string;
  /** Bounds what the factors other than the signals (tier, languages, activity, boost) can add. */
  rest: number;
  /**
   * The points each city adds (tier and boost), and the filter on the candidate's city: when a visit
   * needs a score the other factors cannot reach without a good city, it reads only candidates
   * in the cities that give enough (a narrower index scan; none when no city gives enough).
   */
  cities: {
    points: Map<string | number, number>;
    restWithoutCity: number;
    filter: (refs: (string | number)[], params: Params) => string;
  };
}

const w = WEIGHTS;

interface CityRow {
  id: number;
  key: string;
  relationship: Exclude<keyof typeof WEIGHTS.tier, 'home'> | null;
  home: boolean;
  boost: number;
}

/** Every city of the registry (31 rows), read with the seeker: what each adds by its tier and boost. */
const CITIES_SQL = `(SELECT json_agg(json_build_object('id', id, 'key', key, 'relationship', relationship, 'home', is_home, 'boost', match_boost)) FROM cities)`;

/** Tier and boost of a candidate's city, as score() counts them (the home city only for a seeker abroad). */
function cityPoints(city: CityRow, seekerHome: boolean): number {
  const tier = city.home ? (seekerHome ? 0 : w.tier.home) : city.relationship ? w.tier[city.relationship] : 0;
  return tier + Math.max(0, Math.min(city.boost, w.maxBoost));
}

/**
 * What the factors outside the signals can add (the city's tier and boost, shared languages,
 * activity), and the city's points as SQL: a lookup in the seeker's table of points by city,
 * bound once as two arrays (31 cities), which costs a visit less per row than joining the cities.
 */
function cityRanking(
  cities: CityRow[],
  seekerHome: boolean,
  languages: number,
  extraRest: number,
  params: Params,
  city: {
    column: string;
    ref: (city: CityRow) => string | number;
    type: 'int' | 'text';
    filter: RankingSpec['cities']['filter'];
  },
) {
  const points = new Map((cities ?? []).map((row) => [city.ref(row), cityPoints(row, seekerHome)] as const));
  const restWithoutCity = Math.min(languages * w.perLanguage, w.maxLanguages) + w.active + extraRest;
  const pointsSql = `coalesce((${params.add([...points.values()])}::int[])[array_position(${params.add([...points.keys()])}::${city.type}[], ${city.column})], 0)`;
  return {
    rest: Math.max(0, ...points.values()) + restWithoutCity,
    cities: { points, restWithoutCity, filter: city.filter },
    pointsSql,
  };
}

/** The weighted sum of score.ts, in SQL (the weights are code constants, inlined as numbers). */
function scoreSql(f: FactorSql): string {
  return `(CASE WHEN ${f.inTargetCity} THEN ${w.targetCity} WHEN ${f.inTargetCountry} THEN ${w.targetCountry} ELSE 0 END
  + ${f.cityPoints}
  + CASE WHEN ${f.soughtType} IS NOT NULL THEN ${w.soughtType} ELSE 0 END
  + least(${f.sharedAreaCount} * ${w.perArea}, ${w.maxAreas})
  + least(${f.sharedLanguageCount} * ${w.perLanguage}, ${w.maxLanguages})
  + ${f.extraPoints}
  + CASE WHEN ${f.active} THEN ${w.active} ELSE 0 END)::int`;
}

function factorColumns(f: FactorSql): string {
  return `coalesce(${f.inTargetCity}, false) AS "inTargetCity", coalesce(${f.inTargetCountry}, false) AS "inTargetCountry", ${f.tier} AS tier,
  c.name AS "cityEn", c.name_pl AS "cityPl", ${f.soughtType} AS "soughtType", ${f.sharedAreas} AS "sharedAreas",
  ${f.sharedLanguages} AS "sharedLanguages", ${f.extraColumns}, coalesce(${f.active}, false) AS active, ${f.boost} AS boost,
  ${f.place.targetsSeeker} AS "targetsSeeker", ${f.place.cityEn} AS "placeCityEn", ${f.place.cityPl} AS "placeCityPl", ${f.place.country} AS "placeCountry"`;
}

/** Containment tests, one per value: (col @> ARRAY[$1])::int + ... (0 without values). */
function countShared(column: string, values: string[], params: Params): string {
  return values.length
    ? `(${values.map((v) => `(${column} @> ARRAY[${params.add(v)}]::text[])::int`).join(' + ')})`
    : '0';
}

const intersect = (column: string, values: string) =>
  `ARRAY(SELECT unnest(${column}) INTERSECT SELECT unnest(${values}::text[]) ORDER BY 1)`;
const or = (parts: string[]) => (parts.length ? `(${parts.join(' OR ')})` : 'false');

/** The tier of the candidate's city; the home city counts only for a seeker abroad. */
const tierSql = (seekerHome: boolean) =>
  `(CASE WHEN c.is_home THEN ${seekerHome ? 'NULL' : `'home'`} ELSE c.relationship::text END)`;

/** The initiative a search for partner organisations starts from, with what ranks the candidates. */
interface InitiativeSeekerRow {
  organizationId: string;
  targetCountries: string[];
  soughtTypes: string[];
  areas: string[];
  languages: string[];
  coOrganizerIds: string[];
  seekerHome: boolean;
  targetCityIds: number[];
  cities: CityRow[];
  /** The seeking organisation's school profile. */
  schoolLevels: string[];
  pupilAgeMin: number | null;
  pupilAgeMax: number | null;
  subjects: string[];
  soughtRole: string | null;
  /** Its funding programme while the call is open (no deadline, or not passed), else null. */
  fundingProgramme: string | null;
  /** Cities outside the targets that share a city network with a target city, with that network. */
  networkCities: { cityId: number; name: string; namePl: string; viaEn: string; viaPl: string | null }[] | null;
}

/** The organisation (and, when given, its initiative) a search for initiatives starts from. */
interface OrganizationSeekerRow {
  id: string;
  type: string;
  country: string;
  cityKey: string | null;
  cityEn: string | null;
  cityPl: string | null;
  seekerHome: boolean;
  targetCities: string[];
  targetCountries: string[];
  areas: string[];
  languages: string[];
  cities: CityRow[];
  /** The seeker initiative's funding programme while its call is open. */
  fundingProgramme: string | null;
}

/**
 * Matching in SQL. A request first reads the seeker, then ranks candidates by the formula of
 * score.ts: the candidates come through indexes (a sought type, a shared area, a target city or
 * country), and top-k.ts visits the combinations of these signals strongest first, so that only
 * the few rows that can still make the page are scored. Order: score, then name, then id.
 */
@Injectable()
export class MatchingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counterpart organisations for an initiative. */
  async counterparts(
    initiativeId: string,
    after: MatchCursor | undefined,
    limit: number,
    options: RankOptions = {},
  ): Promise<OrganizationMatchRow[]> {
    const [seeker] = await this.dataSource.query<InitiativeSeekerRow[]>(
      `SELECT i.organization_id AS "organizationId", i.target_countries AS "targetCountries", i.sought_org_types AS "soughtTypes",
              i.areas, i.languages, i.co_organizer_ids AS "coOrganizerIds", coalesce(sc.is_home, false) AS "seekerHome",
              ARRAY(SELECT id FROM cities WHERE key = ANY(i.target_cities) ORDER BY id) AS "targetCityIds", ${CITIES_SQL} AS cities,
              s.school_levels AS "schoolLevels", s.pupil_age_min AS "pupilAgeMin", s.pupil_age_max AS "pupilAgeMax", s.subjects,
              i.sought_role AS "soughtRole",
              CASE WHEN i.call_deadline IS NULL OR i.call_deadline >= $2::date THEN nullif(trim(i.funding_programme), '') END AS "fundingProgramme",
              (SELECT json_agg(json_build_object('cityId', m.city_id, 'name', n.name, 'namePl', n.name_pl, 'viaEn', t.name, 'viaPl', t.name_pl) ORDER BY m.city_id)
                 FROM (SELECT DISTINCT ON (m.city_id) m.city_id, m.network_id, tm.city_id AS via
                         FROM city_network_members tm JOIN city_network_members m ON m.network_id = tm.network_id AND m.city_id <> tm.city_id
                         JOIN cities tc ON tc.id = tm.city_id
                        WHERE tc.key = ANY(i.target_cities)
                          AND m.city_id NOT IN (SELECT id FROM cities WHERE key = ANY(i.target_cities) OR is_home)
                        ORDER BY m.city_id, m.network_id, tm.city_id) m
                 JOIN city_networks n ON n.id = m.network_id JOIN cities t ON t.id = m.via) AS "networkCities"
         FROM initiatives i JOIN organizations s ON s.id = i.organization_id LEFT JOIN cities sc ON sc.id = s.city_id
        WHERE i.id = $1`,
      [initiativeId, options.today ?? today()],
    );
    if (!seeker) return [];
    const params = new Params();
    const cityIds = seeker.targetCityIds.length ? params.add(seeker.targetCityIds) : null;
    const countries = seeker.targetCountries.length ? params.add(seeker.targetCountries) : null;
    const types = seeker.soughtTypes.length ? params.add(seeker.soughtTypes) : null;
    const areas = seeker.areas.length ? params.add(seeker.areas) : null;
    const languages = params.add(seeker.languages);
    const extra = counterpartExtras(seeker, params);
    const city = cityRanking(seeker.cities, seeker.seekerHome, seeker.languages.length, extra.rest, params, {
      column: 'o.city_id',
      ref: (row) => row.id,
      type: 'int',
      filter: (ids, visit) => `o.city_id = ANY(${visit.add(ids)}::int[])`,
    });
    const inTargetCity = cityIds ? `o.city_id = ANY(${cityIds}::int[])` : 'false';
    const inTargetCountry = countries ? `o.country = ANY(${countries}::bpchar[])` : 'false';
    const signals: RankingSpec['signals'] = [];
    if (cityIds || countries)
      signals.push({
        key: 'place',
        max: cityIds ? w.targetCity : w.targetCountry,
        where: or([cityIds ? inTargetCity : '', countries ? inTargetCountry : ''].filter(Boolean)),
      });
    if (types) signals.push({ key: 'type', max: w.soughtType, where: `o.type = ANY(${types}::text[])` });
    if (areas)
      signals.push({
        key: 'areas',
        max: Math.min(seeker.areas.length * w.perArea, w.maxAreas),
        where: `o.areas && ${areas}::text[]`,
        broad: true,
      });
    const factors: FactorSql = {
      inTargetCity,
      inTargetCountry,
      tier: tierSql(seeker.seekerHome),
      soughtType: types ? `(CASE WHEN o.type = ANY(${types}::text[]) THEN o.type END)` : 'NULL::text',
      sharedAreaCount: countShared('o.areas', seeker.areas, params),
      sharedLanguageCount: countShared('o.languages', seeker.languages, params),
      sharedAreas: areas ? intersect('o.areas', areas) : `'{}'::text[]`,
      sharedLanguages: intersect('o.languages', languages),
      extraPoints: extra.points,
      extraColumns: extra.columns,
      active: `o.last_active_at > now() - interval '30 days'`,
      boost: 'coalesce(c.match_boost, 0)::int',
      place: { targetsSeeker: 'false', cityEn: 'c.name', cityPl: 'c.name_pl', country: 'o.country::text' },
      cityPoints: city.pointsSql,
    };
    return this.rank<OrganizationMatchRow>(
      {
        params,
        from: 'organizations o',
        answerJoins: 'LEFT JOIN cities c ON c.id = o.city_id',
        filters: [
          `o.status = 'verified'`,
          'o.hidden_at IS NULL',
          `o.id <> ${params.add(seeker.organizationId)}`,
          `NOT (o.id = ANY(${params.add(seeker.coOrganizerIds)}::uuid[]))`,
        ],
        signals,
        factors,
        name: 'o.name',
        id: 'o.id',
        columns: `o.id, o.name, o.type, c.key AS "cityKey", coalesce(c.name, o.city_name) AS "cityName", c.name_pl AS "cityNamePl", o.country`,
        rest: city.rest,
        cities: city.cities,
      },
      after,
      limit,
      options,
    );
  }

  /**
   * Published initiatives that fit a seeker: an organisation (`initiativeId` null), or an
   * initiative of that organisation (its targets and languages count too).
   */
  async fittingInitiatives(
    organizationId: string,
    initiativeId: string | null,
    after: MatchCursor | undefined,
    limit: number,
    options: RankOptions = {},
  ): Promise<InitiativeMatchRow[]> {
    const [seeker] = await this.dataSource.query<OrganizationSeekerRow[]>(
      `SELECT o.id, o.type, o.country, c.key AS "cityKey", c.name AS "cityEn", c.name_pl AS "cityPl", coalesce(c.is_home, false) AS "seekerHome",
              coalesce(i.target_cities, '{}') AS "targetCities", coalesce(i.target_countries, '{}') AS "targetCountries",
              coalesce(i.areas, o.areas) AS areas, coalesce(i.languages, o.languages) AS languages, ${CITIES_SQL} AS cities,
              CASE WHEN i.call_deadline IS NULL OR i.call_deadline >= $3::date THEN nullif(trim(i.funding_programme), '') END AS "fundingProgramme"
         FROM organizations o LEFT JOIN cities c ON c.id = o.city_id LEFT JOIN initiatives i ON i.id = $2::uuid AND i.organization_id = o.id
        WHERE o.id = $1`,
      [organizationId, initiativeId, options.today ?? today()],
    );
    if (!seeker) return [];
    const params = new Params();
    // In a target city: the candidate is in one of the seeker's, or targets the seeker's; the same for countries.
    const inSeekersCities = seeker.targetCities.length
      ? `j.organization_city = ANY(${params.add(seeker.targetCities)}::text[])`
      : '';
    const targetsSeekersCity = seeker.cityKey ? `j.target_cities @> ARRAY[${params.add(seeker.cityKey)}]::text[]` : '';
    const inSeekersCountries = seeker.targetCountries.length
      ? `j.organization_country = ANY(${params.add(seeker.targetCountries)}::bpchar[])`
      : '';
    const targetsSeekersCountry = `j.target_countries @> ARRAY[${params.add(seeker.country)}]::text[]`;
    const cityParts = [inSeekersCities, targetsSeekersCity].filter(Boolean);
    const countryParts = [inSeekersCountries, targetsSeekersCountry].filter(Boolean);
    // The reason names the seeker's own place only when the candidate is not in one the seeker looks for.
    const targetsSeeker = `(CASE WHEN ${inSeekersCities || 'false'} THEN false WHEN ${targetsSeekersCity || 'false'} THEN true
      WHEN ${inSeekersCountries || 'false'} THEN false ELSE coalesce(${targetsSeekersCountry}, false) END)`;
    const type = params.add(seeker.type);
    const areas = seeker.areas.length ? params.add(seeker.areas) : null;
    const languages = params.add(seeker.languages);
    const keys = (values: string[]) => `${params.add(values)}::text[]`;
    const placeKeys = [
      ...seeker.targetCities.map(matchKey.organizationCity),
      ...(seeker.cityKey ? [matchKey.targetCity(seeker.cityKey)] : []),
      ...seeker.targetCountries.map(matchKey.organizationCountry),
      matchKey.targetCountry(seeker.country),
    ];
    // All signals through the one match-keys index (areas too: GIN skips through a long list cheaply).
    const signals: RankingSpec['signals'] = [
      {
        key: 'place',
        max: cityParts.length ? w.targetCity : w.targetCountry,
        where: `${INITIATIVE_MATCH_KEYS} && ${keys(placeKeys)}`,
        exact: or([...cityParts, ...countryParts]),
      },
      {
        key: 'type',
        max: w.soughtType,
        where: `${INITIATIVE_MATCH_KEYS} @> ${keys([matchKey.soughtType(seeker.type)])}`,
        exact: `j.sought_org_types @> ARRAY[${type}]::text[]`,
      },
    ];
    if (areas)
      signals.push({
        key: 'areas',
        max: Math.min(seeker.areas.length * w.perArea, w.maxAreas),
        where: `${INITIATIVE_MATCH_KEYS} && ${keys(seeker.areas.map(matchKey.area))}`,
        exact: `j.areas && ${areas}::text[]`,
      });
    // The same programme (normalised as programmeKey does) counts for a seeker initiative whose call is open.
    const programme = seeker.fundingProgramme ? params.add(seeker.fundingProgramme) : null;
    const sameProgramme = programme
      ? `(${PROGRAMME_KEY_SQL('j.funding_programme')} = ${params.add(programmeKey(seeker.fundingProgramme!))})`
      : 'false';
    const city = cityRanking(
      seeker.cities,
      seeker.seekerHome,
      seeker.languages.length,
      programme ? w.programme : 0,
      params,
      {
        column: 'j.organization_city::text',
        ref: (row) => row.key,
        type: 'text',
        filter: (cityKeys, visit) =>
          `${INITIATIVE_MATCH_KEYS} && ${visit.add(cityKeys.map((key) => matchKey.organizationCity(String(key))))}::text[]`,
      },
    );
    const factors: FactorSql = {
      inTargetCity: or(cityParts),
      inTargetCountry: or(countryParts),
      tier: tierSql(seeker.seekerHome),
      soughtType: `(CASE WHEN j.sought_org_types @> ARRAY[${type}]::text[] THEN ${type}::text END)`,
      sharedAreaCount: countShared('j.areas', seeker.areas, params),
      sharedLanguageCount: countShared('j.languages', seeker.languages, params),
      sharedAreas: areas ? intersect('j.areas', areas) : `'{}'::text[]`,
      sharedLanguages: intersect('j.languages', languages),
      extraPoints: `CASE WHEN ${sameProgramme} THEN ${w.programme} ELSE 0 END`,
      extraColumns: `'{}'::text[] AS "sharedLevels", NULL::int AS "sharedAgeMin", NULL::int AS "sharedAgeMax", '{}'::text[] AS "sharedSubjects",
        NULL::text AS role, CASE WHEN ${sameProgramme} THEN ${programme ?? 'NULL'}::text END AS programme, NULL::json AS network`,
      active: `j.updated_at > now() - interval '30 days'`,
      boost: 'coalesce(c.match_boost, 0)::int',
      place: {
        targetsSeeker,
        cityEn: `CASE WHEN ${targetsSeeker} THEN ${params.add(seeker.cityEn)}::text ELSE c.name END`,
        cityPl: `CASE WHEN ${targetsSeeker} THEN ${params.add(seeker.cityPl)}::text ELSE c.name_pl END`,
        country: `CASE WHEN ${targetsSeeker} THEN ${params.add(seeker.country)}::text ELSE j.organization_country::text END`,
      },
      cityPoints: city.pointsSql,
    };
    return this.rank<InitiativeMatchRow>(
      {
        params,
        from: 'initiatives j',
        answerJoins:
          'LEFT JOIN cities c ON c.key = j.organization_city JOIN organizations o ON o.id = j.organization_id',
        filters: [
          // Literals, not a parameter: the partial index of the match keys is over these statuses.
          `j.status IN (${sqlLabels(OPEN_STATUSES)})`,
          'j.hidden_at IS NULL',
          `j.organization_id <> ${params.add(seeker.id)}`,
          // A lookup per candidate row (a visit reads a few hundred): a join would hash all organisations.
          `(SELECT o.status = 'verified' AND o.hidden_at IS NULL FROM organizations o WHERE o.id = j.organization_id)`,
        ],
        signals,
        factors,
        name: 'j.title',
        id: 'j.id',
        columns: `j.id, j.title, j.summary, j.language, j.translations, j.kind::text AS kind, o.id AS "organizationId", o.name AS "organizationName", o.type AS "organizationType",
                  c.key AS "cityKey", o.country`,
        rest: city.rest,
        cities: city.cities,
      },
      after,
      limit,
      options,
    );
  }

  /**
   * The city networks of an initiative's target cities, each with its other member cities (not a
   * target, not the home city): partners for a multilateral project.
   */
  networksOfTargets(initiativeId: string): Promise<NetworkSuggestionRow[]> {
    return this.dataSource.query(
      `SELECT n.key, n.name, n.name_pl AS "namePl",
              (SELECT json_agg(json_build_object('key', c.key, 'name', c.name, 'namePl', c.name_pl, 'country', c.country) ORDER BY c.name)
                 FROM city_network_members om JOIN cities c ON c.id = om.city_id
                WHERE om.network_id = n.id AND NOT c.is_home AND NOT c.key = ANY(i.target_cities)) AS "otherMembers",
              ARRAY(SELECT c.key FROM city_network_members tm JOIN cities c ON c.id = tm.city_id
                     WHERE tm.network_id = n.id AND c.key = ANY(i.target_cities) ORDER BY c.key) AS "targetMembers"
         FROM initiatives i JOIN city_networks n
           ON EXISTS (SELECT 1 FROM city_network_members tm JOIN cities c ON c.id = tm.city_id WHERE tm.network_id = n.id AND c.key = ANY(i.target_cities))
        WHERE i.id = $1
        ORDER BY n.position`,
      [initiativeId],
    );
  }

  /** Staff: lift (or stop lifting) a partner city in matching. */
  async setCityBoost(cityKey: string, boost: number): Promise<boolean> {
    // edited_at marks the city as edited by staff: the reference-data import keeps the change.
    const rows = await modifyReturning(
      this.dataSource.manager,
      `UPDATE cities SET match_boost = $2, edited_at = now() WHERE key = $1 AND NOT is_home RETURNING id`,
      [cityKey, boost],
    );
    return rows.length > 0;
  }

  /**
   * The page: candidates chosen by topKCandidates (or, exhaustively, every candidate), then their
   * factors and the final order in one statement, so that names compare in the database's collation.
   */
  private async rank<Row>(
    spec: RankingSpec,
    after: MatchCursor | undefined,
    limit: number,
    options: RankOptions,
  ): Promise<Row[]> {
    if (!spec.signals.length) return [];
    const score = scoreSql(spec.factors);
    // Keyset paging: after the cursor's (score, name, id) in the order of the page.
    const page = (params: Params) => {
      if (!after) return 'true';
      const [lastScore, lastName, lastId] = [params.add(after.score), params.add(after.name), params.add(after.id)];
      return `(${score} < ${lastScore} OR (${score} = ${lastScore} AND (${spec.name}, ${spec.id}) > (${lastName}, ${lastId}::uuid)))`;
    };
    const final = spec.params.copy();
    let chosen: string;
    if (options.exhaustive) {
      chosen = or(spec.signals.map((s) => s.exact ?? s.where));
    } else {
      const candidates = await topKCandidates(spec.signals, spec.rest, limit, async (keys, minScore) => {
        const params = spec.params.copy();
        const chosen = keys.map((key) => spec.signals.find((s) => s.key === key)!);
        const narrow = chosen.filter((signal) => !signal.broad).length;
        // "IS TRUE" keeps a broad signal out of the BitmapAnd: a filter on the few rows the others find.
        const where = [
          ...chosen.map((signal) => (signal.broad && narrow >= 2 ? `(${signal.where}) IS TRUE` : signal.where)),
          ...spec.filters,
          page(params),
        ];
        if (minScore !== null) {
          // The points the candidate's city must give for the score to reach minScore at all.
          const need = minScore - chosen.reduce((sum, signal) => sum + signal.max, 0) - spec.cities.restWithoutCity;
          if (need > 0) {
            const enough = [...spec.cities.points].filter(([, points]) => points >= need).map(([ref]) => ref);
            if (!enough.length) return [];
            where.push(spec.cities.filter(enough, params));
          }
          where.push(`${score} >= ${params.add(minScore)}`);
        }
        return this.dataSource.query(
          ...params.bind(
            `SELECT ${spec.id} AS id, ${score} AS score FROM ${spec.from}
              WHERE ${where.join(' AND ')}
              ORDER BY score DESC, ${spec.name}, ${spec.id} LIMIT ${params.add(limit)}`,
          ),
        );
      });
      if (!candidates.length) return [];
      chosen = `${spec.id} = ANY(${final.add(candidates.map((c) => c.id))}::uuid[])`;
    }
    return this.dataSource.query(
      ...final.bind(
        `SELECT ${spec.columns}, ${factorColumns(spec.factors)}, ${score} AS score
           FROM ${spec.from} ${spec.answerJoins}
          WHERE ${[chosen, ...spec.filters, page(final)].join(' AND ')}
          ORDER BY score DESC, ${spec.name}, ${spec.id} LIMIT ${final.add(limit)}`,
      ),
    );
  }
}
