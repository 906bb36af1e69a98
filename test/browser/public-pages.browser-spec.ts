/**
 * The public face in a real browser, without an account: the home page says what the platform is
 * for and leads by keyboard to a city network's page and a goal's page; a partner city's page links
 * to its organisations, initiatives and networks; a partnership not every organisation agreed to
 * show is named nowhere. Both languages, axe-core on each page.
 */
import { browserHarness, expectNoAccessibilityViolations, heading, waitForText } from './harness';

const harness = browserHarness();
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  harness.t.dataSource.query<T[]>(text, params);

beforeAll(async () => {
  const organization = async (name: string, city: string) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO organizations (name, type, city_id, city_name, country, areas, languages, status, contact_email)
         SELECT $1, 'ngo', id, name, country, '{culture}', '{pl,en}', 'verified', 'contact@example.org' FROM cities WHERE key = $2
         RETURNING id`,
        [name, city],
      )
    )[0].id;
  const krakow = await organization('Fundacja Dziedzictwa', 'krakow');
  const budapest = await organization('Budapesti Örökség Egyesület', 'budapest');
  const initiative = async (organizationId: string, title: string, language: string) =>
    (
      await sql<{ id: string }>(
        `INSERT INTO initiatives (organization_id, title, summary, language, kind, status, areas, target_cities, goals, published_at)
         VALUES ($1, $2, 'A summary of the initiative.', $3, 'joint_project', 'published', '{culture}', '{budapest}',
                 '{central_european_heritage}', now()) RETURNING id`,
        [organizationId, title, language],
      )
    )[0].id;
  const shown = await initiative(krakow, 'Szlaki dziedzictwa nad Dunajem', 'pl');
  const quiet = await initiative(budapest, 'Quiet archive exchange', 'en');
  for (const [initiativeId, consents] of [
    [shown, [true, true]],
    [quiet, [true, false]],
  ] as const) {
    const [channel] = await sql<{ id: number }>(
      `INSERT INTO channels (kind, initiative_id, title) VALUES ('private', $1, 'partners') RETURNING id`,
      [initiativeId],
    );
    const [partnership] = await sql<{ id: string }>(
      `INSERT INTO partnerships (initiative_id, channel_id) VALUES ($1, $2) RETURNING id`,
      [initiativeId, channel.id],
    );
    for (const [index, organizationId] of [krakow, budapest].entries())
      await sql(
        `INSERT INTO partnership_members (partnership_id, organization_id, lead, public_consent) VALUES ($1, $2, $3, $4)`,
        [partnership.id, organizationId, index === 0, consents[index]],
      );
  }
});

describe('the public pages', () => {
  it('the home page explains the platform and leads by keyboard to a network and a goal (English)', async () => {
    const page = await harness.visit('/', { language: 'en', bypassCSP: true });
    await waitForText(() => heading(page), 'Cooperation Forum');
    await page.getByText("Kraków's platform for international cooperation").waitFor();
    const figures = page.locator('.public-figures');
    await figures.getByText('Partner cities').waitFor();
    const figure = (label: string) =>
      figures
        .locator('div')
        .filter({ has: page.getByText(label, { exact: true }) })
        .locator('dd')
        .innerText();
    expect(await figure('Partner cities')).toBe('30');
    expect(await figure('Partnerships')).toBe('2');
    // The newest initiatives, each marked with its language where it differs from the page's.
    const polish = page.getByRole('link', { name: 'Szlaki dziedzictwa nad Dunajem' });
    expect(await polish.getAttribute('lang')).toBe('pl');
    for (const way of ['An NGO', 'A school', 'City staff', 'Residents'])
      await page.getByRole('heading', { name: way, level: 3 }).waitFor();
    // A resident's ways in: the consultations, the statistics and the open data.
    const resident = page.locator('.public-ways li').filter({ has: page.getByRole('heading', { name: 'Residents' }) });
    for (const [name, href] of [
      ['Public consultations', '/consultations'],
      ['Statistics with charts', '/statistics'],
      ['Open data', '/open-data'],
    ])
      expect(await resident.getByRole('link', { name }).getAttribute('href')).toBe(href);
    await expectNoAccessibilityViolations(page);

    await page.getByRole('link', { name: 'Organization of World Heritage Cities' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), 'Organization of World Heritage Cities');
    await page.getByText('1995').waitFor();
    expect(await page.getByText('department for culture and national heritage').getAttribute('lang')).toBeNull();
    await page.getByRole('link', { name: 'Budapest' }).waitFor();
    await page.getByRole('link', { name: 'Szlaki dziedzictwa nad Dunajem' }).waitFor();
    await expectNoAccessibilityViolations(page);

    await page.goBack();
    await page.getByRole('link', { name: 'Promote Central European heritage and its cultural values' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), 'Promote Central European heritage and its cultural values');
    await page.getByRole('link', { name: 'Quiet archive exchange' }).waitFor();
    // The partnership Budapest's organisation did not agree to show is not named; the other is.
    const partnerships = page.locator('section[aria-labelledby="goal-partnerships"]');
    await partnerships.getByRole('link', { name: 'Szlaki dziedzictwa nad Dunajem' }).waitFor();
    expect(await partnerships.getByText('Quiet archive exchange').count()).toBe(0);
    await expectNoAccessibilityViolations(page);
  });

  it('speaks Polish: from the figures to the statistics, the network, the goal and a city page', async () => {
    const page = await harness.visit('/', { language: 'pl', bypassCSP: true });
    await waitForText(() => heading(page), 'Forum Współpracy');
    const figures = page.locator('section[aria-labelledby="home-figures"]');
    expect(await figures.getByRole('link', { name: 'Otwarte dane' }).getAttribute('href')).toBe('/open-data');
    await figures.getByRole('link', { name: 'Statystyki z wykresami' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), 'Statystyki');

    await page.goto('/networks/owhc');
    await waitForText(() => heading(page), 'Organizacja Miast Dziedzictwa Światowego');
    // The coordinator is reference data in English: marked so on a Polish page.
    expect(await page.getByText('department for culture and national heritage').getAttribute('lang')).toBe('en');
    await expectNoAccessibilityViolations(page);

    await page.goto('/goals/central_european_heritage');
    await waitForText(
      () => heading(page),
      'Wzmacnianie pozycji Krakowa poprzez promocję dziedzictwa środkowoeuropejskiego i jego wartości kulturowych',
    );
    expect(await page.getByRole('link', { name: 'Quiet archive exchange' }).getAttribute('lang')).toBe('en');
    await expectNoAccessibilityViolations(page);

    await page.goto('/cities/budapest');
    await waitForText(() => heading(page), 'Budapeszt');
    await page.getByRole('link', { name: 'Budapesti Örökség Egyesület' }).waitFor();
    const partnerships = page.locator('section[aria-labelledby="city-partnerships"]');
    await partnerships.getByRole('link', { name: 'Szlaki dziedzictwa nad Dunajem' }).waitFor();
    expect(await partnerships.getByText('Quiet archive exchange').count()).toBe(0);
    await page.getByRole('link', { name: 'Organizacja Miast Dziedzictwa Światowego' }).click();
    await waitForText(() => heading(page), 'Organizacja Miast Dziedzictwa Światowego');
    await expectNoAccessibilityViolations(page);
  });
});
