import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../src/auth/password-hasher';
import { renderMarkdown } from '../src/common/markdown';
import { OrganizationMember } from '../src/organizations/entities/organization-member.entity';
import { Organization } from '../src/organizations/entities/organization.entity';
import type { MemberRole, OrganizationStatus } from '../src/organizations/organizations.constants';
import { City } from '../src/registry/entities/city.entity';
import { User } from '../src/users/entities/user.entity';
import type { Locale, PlatformRole } from '../src/users/users.constants';

/** Shared by every demo account; shown in the README. Demo data lives in its own data folder. */
export const DEMO_PASSWORD = 'krakow demo forum 2026';
export const DEMO_DOMAIN = 'demo.cooperation-forum.example';

interface Persona {
  key: string;
  displayName: string;
  role: PlatformRole;
  locale: Locale;
}

/** One account per role, so that a new user can try every role at once (see the README). */
export const DEMO_PERSONAS: Persona[] = [
  { key: 'admin', displayName: 'Aleksandra Admin', role: 'admin', locale: 'pl' },
  {
    key: 'moderator',
    displayName: 'Marek Moderator (Biuro Współpracy Międzynarodowej)',
    role: 'moderator',
    locale: 'pl',
  },
  { key: 'owner', displayName: 'Olga Owner', role: 'member', locale: 'pl' },
  { key: 'editor', displayName: 'Edward Editor', role: 'member', locale: 'en' },
  { key: 'member', displayName: 'Maria Member', role: 'member', locale: 'pl' },
  { key: 'partner', displayName: 'Petra Partner (Nürnberg)', role: 'member', locale: 'en' },
  { key: 'institutions', displayName: 'Demo institutions', role: 'member', locale: 'en' },
];

const demoEmail = (key: string) => `${key}@${DEMO_DOMAIN}`;

const AREAS_BY_TYPE: Record<string, string[]> = {
  university: ['education', 'science'],
  school: ['education', 'youth'],
  ngo: ['social', 'culture'],
  cultural_institution: ['culture', 'heritage'],
  chamber: ['economy', 'promotion'],
  city_unit: ['governance', 'municipal'],
  health_institution: ['health', 'social'],
  diaspora_organisation: ['diaspora', 'culture'],
  youth_centre: ['youth', 'sport'],
  business: ['economy', 'transport'],
  district: ['governance', 'social'],
  consulate: ['promotion', 'diaspora'],
  foreign_city_hall: ['governance', 'promotion'],
};

const LANGUAGES_BY_COUNTRY: Record<string, string[]> = {
  PL: ['pl'],
  DE: ['de'],
  AT: ['de'],
  CH: ['de', 'fr'],
  FR: ['fr'],
  BE: ['nl', 'fr'],
  IT: ['it'],
  ES: ['es'],
  GB: ['en'],
  US: ['en'],
  UA: ['uk'],
  LT: ['lt', 'pl'],
  CL: ['es'],
  BR: ['pt'],
  EC: ['es'],
  PE: ['es'],
  RU: ['ru'],
  HU: ['hu'],
  SK: ['sk'],
  HR: ['hr'],
  SE: ['sv'],
  MA: ['ar', 'fr'],
};

interface DemoOrganization {
  name: string;
  city: string;
  type: string;
  status?: OrganizationStatus;
  areas?: string[];
  members?: [persona: string, role: MemberRole][];
  description?: string;
}

/** What a school, university or other partner says of itself for matching (levels, ages, subjects, roles, programmes). */
interface MatchingProfile {
  schoolLevels?: string[];
  pupilAges?: [min: number, max: number];
  subjects?: string[];
  partnerRoles?: string[];
  fundingProgrammes?: string[];
}

/**
 * The demo schools' profiles, as their names and descriptions suggest (a Gymnasium takes pupils of
 * 10 to 19, a Liceum 15 to 19...), and the roles and programmes of a few partners: the judged set
 * of matching (test/fixtures/matching-judged-set.json) is built on them.
 */
