import request from 'supertest';
import { seedDemoActivity, seedDemoConsultations, seedDemoData, seedDemoDelegations } from '../scripts/demo-data';
import { KRAKOW_REFERENCE_DATA, startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `npm run demo` as a resident without an account first sees it: the seeding `seed --demo` runs
 * (scripts/seed.ts), then the public pages of issue 21 must not be empty, and seeding again adds nothing.
 */
describe('the demo data fills the public pages', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  const get = async (url: string): Promise<Json> => (await api().get(url).expect(200)).body;
  const seed = async () => {
    await seedDemoData(t.dataSource, KRAKOW_REFERENCE_DATA);
    await seedDemoActivity(t.dataSource);
    await seedDemoDelegations(t.dataSource);
    await seedDemoConsultations(t.dataSource);
  };
  const titles = (items: Json[]) => items.map((item) => item.title);
  const names = (partnership: Json) => partnership.organizations.map((o: Json) => o.name);

  beforeAll(async () => {
    t = await startTestApp();
    await seed();
  });
  afterAll(() => t?.close());

  it('the home page shows the next forum and its call, the newest initiatives and no zero figure', async () => {
    const home = await get('/api/v1/home');
    expect(home.nextEdition).toMatchObject({ year: 2027, status: 'call_open' });
    expect(home.newestInitiatives.length).toBeGreaterThanOrEqual(5);
    expect(home.figures.year).toBe(new Date().getFullYear());
    for (const figure of ['partnerCities', 'organizations', 'initiatives', 'partnerships', 'delegationsThisYear'])
      expect({ figure, positive: typeof home.figures[figure] === 'number' && home.figures[figure] > 0 }).toEqual({
        figure,
        positive: true,
      });
  });

  it('a network page lists the initiatives that involve its cities', async () => {
    const network = await get('/api/v1/networks/owhc');
    expect(network.cities.map((city: Json) => city.key)).toContain('budapest');
    expect(titles(network.initiatives)).toContain('Szlak miast światowego dziedzictwa: Kraków i Budapeszt');
  });

  it('a goal page lists initiatives and the consented partnership, never the unconsented one', async () => {
    const goal = await get('/api/v1/goals/youth_contacts');
    expect(goal.initiatives.length).toBeGreaterThanOrEqual(3);
    expect(goal.partnerships.map(names)).toEqual([
      ['Jugendring Nürnberg', 'Szkoła Podstawowa nr 7 im. Marii Konopnickiej w Krakowie'],
    ]);
    // The Lviv summer camp serves the goal too, but Fundacja Most Kultury did not agree to show it.
    expect(titles(goal.initiatives)).toContain('Summer camp for young volunteers from Lviv and Kraków');
    expect(goal.partnerships.map((p: Json) => p.initiativeTitle)).not.toContain(
      'Summer camp for young volunteers from Lviv and Kraków',
    );
  });

  it("a partner city's page lists its organisations, initiatives, a public partnership and visits", async () => {
    const city = await get('/api/v1/cities/nuremberg/activity');
    expect(city.organizations.map((o: Json) => o.name)).toContain('Jugendring Nürnberg');
    expect(titles(city.initiatives)).toContain('Szkoła partnerska w Norymberdze: wymiana uczniów 2027');
    expect(city.partnerships.map((p: Json) => p.initiativeTitle)).toEqual([
      'Jugendbegegnung Nürnberg–Krakau: Sport verbindet',
    ]);
    expect(city.visits.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps the open consultation with its comments', async () => {
    const list = await get('/api/v1/consultations');
    const items: Json[] = list.items ?? list;
    expect(items).toHaveLength(1);
    const consultation = await get(`/api/v1/consultations/${items[0].id}`);
    expect(JSON.stringify(consultation)).toContain('szkoły zawodowe');
  });

  it('seeding again adds nothing', async () => {
    const count = async () =>
      (
        await t.dataSource.query<Json[]>(
          `SELECT (SELECT count(*)::int FROM organizations) AS organizations, (SELECT count(*)::int FROM initiatives) AS initiatives,
                  (SELECT count(*)::int FROM partnerships) AS partnerships, (SELECT count(*)::int FROM partnership_members) AS partners,
                  (SELECT count(*)::int FROM channels) AS channels, (SELECT count(*)::int FROM delegations) AS delegations,
                  (SELECT count(*)::int FROM consultation_comments) AS comments, (SELECT count(*)::int FROM forum_editions) AS editions`,
        )
      )[0];
    const before = await count();
    await seed();
    expect(await count()).toEqual(before);
  });
});
