/**
 * The register of visits in a real browser: a registry editor enters a visit in English by
 * keyboard (and is told what to correct when the last day is before the first), the public reads
 * the counts in Polish, and a moderator without the role is told who keeps the register; axe
 * checks each page.
 */
import type { Page } from 'playwright-core';
import { PASSWORD, signUp, type SignedIn } from '../support/accounts';
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
let editor: SignedIn;
let moderator: SignedIn;

beforeAll(async () => {
  const admin = await signUp(harness.t, 'admin@visits.test', { role: 'admin' });
  editor = await signUp(harness.t, 'editor@visits.test', { role: 'moderator', displayName: 'Ewa Redaktor' });
  moderator = await signUp(harness.t, 'moderator@visits.test', { role: 'moderator' });
  await harness.api().put(`/api/v1/staff/${editor.id}/grants/registry_editor`).set(admin.auth).expect(204);
});

async function signedIn(user: SignedIn, language: Language = 'en'): Promise<Page> {
  const page = await harness.visit('/login', { language, bypassCSP: true });
  await logInThroughForm(page, user.email, PASSWORD, language);
  await accountNav(page, language).locator('.account-nav__name').waitFor();
  return page;
}

describe('the register of visits', () => {
  it('a registry editor enters a visit by keyboard, corrects the dates, and finds it in the register', async () => {
    const page = await signedIn(editor);
    await accountNav(page).getByRole('link', { name: 'Register of visits' }).click();
    await waitForText(() => heading(page), 'Register of visits');
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: 'Add a visit' }).focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), 'New visit');

    await page.getByLabel('Direction').selectOption('outgoing');
    await page.getByLabel('First day').fill('2026-03-10');
    await page.getByLabel('Last day').fill('2026-03-08');
    await page.getByLabel('Partner city').selectOption('leipzig');
    await page.getByLabel('Language of the description').selectOption('en');
    await page.getByLabel('Purpose of the visit').fill('Training on EU structural funds at the City Hall of Leipzig');
    await page.getByLabel('Number of people').fill('4');
    await page.getByRole('group', { name: 'Areas of cooperation' }).getByLabel('Economy').check();
    await page.getByLabel('Public visit').focus();
    await page.keyboard.press('Space');
    await expectNoAccessibilityViolations(page);
    harness.expectFailedRequests(400);
    await page.getByLabel('Number of people').press('Enter');

    // The last day before the first: the field says so and has the focus.
    const lastDay = page.getByLabel('Last day');
    await page
      .locator('#visit-ends-on-error')
      .getByText(/before startsOn/)
      .waitFor();
    expect(
      await lastDay.evaluate(
        (input) => input === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    expect(await lastDay.getAttribute('aria-invalid')).toBe('true');
    await lastDay.fill('2026-03-12');
    await lastDay.press('Enter');

    await waitForText(() => heading(page), 'Register of visits');
    await page.getByText('The visit has been saved in the register.').waitFor();
    const entry = page.locator('.delegation').filter({ hasText: 'Leipzig' });
    await entry.getByText('Training on EU structural funds').waitFor();
    expect(await entry.innerText()).toMatch(/visit from Kraków, public/);
    expect(await entry.getByText('Training on EU structural funds').getAttribute('lang')).toBe('en');
    await expectNoAccessibilityViolations(page);
    const [stored] = await harness.t.dataSource.query(
      `SELECT direction, starts_on, ends_on, people_count, areas, is_public FROM delegations`,
    );
    expect(stored).toEqual({
      direction: 'outgoing',
      starts_on: '2026-03-10',
      ends_on: '2026-03-12',
      people_count: 4,
      areas: ['economy'],
      is_public: true,
    });
  });

  it('the public reads the counts in Polish, the visit named in its own language', async () => {
    const page = await harness.visit('/delegations', { language: 'pl', bypassCSP: true });
    await waitForText(() => heading(page), 'Wizyty i delegacje');
    const byYear = page.getByRole('table', { name: 'Liczba wizyt w każdym roku, według kierunku' });
    expect(await byYear.getByRole('row', { name: /2026/ }).innerText()).toMatch(/2026\s+0\s+1/);
    const byCity = page.getByRole('table', { name: 'Wizyty w roku 2026 według miasta i kierunku' });
    expect(await byCity.getByRole('row', { name: /Lipsk/ }).innerText()).toMatch(/Lipsk\s+0\s+1/);
    await page.locator('.delegation-list').getByText('Training on EU structural funds', { exact: false }).waitFor();
    await expectNoAccessibilityViolations(page);
  });

  it('a moderator without the role is told who keeps the register, and has no link to it', async () => {
    const page = await signedIn(moderator);
    expect(await accountNav(page).getByRole('link', { name: 'Register of visits' }).count()).toBe(0);
    await page.goto('/office/delegations/new');
    await waitForText(() => heading(page), 'New visit');
    await page.getByText(/kept by staff with the registry editor role/).waitFor();
  });
});