const MATCHING_PROFILES: Record<string, MatchingProfile> = {
  'Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie': {
    schoolLevels: ['primary'],
    pupilAges: [7, 15],
    subjects: ['languages', 'science', 'environment', 'arts'],
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Erasmus+', 'eTwinning'],
  },
  'Specjalny Ośrodek Szkolno-Wychowawczy dla Niesłyszących': {
    schoolLevels: ['primary', 'secondary', 'vocational'],
    pupilAges: [3, 24],
    subjects: ['special_needs', 'arts', 'ict'],
    partnerRoles: ['partner'],
    fundingProgrammes: ['Erasmus+'],
  },
  'Peter-Vischer-Schule Nürnberg': {
    schoolLevels: ['secondary'],
    pupilAges: [10, 19],
    subjects: ['languages', 'history', 'science'],
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Erasmus+', 'Deutsch-Polnisches Jugendwerk'],
  },
  'Liceum nr 10 im. Marii Konopnickiej we Lwowie': {
    schoolLevels: ['secondary'],
    pupilAges: [15, 19],
    subjects: ['languages', 'history'],
    partnerRoles: ['partner', 'associate'],
  },
  'Kyiv Gymnasium No. 153': {
    schoolLevels: ['secondary'],
    pupilAges: [10, 17],
    subjects: ['languages', 'mathematics', 'science'],
    partnerRoles: ['partner'],
    fundingProgrammes: ['eTwinning'],
  },
  'Sint-Pieterscollege Leuven': {
    schoolLevels: ['secondary'],
    pupilAges: [12, 18],
    subjects: ['languages', 'science', 'mathematics'],
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Erasmus+'],
  },
  'Liceo Scientifico Leonardo da Vinci Milano': {
    schoolLevels: ['secondary'],
    pupilAges: [14, 19],
    subjects: ['science', 'mathematics', 'ict'],
    partnerRoles: ['partner'],
    fundingProgrammes: ['Erasmus+'],
  },
  'Lycée Montaigne Bordeaux': {
    schoolLevels: ['secondary'],
    pupilAges: [11, 18],
    subjects: ['languages', 'history', 'arts'],
    partnerRoles: ['partner', 'associate'],
    fundingProgrammes: ['Erasmus+'],
  },
  'Vilniaus Simono Konarskio gimnazija': {
    schoolLevels: ['secondary'],
    pupilAges: [12, 19],
    subjects: ['languages', 'history'],
    partnerRoles: ['partner'],
  },
  'Edinburgh Academy': {
    schoolLevels: ['primary', 'secondary'],
    pupilAges: [5, 18],
    subjects: ['languages', 'science', 'sport'],
    partnerRoles: ['partner', 'associate'],
  },
  'Rochester City School District International Office': {
    schoolLevels: ['primary', 'secondary'],
    pupilAges: [5, 18],
    subjects: ['languages', 'arts'],
    partnerRoles: ['associate'],
  },
  'Conservatoire de Musique de Bordeaux': {
    schoolLevels: ['vocational', 'higher'],
    pupilAges: [6, 25],
    subjects: ['music', 'arts'],
    partnerRoles: ['partner'],
    fundingProgrammes: ['Erasmus+', 'Creative Europe'],
  },
  'Villa Blanca Tourismusschule': {
    schoolLevels: ['vocational'],
    pupilAges: [14, 19],
    subjects: ['tourism', 'languages'],
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Erasmus+'],
  },
  'BBW Leipzig (vocational training centre for the hearing-impaired)': {
    schoolLevels: ['vocational'],
    pupilAges: [16, 25],
    subjects: ['special_needs', 'ict'],
    partnerRoles: ['partner'],
    fundingProgrammes: ['Erasmus+'],
  },
  'Uniwersytet Jagielloński': {
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Horizon Europe', 'Erasmus+'],
  },
  'Katholieke Universiteit Leuven': {
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Horizon Europe', 'Erasmus+'],
  },
  'Université de Bordeaux': {
    partnerRoles: ['lead_partner', 'partner'],
    fundingProgrammes: ['Horizon Europe', 'Erasmus+'],
  },
  'University of Rochester': { partnerRoles: ['lead_partner', 'partner'], fundingProgrammes: ['Horizon Europe'] },
  'Universidad de Sevilla': { partnerRoles: ['partner'], fundingProgrammes: ['Erasmus+'] },
  'Akademia Górniczo-Hutnicza': { partnerRoles: ['partner'], fundingProgrammes: ['Horizon Europe'] },
};

