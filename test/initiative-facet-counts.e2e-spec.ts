import request from 'supertest';
import { ACTIVE_STATUSES } from '../src/initiatives/initiatives.constants';
import { InitiativesRepository, type SearchFilter } from '../src/initiatives/initiatives.repository';
import { clearAddressLimits, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The public listing's total and facets come from counts kept by triggers (initiative_facet_counts),
 * not from counting every match. After every kind of change they must equal a full count.
 */
describe('kept facet counts of the public listing', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let owner: SignedIn;
  let organization: { id: string };
  let repository: InitiativesRepository;

  const draft = (overrides: Record<string, unknown> = {}) => ({
    organizationId: organization.id,
    title: 'Youth exchange with a partner city',
    summary: 'Pupils from Kraków and a partner city meet twice a year to work on a joint project.',
    body: 'Two visits a year.',
    kind: 'partner_search',
    areas: ['education'],
    goals: [],
    targetCities: ['nuremberg'],
    targetCountries: ['DE'],
    soughtOrgTypes: ['school'],
    languages: ['pl', 'en'],
    ...overrides,
  });
  const create = async (overrides: Record<string, unknown> = {}) =>
    (await api().post('/api/v1/initiatives').set(owner.auth).send(draft(overrides)).expect(201)).body as {
      id: string;
    };
  const act = (id: string, action: string, by: SignedIn = owner) =>
    api().post(`/api/v1/initiatives/${id}/${action}`).set(by.auth).send({}).expect(200);
  const publish = async (overrides: Record<string, unknown> = {}) => {
    const { id } = await create(overrides);
    await act(id, 'submit');
    await act(id, 'publish', moderator);
    return id;
  };

  const filterFor = (scope: string): SearchFilter => {
    const [name, value] = scope ? scope.split(/:(.*)/s) : [];
    return {
      words: null,
      statuses: ACTIVE_STATUSES,
      includeHidden: false,
      sort: 'newest',
      dateColumn: 'published_at',
      limit: 21,
      ...(name ? { [name]: value } : {}),
    };
  };

  /** Every listing the counts are kept for: all, and each filter value that has ever been counted. */
  const scopes = async (): Promise<string[]> => [
    '',
    ...(
      await t.dataSource.query<{ scope: string }[]>(
        `SELECT DISTINCT scope FROM initiative_facet_counts WHERE scope <> '' ORDER BY scope`,
      )
    ).map((row) => row.scope),
  ];

  /** The kept answer of every listing against a full count over its matches: total, facets and page. */
  const expectKeptEqualsFullCount = async () => {
    const all = await scopes();
    for (const scope of all) {
      expect(InitiativesRepository.keptScope(filterFor(scope))).toBe(scope);
      const [kept, full] = await Promise.all([
        repository.search(filterFor(scope)),
        repository.search(filterFor(scope), { fullCount: true }),
      ]);
      expect({ scope, total: kept.total, facets: kept.facets }).toEqual({
        scope,
        total: full.total,
        facets: full.facets,
      });
      expect(kept.rows.map((row) => row.id)).toEqual(full.rows.map((row) => row.id));
    }
    return all.length;
  };

  const listing = async (query: Record<string, string>) =>
    (await api().get('/api/v1/initiatives').query(query).expect(200)).body as {
      total: number;
      items: { id: string }[];
      facets: Record<string, { value: string; count: number }[]>;
    };

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    owner = await signUp(t, email('owner'));
    organization = await verifiedOrganization(t, owner, moderator);
    repository = t.app.get(InitiativesRepository);
  });
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  it('counts what is published, started, completed, archived, edited and hidden, as a full count does', async () => {
    const before = await listing({ area: 'culture' });

    const culture = await publish({ areas: ['culture', 'education'], kind: 'joint_project', languages: ['pl'] });
    const second = await publish({ areas: ['culture'], targetCities: [], targetCountries: [], languages: ['en'] });
    await create({ areas: ['culture'] }); // a draft is not listed
    const after = await listing({ area: 'culture' });
    expect(after.total).toBe(before.total + 2);
    expect(after.items.map((item) => item.id).slice(0, 2)).toEqual([second, culture]);
    expect(after.facets.area).toEqual(expect.arrayContaining([{ value: 'culture', count: before.total + 2 }]));
    expect(await expectKeptEqualsFullCount()).toBeGreaterThan(5);

    // Started and completed stay listed; an edit moves its counts from the old areas to the new.
    await act(culture, 'start');
    await api()
      .patch(`/api/v1/initiatives/${second}`)
      .set(owner.auth)
      .send({ areas: ['sport', 'culture'], languages: ['en', 'de'] })
      .expect(200);
    await act(second, 'complete');
    await expectKeptEqualsFullCount();
    expect((await listing({ area: 'sport' })).items.map((item) => item.id)).toContain(second);

    // Archived and hidden leave the listing and its counts.
    await act(culture, 'archive');
    await t.dataSource.query(`UPDATE initiatives SET hidden_at = now() WHERE id = $1`, [second]);
    expect((await listing({ area: 'culture' })).total).toBe(before.total);
    expect((await listing({ area: 'sport' })).total).toBe(0);
    expect((await listing({ area: 'sport' })).facets.area).toEqual([]);
    await expectKeptEqualsFullCount();

    // Restored, it counts again; deleted, it does not.
    await t.dataSource.query(`UPDATE initiatives SET hidden_at = NULL WHERE id = $1`, [second]);
    expect((await listing({ area: 'sport' })).total).toBe(1);
    await expectKeptEqualsFullCount();
    await t.dataSource.query(`DELETE FROM initiatives WHERE id = $1`, [second]);
    expect((await listing({ area: 'sport' })).total).toBe(0);
    await expectKeptEqualsFullCount();
  });

  it('stays exact when many initiatives are published at once', async () => {
    const areas = ['culture', 'sport', 'education', 'environment'];
    const ids = await Promise.all(
      areas.map((area, i) =>
        create({
          areas: [area],
          kind: i % 2 ? 'joint_project' : 'partner_search',
          targetCities: i % 2 ? [] : ['lviv'],
        }),
      ),
    );
    for (const { id } of ids) await act(id, 'submit');
    await Promise.all(ids.map(({ id }) => act(id, 'publish', moderator)));
    await expectKeptEqualsFullCount();
    const all = await listing({});
    const full = await repository.search(filterFor(''), { fullCount: true });
    expect(all.total).toBe(full.total);
    expect(all.facets).toEqual(full.facets);
  });

  it('counts every match when the counts are not kept for the query: text, two filters, another status', async () => {
    await publish({ title: 'Jazz festival partners wanted', areas: ['culture'], languages: ['pl'] });
    expect(InitiativesRepository.keptScope({ ...filterFor('area:culture'), words: ['jazz'] })).toBeNull();
    expect(InitiativesRepository.keptScope({ ...filterFor('area:culture'), lang: 'pl' })).toBeNull();
    expect(InitiativesRepository.keptScope({ ...filterFor(''), statuses: ['archived'] })).toBeNull();
    const twoFilters = await listing({ area: 'culture', lang: 'pl' });
    const full = await repository.search({ ...filterFor('area:culture'), lang: 'pl' }, { fullCount: true });
    expect(twoFilters.total).toBe(full.total);
    expect(twoFilters.facets).toEqual(full.facets);
    expect((await listing({ q: 'jazz' })).total).toBe(1);
  });

  it('pages through a kept listing newest first, each initiative once', async () => {
    for (let i = 0; i < 3; i++) await publish({ areas: ['tourism'], title: `Tourism initiative ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await api()
          .get('/api/v1/initiatives')
          .query({ area: 'tourism', limit: '2', ...(cursor ? { cursor } : {}) })
          .expect(200)
      ).body as { items: { id: string }[]; nextCursor: string | null; total: number };
      expect(page.total).toBe(3);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    const full = await repository.search({ ...filterFor('area:tourism'), limit: 10 }, { fullCount: true });
    expect(seen).toEqual(full.rows.map((row) => row.id));
  });
});
