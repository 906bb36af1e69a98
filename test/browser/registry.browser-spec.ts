/**
 * The web client in a real browser (the system's Chromium), against the real app on a fresh
 * database with the Kraków reference data. Needs the client built first: `npm run build`.
 */
import type { Page } from 'playwright-core';
import { waitUntil } from './browser';
import { browserHarness, expectNoAccessibilityViolations, heading, waitForText } from './harness';

/** A fixed "today" for the deadline facts, so the expected dates do not move with the calendar. */
const ON = '2026-06-01';

const harness = browserHarness();
const visit = harness.visit;

const resultCount = (page: Page) => page.locator('.result-count').textContent();
const listedCities = (page: Page) => page.locator('.city-list .city-list__name').allTextContents();
const searchParam = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe('partner cities page', () => {
  it('shows a world map with the 30 partner cities and Kraków, and a legend of the four tiers', async () => {
    const page = await visit('/cities');
    const map = page.getByRole('group', { name: 'World map: Kraków and its partner cities' });
    await waitUntil(
      () => map.locator('[data-city-key]').count(),
      (n) => n === 31,
      '31 points on the map',
    );

    expect(await map.getByRole('link').count()).toBe(30);
    await map.getByRole('link', { name: 'Rochester, NY: Partner city' }).waitFor();
    await map.getByRole('img', { name: 'Kraków' }).waitFor();
    expect(await page.locator('.map-land').getAttribute('d')).toMatch(/^M[\d.-]+/);

    // The points are where the cities are: Rochester west of Kraków, Curitiba and La Serena south of it.
    const position = async (key: string) => (await map.locator(`[data-city-key="${key}"] path`).boundingBox())!;
    const krakow = await position('krakow');
    expect((await position('rochester')).x).toBeLessThan(krakow.x - 100);
    expect((await position('curitiba')).y).toBeGreaterThan(krakow.y + 100);
    expect((await position('la_serena')).x).toBeLessThan((await position('curitiba')).x);

    const legend = await page.locator('.map-legend li').allTextContents();
    expect(legend).toEqual([
      'Kraków',
      'Twin city (4)',
      'Honorary twin city (2)',
      'Partner city (20)',
      'Informal cooperation (4)',
    ]);
    await waitForText(() => resultCount(page), '30 cities');
    expect(await listedCities(page)).toHaveLength(30);
  });

  it('narrows the list to the twin cities, with the filter in the URL, and Back undoes it', async () => {
    const page = await visit('/cities');
    await waitForText(() => resultCount(page), '30 cities');

    await page.getByLabel('Relationship', { exact: true }).selectOption('twin');
    await waitForText(() => resultCount(page), '4 cities');
    expect(await listedCities(page)).toEqual(['Kyiv', 'Leuven', 'Milan', 'Nuremberg']);
    expect(searchParam(page, 'relationship')).toBe('twin');
    // The map greys out the others.
    expect(await page.locator('.map-point.is-dimmed').count()).toBe(26);

    // A shared link opens the same view.
    const shared = await visit(`/cities?relationship=twin`);
    await waitForText(() => resultCount(shared), '4 cities');
    expect(await shared.getByLabel('Relationship', { exact: true }).inputValue()).toBe('twin');

    await page.goBack();
    await waitForText(() => resultCount(page), '30 cities');
    expect(await page.getByLabel('Relationship', { exact: true }).inputValue()).toBe('');
    expect(searchParam(page, 'relationship')).toBeNull();
  });

  it('finds a city by its Polish name typed without diacritics', async () => {
    const page = await visit('/cities');
    await waitForText(() => resultCount(page), '30 cities');
    const search = page.getByRole('searchbox', { name: 'Search for a city' });

    await search.fill('norymberga');
    await waitForText(() => resultCount(page), '1 city');
    expect(await listedCities(page)).toEqual(['Nuremberg']);
    expect(searchParam(page, 'q')).toBe('norymberga');

    await search.fill('kijow');
    await waitUntil(
      () => listedCities(page),
      (names) => names.join() === 'Kyiv',
      'Kyiv alone in the list',
    );
    expect(searchParam(page, 'q')).toBe('kijow');
  });

  it('switches between Polish and English, sets the page language and remembers the choice', async () => {
    const page = await visit('/cities', { language: 'en' });
    await waitForText(() => heading(page), 'Partner cities');
    await waitForText(() => page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('link', { name: 'Nuremberg', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Polski' }).click();
    await waitForText(() => heading(page), 'Miasta partnerskie');
    await waitForText(() => page.locator('html').getAttribute('lang'), 'pl');
    await waitForText(() => page.title(), 'Miasta partnerskie – Forum Współpracy');
    await page.getByRole('link', { name: 'Norymberga', exact: true }).waitFor();
    await waitForText(() => resultCount(page), '30 miast');
    expect(await page.getByRole('button', { name: 'Polski' }).getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await waitForText(() => heading(page), 'Miasta partnerskie');
    await waitForText(() => page.locator('html').getAttribute('lang'), 'pl');

    await page.getByRole('button', { name: 'English' }).click();
    await waitForText(() => heading(page), 'Partner cities');
    await waitForText(() => page.locator('html').getAttribute('lang'), 'en');
    await page.getByRole('link', { name: 'Nuremberg', exact: true }).waitFor();
  });

  it('can be used with the keyboard: skip link, then Tab to a city and Enter opens its page', async () => {
    const page = await visit('/cities');
    await waitForText(() => resultCount(page), '30 cities');

    const focused = page.locator(':focus');
    await page.keyboard.press('Tab');
    expect(await focused.textContent()).toBe('Skip to content');

    let href: string | null = null;
    for (let presses = 0; presses < 40 && !href?.startsWith('/cities/'); presses++) {
      await page.keyboard.press('Tab');
      href = await focused.getAttribute('href');
    }
    expect(href).toMatch(/^\/cities\/[a-z_]+$/);
    // A map point is named by its <title>, a list link by its text.
    const name = (await focused.locator('title').count())
      ? await focused.locator('title').textContent()
      : await focused.textContent();

    await page.keyboard.press('Enter');
    await waitUntil(
      () => new URL(page.url()).pathname,
      (path) => path === href,
      `the page ${href}`,
    );
    await waitForText(() => heading(page), name!);
    // Focus moves to the new page's heading, so a screen reader announces it.
    expect(await page.locator('h1:focus').count()).toBe(1);
  });
});

describe('city page', () => {
  it("shows Rochester's agreement with its next expiry and notice deadline, in English and Polish", async () => {
    const page = await visit(`/cities/rochester?on=${ON}`, { language: 'en' });
    await waitForText(() => heading(page), 'Rochester, NY');
    await waitForText(() => page.title(), 'Rochester, NY – Cooperation Forum');

    const agreement = page.getByRole('listitem').filter({ hasText: 'Partnership agreement' });
    const text = (await agreement.textContent()) ?? '';
    expect(text).toContain('18 July 1973');
    expect(text).toContain('In force');
    expect(text).toContain('renewed automatically every 5 years; notice 6 months before expiry');
    expect(await agreement.locator('[data-deadline="next-expiry"]').innerText()).toMatch(/Next expiry\s+18 July 2028/);
    expect(await agreement.locator('[data-deadline="notice"]').innerText()).toMatch(
      /Notice deadline\s+18 January 2028/,
    );
    expect(await agreement.locator('q[lang="pl"]').textContent()).toBe('Umowa o współpracy');

    await page.getByRole('button', { name: 'Polski' }).click();
    await waitForText(() => heading(page), 'Rochester');
    const umowa = page.getByRole('listitem').filter({ hasText: 'Umowa o partnerstwie' });
    expect(await umowa.locator('[data-deadline="next-expiry"]').innerText()).toMatch(
      /Najbliższe wygaśnięcie\s+18 lipca 2028/,
    );
    expect(await umowa.locator('[data-deadline="notice"]').innerText()).toMatch(
      /Termin wypowiedzenia\s+18 stycznia 2028/,
    );
    expect(await umowa.textContent()).toContain('wypowiedzenie najpóźniej 6 miesięcy przed wygaśnięciem');
  });

  it("shows Vienna's 2005 joint statement as expired and the 2000 one as in force", async () => {
    const page = await visit('/cities/vienna', { language: 'en' });
    await waitForText(() => heading(page), 'Vienna');
    const documents = page.locator('ol.timeline > li');
    expect(await documents.count()).toBe(2);

    const statement2005 = documents.filter({ hasText: 'Wspólne oświadczenie Krakowa i Wiednia' });
    expect(await statement2005.locator('.timeline__date').innerText()).toContain('1 July 2005');
    expect(await statement2005.locator('.badge').innerText()).toContain('Expired');
    expect(await statement2005.innerText()).toMatch(/Valid:?\s+from 1 July 2005 to 1 July 2009/);
    expect(await documents.first().locator('.badge').innerText()).toContain('In force');
  });

  it('gives a signing date only as precisely as the source knows it', async () => {
    const page = await visit('/cities/milan', { language: 'pl' });
    await waitForText(() => heading(page), 'Mediolan');
    const dates = await page.locator('ol.timeline .timeline__date time').allTextContents();
    // 2001-07-09 to the day; the sectoral agreement only to the month ("2003-06").
    expect(dates).toEqual(['9 lipca 2001', 'czerwiec 2003', '10 czerwca 2003']);
    expect(await page.locator('ol.timeline time').nth(1).getAttribute('datetime')).toBe('2003-06');
  });

  it('says so when a city does not exist, with a link back to the list', async () => {
    // The API's 404 for the city is expected; the browser logs it as a failed resource.
    harness.expectFailedRequests(404);
    const page = await visit('/cities/atlantis', { language: 'en' });
    await waitForText(() => heading(page), 'City not found');
    await waitForText(() => page.title(), 'City not found – Cooperation Forum');
    await page.getByRole('link', { name: 'Back to the list of partner cities' }).click();
    await waitForText(() => heading(page), 'Partner cities');
    expect(new URL(page.url()).pathname).toBe('/cities');
  });
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  for (const language of ['en', 'pl'] as const) {
    it(`finds no violations on the cities page and the Rochester page (${language})`, async () => {
      const page = await visit('/cities', { language, bypassCSP: true });
      await waitForText(() => resultCount(page), language === 'pl' ? '30 miast' : '30 cities');
      await page.locator('.map [data-city-key="krakow"]').waitFor();
      await expectNoAccessibilityViolations(page);

      // Filtered: the greyed-out points leave the tab order and the accessibility tree.
      await page
        .getByLabel(language === 'pl' ? 'Rodzaj relacji' : 'Relationship', { exact: true })
        .selectOption('twin');
      await waitForText(() => resultCount(page), language === 'pl' ? '4 miasta' : '4 cities');
      await expectNoAccessibilityViolations(page);

      await page.goto(`/cities/rochester?on=${ON}`);
      await page.locator('[data-deadline="notice"]').waitFor();
      await expectNoAccessibilityViolations(page);
    });
  }
});