/** Counterparts in the twin and partner cities, so that matching has something to find. */
const EXTRA: DemoOrganization[] = [
  {
    name: 'Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie',
    city: 'krakow',
    type: 'school',
    members: [
      ['owner', 'owner'],
      ['editor', 'editor'],
      ['member', 'member'],
    ],
    description:
      'Szukamy **szkoły partnerskiej** w Norymberdze lub Lwowie do wymian uczniowskich (eTwinning, Erasmus+).',
  },
  {
    name: 'Fundacja Most Kultury',
    city: 'krakow',
    type: 'ngo',
    areas: ['culture', 'youth', 'social'],
    members: [['editor', 'owner']],
  },
  { name: 'Krakowska Izba Rzemieślnicza', city: 'krakow', type: 'chamber', members: [['member', 'owner']] },
  {
    name: 'Peter-Vischer-Schule Nürnberg',
    city: 'nuremberg',
    type: 'school',
    members: [['partner', 'owner']],
    description: 'Gymnasium looking for a partner school in Kraków for a yearly pupil exchange.',
  },
  { name: 'Jugendring Nürnberg', city: 'nuremberg', type: 'ngo', areas: ['youth', 'sport', 'social'] },
  { name: 'IHK Nürnberg für Mittelfranken', city: 'nuremberg', type: 'chamber' },
  {
    name: 'Liceum nr 10 im. Marii Konopnickiej we Lwowie',
    city: 'lviv',
    type: 'school',
    areas: ['education', 'youth', 'diaspora'],
  },
  { name: 'Lviv Youth Council', city: 'lviv', type: 'ngo', areas: ['youth', 'governance'] },
  { name: 'Kyiv Gymnasium No. 153', city: 'kyiv', type: 'school' },
  { name: 'Kyiv Chamber of Commerce and Industry', city: 'kyiv', type: 'chamber' },
  { name: 'Sint-Pieterscollege Leuven', city: 'leuven', type: 'school' },
  { name: 'Liceo Scientifico Leonardo da Vinci Milano', city: 'milan', type: 'school' },
  { name: 'Fondazione Cariplo Milano', city: 'milan', type: 'ngo', areas: ['culture', 'social', 'science'] },
  { name: 'Lycée Montaigne Bordeaux', city: 'bordeaux', type: 'school' },
  { name: 'Chambre de Commerce et d’Industrie de Bordeaux', city: 'bordeaux', type: 'chamber' },
  { name: 'Frankfurt Chamber of Commerce (IHK Frankfurt am Main)', city: 'frankfurt', type: 'chamber' },
  {
    name: 'Vilniaus Simono Konarskio gimnazija',
    city: 'vilnius',
    type: 'school',
    areas: ['education', 'youth', 'diaspora'],
  },
  { name: 'Edinburgh Academy', city: 'edinburgh', type: 'school' },
  { name: 'Rochester City School District International Office', city: 'rochester', type: 'school' },
  { name: 'Budapest Youth Cultural Centre', city: 'budapest', type: 'youth_centre' },
  {
    name: 'Stowarzyszenie Nowa Szkoła (pending)',
    city: 'krakow',
    type: 'ngo',
    status: 'pending',
    members: [['member', 'owner']],
  },
  { name: 'Lviv Startup Hub (pending)', city: 'lviv', type: 'business', status: 'pending' },
];

/** Creates the demo accounts and organisations; safe to run again (existing ones are left as they are). */
export async function seedDemoData(
  dataSource: DataSource,
  referenceDataFile: string,
): Promise<{ organizations: number; accounts: number }> {
  const reference = JSON.parse(readFileSync(referenceDataFile, 'utf8')) as { institutions_named?: DemoOrganization[] };
  const named = reference.institutions_named ?? [];
  const cities = new Map((await dataSource.getRepository(City).find()).map((city) => [city.key, city]));
  const hasher = new PasswordHasher();
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  let accounts = 0;
  let organizations = 0;

  const personaIds = new Map<string, string>();
  for (const persona of DEMO_PERSONAS) {
    const users = dataSource.getRepository(User);
    let user = await users.findOne({ where: { email: demoEmail(persona.key) } });
    if (!user) {
      user = await users.save(
        users.create({
          email: demoEmail(persona.key),
          passwordHash,
          displayName: persona.displayName,
          locale: persona.locale,
          role: persona.role,
          emailVerifiedAt: new Date(),
        }),
      );
      accounts++;
    }
    personaIds.set(persona.key, user.id);
  }
  // The demo admin keeps the registry (the moderator does not), so both sides of the role can be tried.
  await dataSource.query(
    `INSERT INTO staff_role_grants (user_id, "grant") VALUES ($1, 'registry_editor') ON CONFLICT DO NOTHING`,
    [personaIds.get('admin')],
  );

  const all: DemoOrganization[] = [
    ...named.map((o) =>
      o.name === 'Uniwersytet Jagielloński' ? { ...o, members: [['owner', 'owner']] as [string, MemberRole][] } : o,
    ),
    ...EXTRA,
  ];
  for (const demo of all) {
    const city = cities.get(demo.city);
    if (!city) continue;
    await dataSource.transaction(async (manager) => {
      if (await manager.findOne(Organization, { where: { name: demo.name } })) return;
      const description = demo.description ?? `${demo.name} (${city.namePl}).`;
      const profile = MATCHING_PROFILES[demo.name] ?? {};
      const organization = await manager.save(
        manager.create(Organization, {
          name: demo.name,
          type: demo.type,
          cityId: city.id,
          cityName: city.name,
          country: city.country,
          areas: demo.areas ?? AREAS_BY_TYPE[demo.type] ?? ['culture'],
          languages: [...new Set([...(LANGUAGES_BY_COUNTRY[city.country] ?? []), 'en'])],
          schoolLevels: profile.schoolLevels ?? [],
          pupilAgeMin: profile.pupilAges?.[0] ?? null,
          pupilAgeMax: profile.pupilAges?.[1] ?? null,
          subjects: profile.subjects ?? [],
          partnerRoles: profile.partnerRoles ?? [],
          fundingProgrammes: profile.fundingProgrammes ?? [],
          descriptionMd: description,
          descriptionHtml: renderMarkdown(description),
          status: demo.status ?? 'verified',
          statusChangedAt: demo.status === 'pending' ? null : new Date(),
          statusChangedBy: demo.status === 'pending' ? null : personaIds.get('moderator')!,
          createdBy: personaIds.get('institutions')!,
        }),
      );
      const members = demo.members ?? [['institutions', 'owner']];
      for (const [persona, role] of members) {
        await manager.insert(OrganizationMember, {
          organizationId: organization.id,
          userId: personaIds.get(persona)!,
          role,
        });
      }
      organizations++;
    });
  }
  return { organizations, accounts };
}

