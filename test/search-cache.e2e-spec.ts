import request from 'supertest';
import { InitiativesService } from '../src/initiatives/initiatives.service';
import { SearchCacheService } from '../src/initiatives/search-cache';
import { clearAddressLimits, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The public search's cache (src/initiatives/search-cache.ts) on two instances of the app sharing
 * one database: a cached answer changes as soon as the data it shows changes, whoever changes it
 * and through whichever instance; staff and members' listings are never taken from it.
 */
describe('the public search cache', () => {
  let a: TestApp;
  let b: TestApp;
  let moderator: SignedIn;
  let owner: SignedIn;
  let organization: { id: string; name: string };
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  const on = (t: TestApp) => request(t.app.getHttpServer());
  const cacheOf = (t: TestApp) => t.app.get(SearchCacheService);

  /** A word found in no other initiative, so that each test has listings of its own. */
  const uniqueWord = () => `kolibr${'abcdefghij'[n % 10]}${++n}x`;

  const publish = async (overrides: Record<string, unknown> = {}) => {
    const initiative = (
      await on(a)
        .post('/api/v1/initiatives')
        .set(owner.auth)
        .send({
          organizationId: organization.id,
          title: 'Partner school wanted for a music exchange',
          summary: 'Our school in Kraków seeks a partner school for pupil exchanges in music and theatre.',
          body: 'Two visits a year.',
          kind: 'partner_search',
          areas: ['culture'],
          goals: [],
          targetCities: ['nuremberg'],
          targetCountries: ['DE'],
          soughtOrgTypes: ['school'],
          languages: ['pl', 'de'],
          ...overrides,
        })
        .expect(201)
    ).body as { id: string };
    await on(a).post(`/api/v1/initiatives/${initiative.id}/submit`).set(owner.auth).expect(200);
    await on(a).post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200);
    return initiative;
  };

  /** The listing on an instance, asked twice: the second answer is the cached one when cacheable. */
  const listing = async (t: TestApp, query: Record<string, string>, by?: SignedIn) => {
    const ask = () => {
      const req = on(t).get('/api/v1/initiatives').query(query).set('Accept-Language', 'pl');
      return (by ? req.set(by.auth) : req).expect(200);
    };
    const first = await ask();
    const second = await ask();
    expect(second.text).toBe(first.text);
    return second.body as {
      items: { id: string; organization: { name: string; cityName: string } }[];
      total: number;
      facets: { area: { value: string; count: number }[] };
    };
  };

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ database: a.database, seed: false });
    moderator = await signUp(a, email('moderator'), { role: 'moderator' });
    owner = await signUp(a, email('owner'), { locale: 'pl' });
    organization = await verifiedOrganization(a, owner, moderator, { name: 'Szkoła Muzyczna nr 1' });
  });
  beforeEach(() => clearAddressLimits(a));
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('answers byte for byte as the uncached search, and keeps the answer', async () => {
    const word = uniqueWord();
    await publish({ title: `Koncert ${word} w Norymberdze` });
    const query = { q: word, area: 'culture', lang: 'pl' };
    const response = await on(a).get('/api/v1/initiatives').query(query).set('Accept-Language', 'pl').expect(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    const uncached = await a.app.get(InitiativesService).search(query, undefined, 'pl');
    expect(response.text).toBe(JSON.stringify(uncached));
    expect(response.body.total).toBe(1);
    const before = cacheOf(a).size.entries;
    await on(a).get('/api/v1/initiatives').query(query).set('Accept-Language', 'pl').expect(200);
    expect(cacheOf(a).size.entries).toBe(before);
    expect(before).toBeGreaterThan(0);
  });

  it('shows a publication and a withdrawal at once, on the instance that made it and on the other', async () => {
    const word = uniqueWord();
    const first = await publish({ title: `Warsztaty ${word} dla szkół` });
    const area = { area: 'culture' };
    const textQuery = { q: word };
    for (const t of [a, b]) {
      expect((await listing(t, textQuery)).items.map((item) => item.id)).toEqual([first.id]);
    }
    const totalBefore = (await listing(b, area)).total;

    const second = await publish({ title: `Festiwal ${word} i teatr` });
    for (const t of [a, b]) {
      expect((await listing(t, textQuery)).items.map((item) => item.id).sort()).toEqual([first.id, second.id].sort());
      const listed = await listing(t, area);
      expect(listed.total).toBe(totalBefore + 1);
      expect(listed.items[0].id).toBe(second.id);
    }

    // Withdrawn (archived by its organisation) through the other instance.
    await on(b).post(`/api/v1/initiatives/${second.id}/archive`).set(owner.auth).send({}).expect(200);
    for (const t of [a, b]) {
      expect((await listing(t, textQuery)).items.map((item) => item.id)).toEqual([first.id]);
      expect((await listing(t, area)).total).toBe(totalBefore);
    }
  });

  it('shows an organisation renamed through one instance on the other', async () => {
    const word = uniqueWord();
    await publish({ title: `Chór ${word} szuka partnera` });
    expect((await listing(b, { q: word })).items[0].organization.name).toBe(organization.name);
    await on(a)
      .patch(`/api/v1/organizations/${organization.id}`)
      .set(owner.auth)
      .send({ name: 'Szkoła Muzyczna im. Chopina' })
      .expect(200);
    organization.name = 'Szkoła Muzyczna im. Chopina';
    for (const t of [b, a]) expect((await listing(t, { q: word })).items[0].organization.name).toBe(organization.name);
  });

  it('shows a city renamed in the registry, whoever writes it', async () => {
    const word = uniqueWord();
    await publish({ title: `Orkiestra ${word} zaprasza` });
    expect((await listing(a, { q: word })).items[0].organization.cityName).toBe('Kraków');
    await a.dataSource.query(`UPDATE cities SET name_pl = 'Królewski Kraków' WHERE key = 'krakow'`);
    try {
      // The very next request, on either instance, with no waiting: it reads the generation first.
      for (const t of [a, b]) {
        expect((await listing(t, { q: word })).items[0].organization.cityName).toBe('Królewski Kraków');
      }
    } finally {
      await a.dataSource.query(`UPDATE cities SET name_pl = 'Kraków' WHERE key = 'krakow'`);
    }
  });

  it("never serves staff's or members' listings from the public cache, nor the public one from theirs", async () => {
    const word = uniqueWord();
    const shown = await publish({ title: `Teatr ${word} pierwszy` });
    const hidden = await publish({ title: `Teatr ${word} drugi` });
    await a.dataSource.query(`UPDATE initiatives SET hidden_at = now(), hidden_reason = 'spam' WHERE id = $1`, [
      hidden.id,
    ]);
    const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id).sort();
    const query = { q: word, status: 'published' };

    // Staff first: their answer (with the hidden one) is not what the public then gets...
    expect(ids(await listing(a, query, moderator))).toEqual([shown.id, hidden.id].sort());
    expect(ids(await listing(a, query))).toEqual([shown.id]);
    // ...nor does staff get the public answer now cached.
    expect(ids(await listing(a, query, moderator))).toEqual([shown.id, hidden.id].sort());
    // Members listing their organisation's drafts: theirs alone; the public may not ask.
    const draft = (
      await on(a)
        .post('/api/v1/initiatives')
        .set(owner.auth)
        .send({
          organizationId: organization.id,
          title: `Teatr ${word} szkic`,
          summary: 'A draft that only the organisation and city staff can list.',
          kind: 'partner_search',
          areas: ['culture'],
          languages: ['pl'],
        })
        .expect(201)
    ).body as { id: string };
    const drafts = { q: word, status: 'draft', org: organization.id };
    expect(ids(await listing(b, drafts, owner))).toEqual([draft.id]);
    await on(b).get('/api/v1/initiatives').query(drafts).expect(403);
    // The search of someone signed in, with no status, is the public answer (nothing hidden).
    expect(ids(await listing(b, { q: word }, owner))).toEqual([shown.id]);
  });

  it('serves every request the listing of after the changes committed before it, without waiting', async () => {
    const word = uniqueWord();
    const first = await publish({ title: `Opera ${word} pierwsza` });
    expect((await listing(b, { q: word })).total).toBe(1);
    const cached = cacheOf(b).size.entries;
    expect(cached).toBeGreaterThan(0);
    // Written with SQL (no app instance took part), then asked at once, ten times over.
    for (let round = 0; round < 10; round++) {
      const hidden = round % 2 === 0;
      await a.dataSource.query(`UPDATE initiatives SET hidden_at = ${hidden ? 'now()' : 'NULL'} WHERE id = $1`, [
        first.id,
      ]);
      const [{ generation }] = await a.dataSource.query<{ generation: string }[]>(
        'SELECT generation FROM search_generation WHERE id = 1',
      );
      for (const t of [a, b]) {
        expect((await listing(t, { q: word })).total).toBe(hidden ? 0 : 1);
        // And it was cached again, at the new generation (not merely computed every time).
        expect(cacheOf(t).generation).toBe(Number(generation));
        expect(cacheOf(t).size.entries).toBeGreaterThan(0);
      }
    }
  });
});
