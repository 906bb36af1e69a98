/**
 * Dormant partnerships in a real browser, on the demo data: a registry editor finds the quiet
 * cities flagged with their evidence and confirms one by keyboard, in English and in Polish, with
 * axe checking the page.
 */
import type { Page } from 'playwright-core';
import {
  DEMO_DOMAIN,
  DEMO_PASSWORD,
  seedDemoActivity,
  seedDemoData,
  seedDemoDelegations,
} from '../../scripts/demo-data';
import { KRAKOW_REFERENCE_DATA } from '../support/test-app';
import {
  accountNav,
  browserHarness,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
} from './harness';

const harness = browserHarness();

beforeAll(async () => {
  await seedDemoData(harness.t.dataSource, KRAKOW_REFERENCE_DATA);
  await seedDemoActivity(harness.t.dataSource);
  await seedDemoDelegations(harness.t.dataSource);
});

/** The demo admin (a registry editor), whose account speaks `language` (the interface takes it on at login). */
async function editor(language: Language): Promise<Page> {
  await harness.t.dataSource.query(`UPDATE users SET locale = $2 WHERE email = $1`, [`admin@${DEMO_DOMAIN}`, language]);
  const page = await harness.visit('/login', { language, bypassCSP: true });
  await logInThroughForm(page, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD, language);
  await accountNav(page, language).locator('.account-nav__name').waitFor();
  return page;
}

describe('dormant partnerships', () => {
  it('a registry editor confirms a flagged city by keyboard, and its status becomes dormant', async () => {
    const page = await editor('en');
    await accountNav(page).getByRole('link', { name: 'Dormant partnerships' }).click();
    await waitForText(() => heading(page), 'Dormant partnerships');
    const gothenburg = page
      .locator('.dormancy-city')
      .filter({ has: page.getByRole('heading', { name: 'Gothenburg' }) });
    expect(await gothenburg.getByRole('list', { name: 'Activity: Gothenburg' }).innerText()).toMatch(/visits: 0/);
    // The busy partners are not among the flagged.
    const flaggedNames = await page.locator('.dormancy-list').first().locator('h3').allInnerTexts();
    expect(flaggedNames).toEqual(expect.arrayContaining(['Cusco', 'Fez', 'Gothenburg', 'Zagreb']));
    expect(flaggedNames).not.toContain('Nuremberg');
    expect(flaggedNames).not.toContain('Lviv');
    await expectNoAccessibilityViolations(page);

    await gothenburg.getByRole('button', { name: 'Confirm dormant: Gothenburg' }).focus();
    await page.keyboard.press('Enter');
    await gothenburg.getByText('The status of Gothenburg will become "dormant". Go ahead?').waitFor();
    await gothenburg.getByRole('button', { name: 'Confirm', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page
      .locator('.dormancy-city', { hasText: 'confirmed dormant' })
      .getByRole('heading', { name: 'Gothenburg' })
      .waitFor();
    const [city] = await harness.t.dataSource.query(`SELECT status FROM cities WHERE key = 'gothenburg'`);
    expect(city.status).toBe('dormant');
    const [audit] = await harness.t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'dormancy.confirm' AND target_id = 'gothenburg'`,
    );
    expect(audit.n).toBe(1);
  });

  it('speaks Polish', async () => {
    const page = await editor('pl');
    await page.goto('/office/dormancy');
    await waitForText(() => heading(page), 'Uśpione partnerstwa');
    await page.getByRole('heading', { name: 'Być może uśpione' }).waitFor();
    await page.getByRole('button', { name: 'Potwierdź uśpienie: Zagrzeb' }).waitFor();
    await expectNoAccessibilityViolations(page);
  });
});