interface DemoInitiative {
  organization: string;
  title: string;
  summary: string;
  kind: string;
  areas: string[];
  targetCities: string[];
  soughtOrgTypes: string[];
  languages: string[];
  status: 'published' | 'submitted' | 'in_progress';
  /** The city's cooperation goals it serves: what fills the goals' public pages. */
  goals: string[];
  body?: string;
  fundingProgramme?: string;
}

/** Initiatives for the search, matching and discussions to show something; a few wait in the moderation queue. */
const DEMO_INITIATIVES: DemoInitiative[] = [
  {
    organization: 'Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie',
    title: 'Szkoła partnerska w Norymberdze: wymiana uczniów 2027',
    summary:
      'Szukamy szkoły w Norymberdze do wiosennej wymiany uczniów klas 6–8: projekty o klimacie i wspólne lekcje języka.',
    kind: 'partner_search',
    areas: ['education', 'youth', 'environment'],
    targetCities: ['nuremberg'],
    soughtOrgTypes: ['school'],
    languages: ['pl', 'de', 'en'],
    status: 'published',
    goals: ['youth_contacts'],
    fundingProgramme: 'Erasmus+',
  },
  {
    organization: 'Peter-Vischer-Schule Nürnberg',
    title: 'Partnerschule in Krakau gesucht',
    summary:
      'Unser Gymnasium sucht eine Partnerschule in Krakau für einen jährlichen Schüleraustausch und gemeinsame Projekte.',
    kind: 'partner_search',
    areas: ['education', 'youth'],
    targetCities: ['krakow'],
    soughtOrgTypes: ['school'],
    languages: ['de', 'pl', 'en'],
    status: 'published',
    goals: ['youth_contacts', 'eu_priority'],
  },
  {
    organization: 'Fundacja Most Kultury',
    title: 'Dni Kultury Krakowa we Lwowie',
    summary: 'Festiwal teatru, muzyki i literatury: współpraca instytucji kultury z Krakowa i Lwowa, jesień 2027.',
    kind: 'event',
    areas: ['culture', 'heritage'],
    targetCities: ['lviv'],
    soughtOrgTypes: ['cultural_institution', 'ngo'],
    languages: ['pl', 'uk'],
    status: 'published',
    goals: ['cee_cultural_ties', 'central_eastern_europe'],
  },
  {
    organization: 'Lviv Youth Council',
    title: 'Summer camp for young volunteers from Lviv and Kraków',
    summary: 'Two weeks of volunteering, workshops and sport for 40 young people from both cities.',
    kind: 'exchange',
    areas: ['youth', 'social', 'sport'],
    targetCities: ['krakow'],
    soughtOrgTypes: ['ngo', 'youth_centre'],
    languages: ['uk', 'pl', 'en'],
    status: 'published',
    goals: ['youth_contacts', 'central_eastern_europe'],
  },
  {
    organization: 'Krakowska Izba Rzemieślnicza',
    title: 'Misja gospodarcza do Mediolanu: rzemiosło i design',
    summary:
      'Wspólna misja izb gospodarczych: targi, spotkania B2B i wizyty studyjne w pracowniach rzemieślniczych Mediolanu.',
    kind: 'study_visit',
    areas: ['economy', 'promotion'],
    targetCities: ['milan'],
    soughtOrgTypes: ['chamber', 'business'],
    languages: ['pl', 'it', 'en'],
    status: 'published',
    goals: ['economy_hightech_tourism'],
  },
  {
    organization: 'Uniwersytet Jagielloński',
    title: 'Joint summer school with KU Leuven on European heritage',
    summary: 'A two-week summer school for doctoral students on protecting and presenting European urban heritage.',
    kind: 'joint_project',
    areas: ['science', 'education', 'heritage'],
    targetCities: ['leuven'],
    soughtOrgTypes: ['university'],
    languages: ['en'],
    status: 'in_progress',
    goals: ['science_exchanges', 'central_european_heritage'],
    fundingProgramme: 'Horizon Europe',
  },
  {
    organization: 'Jugendring Nürnberg',
    title: 'Jugendbegegnung Nürnberg–Krakau: Sport verbindet',
    summary: 'Sportturniere und Workshops für Jugendliche aus Nürnberg und Krakau im Sommer.',
    kind: 'exchange',
    areas: ['youth', 'sport'],
    targetCities: ['krakow'],
    soughtOrgTypes: ['ngo', 'school', 'youth_centre'],
    languages: ['de', 'pl'],
    status: 'published',
    goals: ['youth_contacts'],
  },
  {
    organization: 'Fundacja Most Kultury',
    title: 'Szlak miast światowego dziedzictwa: Kraków i Budapeszt',
    summary:
      'Wspólny szlak zwiedzania starych miast Krakowa i Budapesztu z przewodnikami-wolontariuszami i materiałami w czterech językach.',
    kind: 'joint_project',
    areas: ['heritage', 'tourism', 'culture'],
    targetCities: ['budapest'],
    soughtOrgTypes: ['cultural_institution', 'youth_centre'],
    languages: ['pl', 'hu', 'en'],
    status: 'published',
    goals: ['central_european_heritage', 'tourism_growth'],
  },
  {
    organization: 'Stowarzyszenie Nowa Szkoła (pending)',
    title: 'Warsztaty dla nauczycieli z Wilna',
    summary: 'Cykl warsztatów metodycznych dla nauczycieli szkół polskich w Wilnie.',
    kind: 'joint_project',
    areas: ['education', 'diaspora'],
    targetCities: ['vilnius'],
    soughtOrgTypes: ['school'],
    languages: ['pl', 'lt'],
    status: 'submitted',
    goals: ['cee_cultural_ties'],
  },
  {
    organization: 'Fundacja Most Kultury',
    title: 'Teatr uliczny bez granic: Kraków i Sewilla',
    summary: 'Wymiana grup teatru ulicznego i wspólny spektakl na festiwalach w obu miastach.',
    kind: 'joint_project',
    areas: ['culture'],
    targetCities: ['seville'],
    soughtOrgTypes: ['cultural_institution'],
    languages: ['pl', 'es', 'en'],
    status: 'submitted',
    goals: ['conference_destination'],
  },
];

