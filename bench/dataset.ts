/**
 * The benchmark's data set: 10,000 verified organisations in Kraków and its 30 partner cities and
 * 100,000 initiatives with Polish and English texts, generated from a fixed seed so that every run
 * (and every machine) measures the same rows. Written once into the bench database and reused: a
 * comment on the initiatives table marks a complete data set of this version.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { seededRandom } from '../test/support/seeded-random';

/** Bump when the generator changes: the next run regenerates. */
export const DATASET_VERSION =
  'cooperation-forum bench data v3 (seed 20250101, 10000 organisations, 100000 initiatives, 20% translated)';
const SEED = 20250101;
/**
 * The share of initiatives whose title and summary also exist in the other language (search reads
 * both). Drawn from a generator of its own, so the originals are those of the data set without them.
 */
const TRANSLATED_SHARE = 0.2;
const ORGANIZATIONS = 10_000;
const INITIATIVES = 100_000;
const BATCH = 2_000;
const VOCABULARY_PER_TEXT = 40;
/** published_at is spread over the 3 years before this fixed day, so a rerun yields the same rows. */
const NOW = Date.parse('2025-06-01T12:00:00Z');
const DAY = 86_400_000;

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = seededRandom(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Picks by weight: [[item, weight], ...]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return items[items.length - 1][0];
  }
  /** n distinct items (fewer if the list is shorter), each drawn by weight. */
  distinct<T>(items: readonly (readonly [T, number])[], n: number): T[] {
    const chosen = new Set<T>();
    for (let tries = 0; chosen.size < Math.min(n, items.length) && tries < 50; tries++)
      chosen.add(this.weighted(items));
    return [...chosen];
  }
  words(list: readonly string[], n: number): string[] {
    return Array.from({ length: n }, () => this.pick(list));
  }
  /** n distinct items of the list, in random order. */
  sample<T>(list: readonly T[], n: number): T[] {
    const copy = [...list];
    for (let i = 0; i < Math.min(n, copy.length); i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
  /** A version-4 shaped UUID from the seeded generator (the API validates ids as v4). */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

// Real Polish words (with their diacritics and a few inflected forms) and English ones, of the
// kind the platform's initiatives use; city names are added from the registry.
const POLISH = `współpraca współpracy współpracę współpracować wspólny wspólnie razem partnerstwo partnerskie partnerów
  partner miasto miasta miast miejski mieszkańcy dzielnica samorząd młodzież młodzieży młodych szkoła szkoły szkół
  uczniowie uczniów nauczyciele nauczycieli studenci studentów uczelnia uniwersytet nauka naukowa badania edukacja
  edukacyjny wymiana wymiany kultura kultury kulturalny dziedzictwo zabytki muzeum festiwal koncert teatr sztuka
  artyści wystawa muzyka film literatura książka biblioteka taniec chór orkiestra rzemiosło tradycja święto rocznica
  jubileusz sport turniej zdrowie szpital opieka środowisko klimat ochrona zieleń energia odnawialna woda powietrze
  smog jakość życia transport rower komunikacja gospodarka przedsiębiorczość firmy innowacje technologia cyfrowy
  nowoczesne turystyka promocja seniorzy niepełnosprawność integracja społeczność wolontariat organizacja
  pozarządowa fundacja stowarzyszenie europejski europejskie międzynarodowa międzynarodowy wizyta studyjna spotkanie
  warsztaty konferencja seminarium szkolenie doświadczenie dobre praktyki rozwój wsparcie finansowanie dotacja
  program języki polski ukraiński niemiecki przyjaźń pamięć historia żydowski kuchnia mieszkalnictwo planowanie
  przestrzeń rewitalizacja bezpieczeństwo straż pożarna policja dzieci rodziny kobiety równość ekologiczny
  szukamy zapraszamy chętnych zagraniczny polonia diaspora konsulat delegacja liderów przywództwo obywatelskie
  demokracja dialog pojednanie pokój solidarność Ukraina Niemcy Francja Włochy Węgry Litwa Słowacja Austria Europa
  Kraków Krakowa Małopolska`
  .split(/\s+/)
  .filter(Boolean);

const ENGLISH = `cooperation partnership partners partner joint together city cities municipal residents district local
  government youth young school schools pupils teachers students university research science education educational
  exchange exchanges culture cultural heritage monuments museum festival concert theatre art artists exhibition
  music film literature books library dance choir orchestra crafts tradition celebration anniversary sport
  tournament health hospital care environment climate protection green energy renewable water air smog quality
  life transport cycling mobility economy entrepreneurship business companies innovation technology digital modern
  tourism promotion seniors disability inclusion community volunteering organisation nongovernmental foundation
  association european international study visit meeting workshops conference seminar training experience good
  practice development support funding grant programme languages polish ukrainian german friendship memory history
  jewish cuisine housing planning space regeneration safety fire brigade police children families women equality
  sustainable seeking invite abroad diaspora consulate delegation leaders leadership civic democracy dialogue
  reconciliation peace solidarity Ukraine Germany France Italy Hungary Lithuania Slovakia Austria Europe Krakow
  Lesser Poland`
  .split(/\s+/)
  .filter(Boolean);

const KIND_WEIGHTS = [
  ['joint_project', 30],
  ['partner_search', 25],
  ['event', 20],
  ['exchange', 12],
  ['study_visit', 8],
  ['funding_application', 5],
] as const;

const KIND_TITLE: Record<string, { pl: string; en: string }> = {
  joint_project: { pl: 'Wspólny projekt', en: 'Joint project' },
  partner_search: { pl: 'Szukamy partnera', en: 'Partner wanted' },
  event: { pl: 'Zaproszenie', en: 'Invitation' },
  exchange: { pl: 'Wymiana', en: 'Exchange' },
  study_visit: { pl: 'Wizyta studyjna', en: 'Study visit' },
  funding_application: { pl: 'Wniosek o dofinansowanie', en: 'Funding application' },
};

/** 85% in the public statuses, the rest drafts, submissions waiting for moderation and archived. */
const STATUS_WEIGHTS = [
  ['published', 60],
  ['in_progress', 15],
  ['completed', 10],
  ['draft', 6],
  ['submitted', 4],
  ['archived', 5],
] as const;

/** Some areas are far more common than others on a city's cooperation platform. */
const AREA_WEIGHT: Record<string, number> = {
  culture: 10,
  education: 9,
  youth: 8,
  economy: 6,
  tourism: 5,
  science: 5,
  heritage: 4,
  sport: 4,
  social: 4,
  environment: 4,
  promotion: 3,
  health: 3,
  eu_funds: 3,
  governance: 2,
  transport: 2,
  municipal: 2,
  diaspora: 2,
  seniors: 2,
  disability: 2,
  urban_planning: 2,
  media: 2,
  safety: 1,
  housing: 1,
};

const TYPE_WEIGHT: Record<string, number> = {
  ngo: 30,
  school: 18,
  cultural_institution: 12,
  business: 10,
  university: 6,
  youth_centre: 5,
  city_unit: 4,
  health_institution: 4,
  chamber: 3,
  diaspora_organisation: 3,
  district: 2,
  foreign_city_hall: 2,
  consulate: 1,
};

const COUNTRY_LANGUAGE: Record<string, string> = {
  PL: 'pl',
  UA: 'uk',
  BE: 'nl',
  IT: 'it',
  DE: 'de',
  BR: 'pt',
  CL: 'es',
  FR: 'fr',
  SK: 'sk',
  HU: 'hu',
  PE: 'es',
  GB: 'en',
  MA: 'fr',
  SE: 'sv',
  AT: 'de',
  US: 'en',
  RU: 'ru',
  ES: 'es',
  CH: 'de',
  LT: 'lt',
  HR: 'hr',
  EC: 'es',
};

const ORG_PREFIX: Record<string, { pl: string; en: string }> = {
  ngo: { pl: 'Fundacja', en: 'Foundation' },
  school: { pl: 'Szkoła Podstawowa nr', en: 'School no.' },
  cultural_institution: { pl: 'Centrum Kultury', en: 'Cultural Centre' },
  business: { pl: 'Spółka', en: 'Company' },
  university: { pl: 'Akademia', en: 'Academy' },
  youth_centre: { pl: 'Młodzieżowy Dom Kultury', en: 'Youth Centre' },
  city_unit: { pl: 'Zarząd Miejski', en: 'City Department' },
  health_institution: { pl: 'Szpital', en: 'Hospital' },
  chamber: { pl: 'Izba Gospodarcza', en: 'Chamber of Commerce' },
  diaspora_organisation: { pl: 'Stowarzyszenie Polonii', en: 'Polish Community Association' },
  district: { pl: 'Dzielnica', en: 'District' },
  foreign_city_hall: { pl: 'Urząd Miasta', en: 'City Hall' },
  consulate: { pl: 'Konsulat', en: 'Consulate' },
};

const FUNDING = [
  'Erasmus+',
  'Interreg Europe',
  'CERV',
  'Kreatywna Europa',
  'Fundusz Wyszehradzki',
  'Polsko-Niemiecka Współpraca Młodzieży',
  'Horizon Europe',
];

interface CityRow {
  id: number;
  key: string;
  name: string;
  name_pl: string;
  country: string;
  is_home: boolean;
}

interface Org {
  id: string;
  type: string;
  city: CityRow;
  languages: string[];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(rnd: Random, list: readonly string[], min: number, max: number): string {
  return `${capitalise(rnd.words(list, rnd.int(min, max)).join(' '))}.`;
}

/** A PostgreSQL array literal of plain keys. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.join(',')}}`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface DatasetInfo {
  generated: boolean;
  seconds: number;
  organizations: number;
  initiatives: number;
  publicInitiatives: number;
}

async function isPresent(dataSource: DataSource): Promise<boolean> {
  const [row] = await dataSource.query<{ marker: string | null; n: number }[]>(
    `SELECT obj_description('initiatives'::regclass, 'pg_class') AS marker, (SELECT count(*) FROM initiatives)::int AS n`,
  );
  return row.marker === DATASET_VERSION && row.n === INITIATIVES;
}

export async function counts(dataSource: DataSource): Promise<Omit<DatasetInfo, 'generated' | 'seconds'>> {
  const [row] = await dataSource.query<Omit<DatasetInfo, 'generated' | 'seconds'>[]>(`
    SELECT (SELECT count(*) FROM organizations)::int AS organizations,
           (SELECT count(*) FROM initiatives)::int AS initiatives,
           (SELECT count(*) FROM initiatives WHERE status IN ('published', 'in_progress', 'completed') AND hidden_at IS NULL)::int AS "publicInitiatives"`);
  return row;
}

/**
 * Generates the data set unless this version of it is already there. One transaction: a run that
 * is interrupted leaves nothing behind, and the next one starts over.
 */
export async function ensureDataset(dataSource: DataSource, log: (line: string) => void): Promise<DatasetInfo> {
  const started = performance.now();
  if (await isPresent(dataSource)) {
    return { generated: false, seconds: 0, ...(await counts(dataSource)) };
  }
  log(`generating the data set (${ORGANIZATIONS} organisations, ${INITIATIVES} initiatives)...`);
  await dataSource.transaction(async (manager) => {
    await manager.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    // Whatever a previous version or an interrupted run left (the bench database holds nothing else).
    await manager.query(`TRUNCATE initiatives, organizations CASCADE`);
    const cities: CityRow[] = await manager.query(
      `SELECT id, key, name, name_pl, country, is_home FROM cities ORDER BY id`,
    );
    const types: string[] = (
      await manager.query<{ key: string }[]>(`SELECT key FROM organization_types ORDER BY position`)
    ).map((r) => r.key);
    const areas: string[] = (
      await manager.query<{ key: string }[]>(`SELECT key FROM cooperation_areas ORDER BY position`)
    ).map((r) => r.key);
    const goals: string[] = (
      await manager.query<{ key: string }[]>(`SELECT key FROM goals ORDER BY position, key`)
    ).map((r) => r.key);
    const home = cities.find((c) => c.is_home);
    const partners = cities.filter((c) => !c.is_home);
    if (!home || partners.length === 0 || !types.length || !areas.length || !goals.length) {
      throw new Error(
        'the reference data is missing (cities, organization_types, cooperation_areas, goals): import it first',
      );
    }
    const rnd = new Random(SEED);
    const other = new Random(SEED + 1);
    const areaWeights = areas.map((key) => [key, AREA_WEIGHT[key] ?? 1] as const);
    const typeWeights = types.map((key) => [key, TYPE_WEIGHT[key] ?? 1] as const);
    const goalWeights = goals.map((key) => [key, 1] as const);
    const partnerWeights = partners.map((city) => [city, 1] as const);

    const orgs = await insertOrganizations(manager, rnd, home, partners, typeWeights, areaWeights);
    log(`  ${orgs.length} organisations`);

    // Indexes are dropped during the load and recreated from their own definitions
    // (pg_indexes.indexdef), so the schema afterwards is exactly the migrations' one.
    const indexes: { indexname: string; indexdef: string }[] = await manager.query(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
        WHERE i.schemaname = 'public' AND i.tablename = 'initiatives'
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    );
    for (const { indexname } of indexes) await manager.query(`DROP INDEX "${indexname}"`);

    for (let first = 0; first < INITIATIVES; first += BATCH) {
      await insertInitiatives(manager, rnd, other, orgs, Math.min(BATCH, INITIATIVES - first), {
        areaWeights,
        typeWeights,
        goalWeights,
        partnerWeights,
        partners,
      });
      if ((first + BATCH) % 20_000 === 0) log(`  ${first + BATCH} initiatives`);
    }
    for (const { indexdef } of indexes) await manager.query(indexdef);
    await manager.query(`COMMENT ON TABLE initiatives IS '${DATASET_VERSION.replace(/'/g, "''")}'`);
  });
  await dataSource.query(`VACUUM (ANALYZE) organizations, initiatives`);
  return { generated: true, seconds: (performance.now() - started) / 1000, ...(await counts(dataSource)) };
}

async function insertOrganizations(
  manager: EntityManager,
  rnd: Random,
  home: CityRow,
  partners: CityRow[],
  typeWeights: readonly (readonly [string, number])[],
  areaWeights: readonly (readonly [string, number])[],
): Promise<Org[]> {
  const orgs: Org[] = [];
  const cols = {
    id: [] as string[],
    name: [] as string[],
    type: [] as string[],
    cityId: [] as number[],
    cityName: [] as string[],
    country: [] as string[],
    areas: [] as string[],
    languages: [] as string[],
    website: [] as string[],
    description: [] as string[],
    created: [] as string[],
  };
  for (let n = 0; n < ORGANIZATIONS; n++) {
    const city = rnd.chance(0.45) ? home : rnd.pick(partners);
    const type = rnd.weighted(typeWeights);
    const local = COUNTRY_LANGUAGE[city.country] ?? 'en';
    const languages = [
      ...new Set([local, ...(rnd.chance(0.7) ? ['en'] : []), ...(city.is_home ? [] : rnd.chance(0.3) ? ['pl'] : [])]),
    ];
    const prefix = ORG_PREFIX[type] ?? { pl: 'Organizacja', en: 'Organisation' };
    const polish = city.is_home;
    const name = `${polish ? prefix.pl : prefix.en} ${capitalise(rnd.pick(polish ? POLISH : ENGLISH))} ${polish ? city.name_pl : city.name} ${n + 1}`;
    const id = rnd.uuid();
    orgs.push({ id, type, city, languages });
    cols.id.push(id);
    cols.name.push(name.slice(0, 200));
    cols.type.push(type);
    cols.cityId.push(city.id);
    cols.cityName.push(polish ? city.name_pl : city.name);
    cols.country.push(city.country);
    cols.areas.push(arrayLiteral(rnd.distinct(areaWeights, rnd.int(1, 3))));
    cols.languages.push(arrayLiteral(languages));
    cols.website.push(`https://org${n + 1}.example.org`);
    cols.description.push(sentence(rnd, polish ? POLISH : ENGLISH, 15, 40));
    cols.created.push(new Date(NOW - rnd.int(400, 2000) * DAY).toISOString());
  }
  await manager.query(
    `INSERT INTO organizations (id, name, type, city_id, city_name, country, areas, languages, website, description_md, description_html,
                                status, status_changed_at, created_at, updated_at)
     SELECT id, name, type, city_id, city_name, country, areas::text[], languages::text[], website, description, '<p>' || description || '</p>',
            'verified', created + interval '2 days', created, created + interval '2 days'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])
         AS t(id, name, type, city_id, city_name, country, areas, languages, website, description, created)`,
    [
      cols.id,
      cols.name,
      cols.type,
      cols.cityId,
      cols.cityName,
      cols.country,
      cols.areas,
      cols.languages,
      cols.website,
      cols.description,
      cols.created,
    ],
  );
  return orgs;
}

interface Vocabulary {
  areaWeights: readonly (readonly [string, number])[];
  typeWeights: readonly (readonly [string, number])[];
  goalWeights: readonly (readonly [string, number])[];
  partnerWeights: readonly (readonly [CityRow, number])[];
  partners: CityRow[];
}

async function insertInitiatives(
  manager: EntityManager,
  rnd: Random,
  other: Random,
  orgs: Org[],
  n: number,
  vocab: Vocabulary,
): Promise<void> {
  const c: Record<string, unknown[]> = {};
  const columns = [
    'id',
    'org',
    'title',
    'summary',
    'body',
    'html',
    'kind',
    'status',
    'areas',
    'goals',
    'cities',
    'countries',
    'types',
    'languages',
    'language',
    'translations',
    'starts',
    'ends',
    'funding',
    'orgCity',
    'orgType',
    'published',
    'hidden',
    'created',
    'updated',
  ];
  for (const name of columns) c[name] = [];
  for (let k = 0; k < n; k++) {
    const translated = other.chance(TRANSLATED_SHARE);
    const org = rnd.pick(orgs);
    const kind = rnd.weighted(KIND_WEIGHTS);
    const status = rnd.weighted(STATUS_WEIGHTS);
    // The text's language: mostly Polish for Kraków's organisations, mostly English for the others.
    const polish = rnd.chance(org.city.is_home ? 0.85 : 0.3);
    // Each text draws on its own few dozen words of the language's list, so that a word is found in
    // about a fifth of that language's texts (as a real topic word is), not in every other one.
    const words = rnd.sample(polish ? POLISH : ENGLISH, VOCABULARY_PER_TEXT);
    const targets = org.city.is_home
      ? rnd.distinct(
          vocab.partnerWeights,
          rnd.weighted([
            [0, 1],
            [1, 5],
            [2, 3],
            [3, 1],
          ] as const),
        )
      : [...new Set([...(rnd.chance(0.7) ? [org.city] : []), ...rnd.distinct(vocab.partnerWeights, rnd.int(0, 2))])];
    const cityName = (city: CityRow) => (polish ? city.name_pl : city.name);
    const where = targets.length ? ` – ${polish ? 'Kraków i' : 'Krakow and'} ${cityName(targets[0])}` : '';
    const kindTitle = KIND_TITLE[kind][polish ? 'pl' : 'en'];
    const title = `${kindTitle}: ${rnd.words(words, rnd.int(2, 5)).join(' ')}${where}`.slice(0, 140);
    let summary = '';
    while (summary.length < 120) summary += `${summary ? ' ' : ''}${sentence(rnd, words, 8, 18)}`;
    summary = summary.slice(0, 480);
    const paragraphs = Array.from({ length: rnd.int(2, 4) }, () => {
      const names = targets.map(cityName);
      const text = [
        sentence(rnd, words, 10, 25),
        sentence(rnd, words, 10, 25),
        ...(names.length && rnd.chance(0.5) ? [`${names.join(', ')}.`] : []),
      ];
      return text.join(' ');
    });
    const body = `## ${kindTitle}\n\n${paragraphs.join('\n\n')}`;
    const html = `<h2>${escapeHtml(kindTitle)}</h2>\n${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}`;
    const isPublicOrArchived = status !== 'draft' && status !== 'submitted';
    const published = isPublicOrArchived ? NOW - rnd.float() * 3 * 365 * DAY : null;
    const created = (published ?? NOW - rnd.float() * 120 * DAY) - rnd.int(2, 30) * DAY;
    const updated = Math.min(NOW, (published ?? created) + rnd.int(0, 90) * DAY);
    const starts = rnd.chance(0.6) ? (published ?? created) + rnd.int(14, 240) * DAY : null;
    const ends = starts !== null && rnd.chance(0.8) ? starts + rnd.int(1, 365) * DAY : null;
    const languages = [
      ...new Set([
        polish ? 'pl' : 'en',
        ...(rnd.chance(0.45) ? [polish ? 'en' : 'pl'] : []),
        ...(rnd.chance(0.3) ? org.languages : []),
      ]),
    ];
    const countries = [...new Set(targets.map((city) => city.country))];
    const translations: Record<string, { title: string; summary: string }> = {};
    if (translated) {
      const theirs = other.sample(polish ? ENGLISH : POLISH, VOCABULARY_PER_TEXT);
      const their = polish ? 'en' : 'pl';
      const place = targets.length
        ? ` – ${polish ? 'Krakow and' : 'Kraków i'} ${polish ? targets[0].name : targets[0].name_pl}`
        : '';
      let theirSummary = '';
      while (theirSummary.length < 120) theirSummary += `${theirSummary ? ' ' : ''}${sentence(other, theirs, 8, 18)}`;
      translations[their] = {
        title: `${KIND_TITLE[kind][their]}: ${other.words(theirs, other.int(2, 5)).join(' ')}${place}`.slice(0, 140),
        summary: theirSummary.slice(0, 480),
      };
    }

    c.id.push(rnd.uuid());
    c.org.push(org.id);
    c.title.push(title);
    c.summary.push(summary);
    c.body.push(body);
    c.html.push(html);
    c.kind.push(kind);
    c.status.push(status);
    c.areas.push(
      arrayLiteral(
        rnd.distinct(
          vocab.areaWeights,
          rnd.weighted([
            [1, 4],
            [2, 4],
            [3, 2],
          ] as const),
        ),
      ),
    );
    c.goals.push(
      arrayLiteral(
        rnd.distinct(
          vocab.goalWeights,
          rnd.weighted([
            [0, 3],
            [1, 4],
            [2, 3],
          ] as const),
        ),
      ),
    );
    c.cities.push(arrayLiteral(targets.map((city) => city.key)));
    c.countries.push(arrayLiteral(countries));
    c.types.push(
      arrayLiteral(
        rnd.distinct(
          vocab.typeWeights,
          rnd.weighted([
            [0, 3],
            [1, 5],
            [2, 2],
          ] as const),
        ),
      ),
    );
    c.languages.push(arrayLiteral(languages));
    c.language.push(polish ? 'pl' : 'en');
    c.translations.push(JSON.stringify(translations));
    c.starts.push(starts === null ? null : new Date(starts).toISOString().slice(0, 10));
    c.ends.push(ends === null ? null : new Date(ends).toISOString().slice(0, 10));
    c.funding.push(rnd.chance(0.35) ? rnd.pick(FUNDING) : null);
    c.orgCity.push(org.city.key);
    c.orgType.push(org.type);
    c.published.push(published === null ? null : new Date(published).toISOString());
    c.hidden.push(isPublicOrArchived && rnd.chance(0.003) ? new Date(NOW - rnd.int(1, 60) * DAY).toISOString() : null);
    c.created.push(new Date(created).toISOString());
    c.updated.push(new Date(updated).toISOString());
  }
  await manager.query(
    `INSERT INTO initiatives (id, organization_id, title, summary, body_md, body_html, kind, status, areas, goals, target_cities,
                              target_countries, sought_org_types, languages, language, translations, starts_on, ends_on,
                              funding_programme, organization_city, organization_type, published_at, hidden_at, created_at, updated_at)
     SELECT id, org, title, summary, body, html, kind::initiative_kind, status::initiative_status, areas::text[], goals::text[], cities::text[],
            countries::text[], types::text[], languages::text[], language, translations::jsonb, starts, ends, funding, org_city, org_type, published, hidden, created, updated
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
                   $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::date[], $18::date[], $19::text[],
                   $20::text[], $21::text[], $22::timestamptz[], $23::timestamptz[], $24::timestamptz[], $25::timestamptz[])
         AS t(id, org, title, summary, body, html, kind, status, areas, goals, cities, countries, types, languages, language, translations,
              starts, ends, funding,
              org_city, org_type, published, hidden, created, updated)`,
    columns.map((name) => c[name]),
  );
}
