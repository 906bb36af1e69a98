/**
 * The statistics page in a real browser: reached from the footer, in English and Polish, each chart
 * an image with a name and with the same numbers as its table, the filters and downloads reached by
 * keyboard, a CSV downloaded with the rows the API gives, and no accessibility violation (axe-core).
 */
import type { Locator, Page } from 'playwright-core';
import { browserHarness, downloadedText, expectNoAccessibilityViolations, heading, waitForText } from './harness';

const harness = browserHarness();
const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  harness.t.dataSource.query<T[]>(text, params);

/** The numbers drawn on a chart's bars and those in its table, each sorted: the same figures. */
async function chartAndTable(chart: Locator, table: Locator): Promise<{ chart: number[]; table: number[] }> {
  await chart.locator('.ct-value').first().waitFor();
  const numbers = (texts: string[]) => texts.map(Number).sort((a, b) => a - b);
  return {
    chart: numbers(await chart.locator('.ct-value').allTextContents()),
    table: numbers(await table.locator('tbody td').allTextContents()),
  };
}

/** The chart and the table of the figure that follows a heading or a section. */
const charts = (scope: Locator) => scope.locator('[role="img"]');
const tables = (scope: Locator) => scope.getByRole('table');

/** Tabs from the top of the page until the element is focused (or gives up after `limit` presses). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<boolean> {
  await page.locator('body').focus();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await target.evaluate(
      (element) =>
        element === (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
    );
    if (focused) return true;
  }
  return false;
}

describe('the statistics page', () => {
  beforeAll(async () => {
    const organization = async (name: string, city: string) => {
      const [row] = await sql<{ id: string }>(
        `INSERT INTO organizations (name, type, city_id, city_name, country, areas, languages, status, contact_email)
         SELECT $1, 'ngo', id, name, country, '{culture}', '{pl,en}', 'verified', 'someone@example.org' FROM cities WHERE key = $2
         RETURNING id`,
        [name, city],
      );
      return row.id;
    };
    const initiative = async (organizationId: string, status: string, publishedAt: string | null, areas: string[]) => {
      const [row] = await sql<{ id: string }>(
        `INSERT INTO initiatives (organization_id, title, summary, kind, status, areas, target_cities, published_at)
         VALUES ($1, 'An initiative', 'A summary.', 'joint_project', $2::initiative_status, $3, '{nuremberg}', $4) RETURNING id`,
        [organizationId, status, areas, publishedAt],
      );
      return row.id;
    };
    const krakow = await organization('Fundacja Kraków', 'krakow');
    const nuremberg = await organization('Verein Nürnberg', 'nuremberg');
    // Culture: two in 2024, one in 2026 (none in 2025: the chart shows 0 there); education: one in 2026.
    const shared = await initiative(krakow, 'published', '2024-03-10T12:00:00Z', ['culture']);
    await initiative(krakow, 'in_progress', '2024-09-10T12:00:00Z', ['culture']);
    await initiative(nuremberg, 'published', '2026-02-10T12:00:00Z', ['culture', 'education']);
    // A draft is not counted.
    await initiative(krakow, 'draft', null, ['culture', 'education']);
    const [channel] = await sql<{ id: number }>(
      `INSERT INTO channels (kind, initiative_id, title) VALUES ('private', $1, 'partners') RETURNING id`,
      [shared],
    );
    const [partnership] = await sql<{ id: string }>(
      `INSERT INTO partnerships (initiative_id, channel_id) VALUES ($1, $2) RETURNING id`,
      [shared, channel.id],
    );
    await sql(
      `INSERT INTO partnership_members (partnership_id, organization_id, lead, public_consent)
       VALUES ($1, $2, true, true), ($1, $3, false, true)`,
      [partnership.id, krakow, nuremberg],
    );
    await sql(
      `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, status)
       VALUES (2026, 'Temat', 'Theme', '2026-05-10', '2026-05-11', 'ICE Kraków', 'closed')`,
    );
    await sql(
      `INSERT INTO delegations (direction, starts_on, ends_on, city_id, purpose, people_count, is_public)
       VALUES ('incoming', '2025-05-02', '2025-05-04', (SELECT id FROM cities WHERE key = 'nuremberg'), 'A visit', 5, true),
              ('incoming', '2025-06-02', '2025-06-04', (SELECT id FROM cities WHERE key = 'lviv'), 'A visit', 3, true),
              ('outgoing', '2025-10-20', '2025-10-21', (SELECT id FROM cities WHERE key = 'lviv'), 'A visit', 2, true),
              ('outgoing', '2025-11-20', '2025-11-21', (SELECT id FROM cities WHERE key = 'lviv'), 'A private visit', 2, false)`,
    );
  });

  it('is linked from the footer and shows each chart with a table of the same numbers (English)', async () => {
    const page = await harness.visit('/cities', { language: 'en', bypassCSP: true });
    await page.locator('footer').getByRole('link', { name: 'Statistics' }).click();
    await waitForText(() => heading(page), 'Statistics');

    const initiatives = page.getByRole('region', { name: 'Initiatives', exact: true });
    await initiatives.getByRole('heading', { name: 'Culture: initiatives year by year' }).waitFor();
    const overTime = tables(initiatives).first();
    await overTime.locator('caption', { hasText: 'Culture: initiatives year by year' }).waitFor();
    expect(await overTime.locator('tbody tr').allInnerTexts()).toEqual(['2024\t2', '2025\t0', '2026\t1']);
    expect(await charts(initiatives).first().getAttribute('aria-label')).toBe(
      'Bar chart: Culture: initiatives year by year. The same numbers are in the table below the chart.',
    );
    expect(await chartAndTable(charts(initiatives).first(), overTime)).toEqual({ chart: [0, 1, 2], table: [0, 1, 2] });
    // The totals by area: culture 3, education 1 (the draft is not counted).
    const totals = tables(initiatives).nth(1);
    expect(await totals.locator('tbody tr').allInnerTexts()).toEqual(['Culture\t3', 'Education\t1']);
    expect(await chartAndTable(charts(initiatives).nth(1), totals)).toEqual({ chart: [1, 3], table: [1, 3] });

    const partnerships = page.getByRole('region', { name: 'Partnerships by partner city' });
    expect(await tables(partnerships).locator('tbody tr').allInnerTexts()).toEqual(['Nuremberg\t1']);
    expect(await chartAndTable(charts(partnerships), tables(partnerships))).toEqual({ chart: [1], table: [1] });

    const forum = page.getByRole('region', { name: 'The Cooperation Forum, edition by edition' });
    expect(await tables(forum).locator('thead th').allInnerTexts()).toEqual([
      'Edition',
      'People registered',
      'Sessions',
      'Questions',
      '1:1 meetings',
      'Partnerships started',
    ]);
    expect(await tables(forum).locator('tbody tr').allInnerTexts()).toEqual(['2026\t0\t0\t0\t0\t0']);

    // Visits: two series told apart by a legend (and a pattern), the private visit not counted.
    const visits = page.getByRole('region', { name: 'Visits and delegations by direction' });
    expect(await visits.getByRole('list', { name: 'Legend' }).getByRole('listitem').allInnerTexts()).toEqual([
      'Visits received',
      'Visits abroad',
    ]);
    expect(await tables(visits).locator('tbody tr').allInnerTexts()).toEqual(['2025\t2\t1']);
    expect(await chartAndTable(charts(visits), tables(visits))).toEqual({ chart: [1, 2], table: [1, 2] });
    await expectNoAccessibilityViolations(page);

    // By quarter: the visits fall in Q2 and Q4, with Q3 shown as 0.
    await visits.getByLabel('Period').selectOption('quarter');
    await tables(visits).locator('tbody tr', { hasText: 'Q3 2025' }).waitFor();
    expect(await tables(visits).locator('tbody tr').allInnerTexts()).toEqual([
      'Q2 2025\t2\t0',
      'Q3 2025\t0\t0',
      'Q4 2025\t0\t1',
    ]);
  });

  it('reaches the filters and the downloads by keyboard, and downloads the CSV the chart is drawn from', async () => {
    const page = await harness.visit('/statistics', { language: 'en' });
    await waitForText(() => heading(page), 'Statistics');
    const dimension = page.getByLabel('Counted by');
    await page.getByRole('table').first().waitFor();
    expect(await tabTo(page, dimension)).toBe(true);
    // A closed select changes with the arrow keys: the next dimension is the city's goal, then the kind.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await dimension.inputValue()).toBe('initiatives-by-kind');
    const initiatives = page.getByRole('region', { name: 'Initiatives', exact: true });
    await initiatives.getByRole('heading', { name: 'Joint project: initiatives year by year' }).waitFor();

    const download = initiatives.getByRole('link', { name: 'Download CSV: Initiatives by kind' });
    expect(await tabTo(page, download, 120)).toBe(true);
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toBe('initiatives-by-kind-year.csv');
    const csv = await downloadedText(file);
    expect(csv.split('\r\n')).toEqual([
      'period,category,namePl,nameEn,value',
      '2024,joint_project,Wspólny projekt,Joint project,2',
      '2026,joint_project,Wspólny projekt,Joint project,1',
      '',
    ]);
  });

  it('speaks Polish, with place and category names in Polish', async () => {
    const page = await harness.visit('/statistics', { language: 'pl', bypassCSP: true });
    await waitForText(() => heading(page), 'Statystyki');
    const initiatives = page.getByRole('region', { name: 'Inicjatywy', exact: true });
    await initiatives.getByRole('heading', { name: 'Kultura: inicjatywy w kolejnych latach' }).waitFor();
    await page.getByText('Statystyki udostępniamy, jak otwarte dane, na licencji CC BY 4.0').waitFor();
    await initiatives.getByLabel('Podział według').selectOption('initiatives-by-city');
    await initiatives.getByRole('heading', { name: 'Norymberga: inicjatywy w kolejnych latach' }).waitFor();
    const partnerships = page.getByRole('region', { name: 'Partnerstwa według miasta partnerskiego' });
    expect(await tables(partnerships).locator('tbody tr').allInnerTexts()).toEqual(['Norymberga\t1']);
    const visits = page.getByRole('region', { name: 'Wizyty i delegacje według kierunku' });
    expect(await visits.getByRole('list', { name: 'Legenda' }).getByRole('listitem').allInnerTexts()).toEqual([
      'Wizyty przyjęte',
      'Wizyty za granicą',
    ]);
    expect(
      await initiatives
        .getByRole('link', { name: 'Pobierz CSV: Inicjatywy według miasta partnerskiego' })
        .getAttribute('href'),
    ).toBe('/api/v1/statistics/initiatives-by-city.csv?period=year');
    await expectNoAccessibilityViolations(page);
  });
});