/** Demo initiatives with their discussion channels, and a forum edition with its call open. */
export async function seedDemoActivity(dataSource: DataSource): Promise<{ initiatives: number; partnerships: number }> {
  let initiatives = 0;
  for (const demo of DEMO_INITIATIVES) {
    await dataSource.transaction(async (manager) => {
      // A demo seeded before the goals were given keeps its initiatives; they gain their goals once.
      const [existing] = await manager.query<{ id: string; goals: string[] }[]>(
        `SELECT id, goals FROM initiatives WHERE title = $1`,
        [demo.title],
      );
      if (existing) {
        if (!existing.goals.length)
          await manager.query(`UPDATE initiatives SET goals = $2 WHERE id = $1`, [existing.id, demo.goals]);
        return;
      }
      const [organization] = await manager.query<{ id: string; type: string; city: string | null; owner: string }[]>(
        `SELECT o.id, o.type, c.key AS city, m.user_id AS owner FROM organizations o LEFT JOIN cities c ON c.id = o.city_id JOIN organization_members m ON m.organization_id = o.id AND m.role = 'owner' WHERE o.name = $1 LIMIT 1`,
        [demo.organization],
      );
      if (!organization) return;
      const body = `${demo.summary}\n\n**${demo.title}**`;
      const [{ id }] = await manager.query<{ id: string }[]>(
        `INSERT INTO initiatives (organization_id, title, summary, body_md, body_html, kind, status, areas, target_cities, sought_org_types, languages, funding_programme,
                                  organization_city, organization_type, published_at, created_by, goals)
         VALUES ($1, $2, $3, $4, $5, $6, $7::initiative_status, $8, $9, $10, $11, $12, $13, $14, CASE WHEN $7::initiative_status = 'submitted' THEN NULL ELSE now() END, $15, $16) RETURNING id`,
        [
          organization.id,
          demo.title,
          demo.summary,
          body,
          renderMarkdown(body),
          demo.kind,
          demo.status,
          demo.areas,
          demo.targetCities,
          demo.soughtOrgTypes,
          demo.languages,
          demo.fundingProgramme ?? null,
          organization.city,
          organization.type,
          organization.owner,
          demo.goals,
        ],
      );
      await manager.query(`INSERT INTO channels (kind, title, initiative_id) VALUES ('initiative', $1, $2)`, [
        demo.title.slice(0, 200),
        id,
      ]);
      await manager.query(`UPDATE organizations SET last_active_at = now() WHERE id = $1`, [organization.id]);
      initiatives++;
    });
  }
  await dataSource.query(
    `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, languages, status, meeting_tables)
     VALUES (2027, 'Miasta partnerskie razem: młodzież, kultura, klimat', 'Partner cities together: youth, culture, climate', '2027-05-20', '2027-05-21', 'ICE Kraków Congress Centre', '{pl,en}', 'call_open', 10)
     ON CONFLICT (year) DO NOTHING`,
  );
  const partnerships = await seedDemoPartnerships(dataSource);
  return { initiatives, partnerships };
}

/**
 * Partnerships of demo initiatives: one every participant agreed to show (the goal's and the
 * city's public pages name it) and one whose Kraków side has not agreed (counted, never named).
 */
const DEMO_PARTNERSHIPS: { initiative: string; members: [organization: string, publicConsent: boolean][] }[] = [
  {
    initiative: 'Jugendbegegnung Nürnberg–Krakau: Sport verbindet',
    members: [
      ['Jugendring Nürnberg', true],
      ['Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie', true],
    ],
  },
  {
    initiative: 'Summer camp for young volunteers from Lviv and Kraków',
    members: [
      ['Lviv Youth Council', true],
      ['Fundacja Most Kultury', false],
    ],
  },
];

/** Adds each demo partnership once (an initiative that already has a partnership is left as it is). */
async function seedDemoPartnerships(dataSource: DataSource): Promise<number> {
  let added = 0;
  for (const demo of DEMO_PARTNERSHIPS) {
    await dataSource.transaction(async (manager) => {
      const [initiative] = await manager.query<{ id: string; has: boolean }[]>(
        `SELECT i.id, EXISTS (SELECT 1 FROM partnerships p WHERE p.initiative_id = i.id) AS has FROM initiatives i WHERE i.title = $1`,
        [demo.initiative],
      );
      if (!initiative || initiative.has) return;
      const organizations = await manager.query<{ id: string; name: string }[]>(
        `SELECT id, name FROM organizations WHERE name = ANY($1::text[])`,
        [demo.members.map(([name]) => name)],
      );
      if (organizations.length !== demo.members.length) return;
      // The private channel of the partners, as accepting an interest makes it: every member of each organisation.
      const [channel] = await manager.query<{ id: number }[]>(
        `INSERT INTO channels (kind, title) VALUES ('private', $1) RETURNING id`,
        [demo.initiative.slice(0, 200)],
      );
      const [partnership] = await manager.query<{ id: string }[]>(
        `INSERT INTO partnerships (initiative_id, channel_id, created_at) VALUES ($1, $2, now() - interval '20 days') RETURNING id`,
        [initiative.id, channel.id],
      );
      for (const [index, [name, consent]] of demo.members.entries())
        await manager.query(
          `INSERT INTO partnership_members (partnership_id, organization_id, lead, public_consent) VALUES ($1, $2, $3, $4)`,
          [partnership.id, organizations.find((o) => o.name === name)!.id, index === 0, consent],
        );
      await manager.query(
        `INSERT INTO channel_members (channel_id, user_id)
         SELECT DISTINCT $1::int, om.user_id FROM partnership_members pm JOIN organization_members om ON om.organization_id = pm.organization_id
          WHERE pm.partnership_id = $2
         ON CONFLICT DO NOTHING`,
        [channel.id, partnership.id],
      );
      added++;
    });
  }
  return added;
}

interface DemoVisit {
  direction: 'incoming' | 'outgoing';
  /** A fixed date (the programme's record), or days before the day the demo is seeded (recent activity). */
  on: string | number;
  days: number;
  city?: string;
  place?: string;
  purpose: string;
  language?: 'pl' | 'en';
  people: number;
  host?: string;
  outcomes?: string;
  areas: string[];
  isPublic: boolean;
  /** Kept within the calendar year of the seeding (not before 1 January), so the home page's "visits this year" is never 0. */
  thisYear?: boolean;
}

/**
 * Visits for the register: the ones the 2006-2008 programme tells of (seeds/003), and recent ones
 * with the busy partners (Nuremberg, Lviv) and a few others, so that the public counts and the
 * dormancy screen have something to show; the quiet partners (Cusco, Fez, Gothenburg, Zagreb...) get none.
 */
const DEMO_VISITS: DemoVisit[] = [
  {
    direction: 'incoming',
    on: '2003-05-14',
    days: 4,
    city: 'lviv',
    purpose:
      'Przyjazd 40-osobowej grupy Polaków ze Lwowa z okazji 15-lecia Towarzystwa Kultury Polskiej Ziemi Lwowskiej',
    people: 40,
    host: 'Urząd Miasta Krakowa',
    areas: ['diaspora', 'culture'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: '2003-10-06',
    days: 3,
    city: 'curitiba',
    purpose: 'Wizyta delegacji Kurytyby: transport miejski, inwestycje komunikacyjne, gospodarka odpadami, edukacja',
    people: 6,
    areas: ['transport', 'environment', 'education'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: '2004-05-10',
    days: 2,
    city: 'quito',
    purpose: 'Oficjalna wizyta delegacji z Quito; podpisanie Listu Intencyjnego o Współpracy',
    people: 5,
    outcomes: 'List intencyjny; umowa Uniwersytetu Jagiellońskiego z Universidad San Francisco de Quito',
    areas: ['heritage', 'culture', 'education'],
    isPublic: true,
  },
  {
    direction: 'outgoing',
    on: '2004-09-13',
    days: 5,
    city: 'leipzig',
    purpose:
      'Tygodniowe szkolenie Rady i Urzędu Miasta Krakowa w Urzędzie Miasta Lipska: pozyskiwanie środków europejskich',
    people: 8,
    host: 'Urząd Miasta Lipska',
    outcomes: 'Prezentacja o pozyskiwaniu funduszy UE, wykorzystywana w UMK',
    areas: ['governance', 'economy'],
    isPublic: true,
  },
  {
    direction: 'outgoing',
    on: '2005-03-21',
    days: 2,
    city: 'vienna',
    purpose:
      'Delegacja Państwowej Straży Pożarnej z Krakowa odbiera samochód ratowniczy od Wiedeńskiej Straży Pożarnej',
    people: 4,
    host: 'Dyrekcja ds. Pożarnictwa Urzędu Miasta Wiednia',
    areas: ['safety'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: '2005-06-02',
    days: 2,
    city: 'leuven',
    purpose: 'Wizyta urzędników z Leuven: nowe kontakty w kulturze, turystyce i promocji',
    people: 5,
    areas: ['culture', 'tourism', 'promotion'],
    isPublic: true,
  },
  {
    direction: 'outgoing',
    on: '2005-09-19',
    days: 4,
    city: 'la_serena',
    purpose: 'Wizyta Prezydenta Krakowa w La Serenie: dar miasta, popiersie Ignacego Domeyki',
    people: 5,
    outcomes: 'Porozumienie w sprawie poparcia dla współpracy kulturalnej',
    areas: ['culture', 'diaspora'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: 60,
    days: 5,
    city: 'nuremberg',
    purpose: 'Wymiana uczniów: klasa Peter-Vischer-Schule w Szkole Podstawowej nr 7',
    people: 24,
    host: 'Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie',
    areas: ['education', 'youth'],
    isPublic: true,
  },
  {
    direction: 'outgoing',
    on: 230,
    days: 3,
    city: 'nuremberg',
    purpose: 'Kraków stand at the Nuremberg Christmas market and meeting of the twin-city office',
    language: 'en',
    people: 9,
    host: 'Stadt Nürnberg, Amt für Internationale Beziehungen',
    areas: ['promotion', 'culture'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: 420,
    days: 2,
    city: 'nuremberg',
    purpose: 'Wizyta radnych Norymbergi: transport publiczny i ścieżki rowerowe',
    people: 7,
    areas: ['transport'],
    isPublic: true,
  },
  {
    direction: 'outgoing',
    on: 95,
    days: 4,
    city: 'lviv',
    purpose: 'Transport pomocy medycznej dla szpitali Lwowa i spotkanie z władzami miasta',
    people: 6,
    host: 'Lwowska Rada Miejska',
    areas: ['health', 'social'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: 310,
    days: 5,
    city: 'lviv',
    purpose: 'Wizyta studyjna lekarzy ze Lwowa w krakowskich szpitalach i w Narodowym Funduszu Zdrowia',
    people: 12,
    areas: ['health'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: 35,
    days: 1,
    city: 'lviv',
    purpose: 'Rozmowy robocze o odbudowie: niepubliczne do czasu podpisania porozumienia',
    people: 3,
    areas: ['governance'],
    isPublic: false,
  },
  {
    direction: 'incoming',
    on: 150,
    days: 7,
    city: 'edinburgh',
    purpose: 'Plener dla niepełnosprawnych artystów z Edynburga',
    people: 14,
    areas: ['culture', 'social'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: 260,
    days: 3,
    city: 'vilnius',
    purpose: 'Pracownicy Urzędu Miasta Wilna: fundusze strukturalne dla gospodarki komunalnej',
    people: 6,
    areas: ['governance', 'municipal'],
    isPublic: true,
  },
  {
    direction: 'incoming',
    on: 12,
    days: 2,
    city: 'budapest',
    purpose: 'Przewodnicy i konserwatorzy z Budapesztu: wspólny szlak miast światowego dziedzictwa',
    people: 8,
    host: 'Fundacja Most Kultury',
    areas: ['heritage', 'tourism'],
    isPublic: true,
    thisYear: true,
  },
  {
    direction: 'outgoing',
    on: 120,
    days: 2,
    place: 'Bruksela, Europejski Komitet Regionów',
    purpose: 'Sesja plenarna Komitetu Regionów',
    people: 2,
    areas: ['governance'],
    isPublic: true,
  },
];

/** Adds the demo visits once (none is added when the register already holds visits). */
export async function seedDemoDelegations(dataSource: DataSource): Promise<{ delegations: number }> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.query<unknown[]>(`SELECT 1 FROM delegations LIMIT 1`)).length) return { delegations: 0 };
    const today = new Date();
    const day = (offset: number) => new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
    const areas = new Set(
      (await manager.query<{ key: string }[]>(`SELECT key FROM cooperation_areas`)).map((a) => a.key),
    );
    for (const visit of DEMO_VISITS) {
      let startsOn = typeof visit.on === 'string' ? visit.on : day(visit.on);
      const yearStart = `${today.getUTCFullYear()}-01-01`;
      if (visit.thisYear && startsOn < yearStart) startsOn = yearStart;
      const endsOn = new Date(Date.parse(startsOn) + (visit.days - 1) * 86_400_000).toISOString().slice(0, 10);
      await manager.query(
        `INSERT INTO delegations (direction, starts_on, ends_on, city_id, place, purpose, language, areas, people_count, host, outcomes, is_public)
         VALUES ($1, $2, $3, (SELECT id FROM cities WHERE key = $4), $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          visit.direction,
          startsOn,
          endsOn,
          visit.city ?? null,
          visit.place ?? null,
          visit.purpose,
          visit.language ?? 'pl',
          visit.areas.filter((area) => areas.has(area)),
          visit.people,
          visit.host ?? null,
          visit.outcomes ?? null,
          visit.isPublic,
        ],
      );
    }
    return { delegations: DEMO_VISITS.length };
  });
}

/** Comments of the demo consultation: who wrote them, on which goal (its position in the registry), and when. */
const DEMO_COMMENTS: { author: string; goal: number; body: string; language: string; daysAgo: number }[] = [
  {
    author: 'member',
    goal: 1,
    body: 'Proszę, aby wymiany młodzieży obejmowały też szkoły zawodowe, nie tylko licea.',
    language: 'pl',
    daysAgo: 6,
  },
  {
    author: 'owner',
    goal: 1,
    body: 'Popieram: nasi uczniowie chętnie pojechaliby do Norymbergi, ale brakuje funduszy na podróż.',
    language: 'pl',
    daysAgo: 5,
  },
  {
    author: 'partner',
    goal: 2,
    body: 'Our school in Nuremberg would welcome more joint cultural projects with Kraków, especially in music.',
    language: 'en',
    daysAgo: 4,
  },
  {
    author: 'editor',
    goal: 3,
    body: 'The goal could name the exchange of experience between city offices, not only between organisations.',
    language: 'en',
    daysAgo: 2,
  },
];

/**
 * An open public consultation on the cooperation goals (one section per goal, as opening it makes
 * them), with a few comments, supports and one response of the City to two of them. Added once.
 */
export async function seedDemoConsultations(dataSource: DataSource): Promise<{ consultations: number }> {
  return dataSource.transaction(async (manager) => {
    if ((await manager.query<unknown[]>(`SELECT 1 FROM consultations LIMIT 1`)).length) return { consultations: 0 };
    const people = new Map(
      (
        await manager.query<{ id: string; email: string }[]>(`SELECT id, email FROM users WHERE email LIKE $1`, [
          `%@${DEMO_DOMAIN}`,
        ])
      ).map((user) => [user.email.split('@')[0], user.id]),
    );
    const [consultation] = await manager.query<{ id: string }[]>(
      `INSERT INTO consultations (subject, status, title_pl, title_en, description_pl, description_en, opens_at, closes_at, published_at, created_by)
       VALUES ('goals', 'published', 'Konsultacje celów współpracy międzynarodowej Krakowa',
               'Consultation on Kraków''s international cooperation goals',
               'Miasto przygotowuje nowy program współpracy międzynarodowej. Czy jego cele są właściwe? Co w nich zmienić lub dodać? Skomentuj każdy cel i poprzyj komentarze, z którymi się zgadzasz.',
               'The City is preparing a new international cooperation programme. Are its goals the right ones? What should change or be added? Comment on each goal and support the comments you agree with.',
               now() - interval '7 days', now() + interval '21 days', now() - interval '7 days', $1)
       RETURNING id`,
      [people.get('admin') ?? null],
    );
    const sections = await manager.query<{ id: number }[]>(
      `INSERT INTO consultation_sections (consultation_id, position, goal_id, heading_pl, heading_en)
       SELECT $1, row_number() OVER (ORDER BY g.scope, g.position, g.key), g.id, g.name_pl, g.name_en FROM goals g
       RETURNING id`,
      [consultation.id],
    );
    const comments: string[] = [];
    for (const comment of DEMO_COMMENTS) {
      const [row] = await manager.query<{ id: string }[]>(
        `INSERT INTO consultation_comments (consultation_id, section_id, author_id, body, language, created_at)
         VALUES ($1, $2, $3, $4, $5, now() - make_interval(days => $6)) RETURNING id`,
        [
          consultation.id,
          sections[comment.goal - 1].id,
          people.get(comment.author),
          comment.body,
          comment.language,
          comment.daysAgo,
        ],
      );
      comments.push(row.id);
    }
    const supports: [number, string][] = [
      [0, 'owner'],
      [0, 'partner'],
      [0, 'editor'],
      [2, 'member'],
      [3, 'owner'],
    ];
    for (const [comment, who] of supports)
      await manager.query(`INSERT INTO consultation_supports (comment_id, user_id) VALUES ($1, $2)`, [
        comments[comment],
        people.get(who),
      ]);
    const [response] = await manager.query<{ id: number }[]>(
      `INSERT INTO consultation_responses (consultation_id, body_pl, body_en, created_by, created_at)
       VALUES ($1, 'Dziękujemy. Nowy program obejmie wymiany młodzieży ze szkół zawodowych, a miasto sprawdzi, jak wspierać koszty podróży.',
               'Thank you. The new programme will include youth exchanges of vocational schools, and the City will look into supporting travel costs.',
               $2, now() - interval '1 day')
       RETURNING id`,
      [consultation.id, people.get('admin') ?? null],
    );
    await manager.query(
      `INSERT INTO consultation_response_comments (response_id, comment_id) SELECT $1, unnest($2::uuid[])`,
      [response.id, comments.slice(0, 2)],
    );
    return { consultations: 1 };
  });
}
