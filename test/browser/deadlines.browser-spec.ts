/**
 * The deadlines page in a real browser: staff find it in their menu, read each deadline with what
 * must be decided (English and Polish), widen the window by keyboard, and create, use and revoke
 * their calendar feed; axe checks each state.
 */
import type { Page } from 'playwright-core';
import { PASSWORD, signUp, type SignedIn } from '../support/accounts';
import { waitUntil } from './browser';
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

/** A moderator holding the registry editor role (granted before signing in, so the session carries it). */
async function registryEditor(name: string): Promise<SignedIn> {
  const user = await signUp(harness.t, harness.address(name), { role: 'moderator' });
  await harness.t.dataSource.query(`INSERT INTO staff_role_grants (user_id, "grant") VALUES ($1, 'registry_editor')`, [
    user.id,
  ]);
  return user;
}

async function signedIn(user: SignedIn, language: Language = 'en'): Promise<Page> {
  const { page } = await harness.newPage({ language, bypassCSP: true });
  await page.goto('/login');
  await logInThroughForm(page, user.email, PASSWORD, language);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (n) => n === 1,
    'the name in the header',
  );
  return page;
}

describe('the deadlines page', () => {
  it('lists the deadlines soonest first with what to decide, in both languages, and a wider window by keyboard', async () => {
    const staff = await registryEditor('staff');
    // An agreement ending in about 40 months: beyond the default window, within five years.
    const ends = new Date();
    ends.setUTCMonth(ends.getUTCMonth() + 40);
    const [{ id: cityId }] = await harness.t.dataSource.query<{ id: number }[]>(
      `SELECT id FROM cities WHERE key = 'lviv'`,
    );
    await harness.t.dataSource.query(
      `INSERT INTO city_documents (city_id, kind, title, signed_on, term, valid_until)
       VALUES ($1, 'sectoral_agreement', 'Porozumienie o współpracy kulturalnej', '2024-05-01', 'fixed', $2)`,
      [cityId, ends.toISOString().slice(0, 10)],
    );
    const page = await signedIn(staff);
    await accountNav(page).getByRole('link', { name: 'Deadlines' }).click();
    await waitForText(() => heading(page), 'Agreement deadlines');
    const rochester = page.locator('.deadline').filter({ hasText: 'Rochester' }).first();
    await rochester.getByText('last day to give notice').waitFor();
    await rochester
      .getByText(/Give notice\? Without notice by this day it renews on .+ for another 5 years\./)
      .waitFor();
    // Soonest first.
    const dates = await page
      .locator('.deadline time')
      .evaluateAll((times) => times.map((t) => t.getAttribute('datetime')));
    expect(dates).toEqual([...dates].sort());
    await expectNoAccessibilityViolations(page);

    // The window is chosen by keyboard and kept in the address.
    const shown = await page.locator('.deadline').count();
    await page.getByLabel('Period').focus();
    await page.keyboard.press('ArrowDown'); // 24 -> 36 months
    await waitUntil(
      () => Promise.resolve(new URL(page.url()).searchParams.get('months')),
      (months) => months === '36',
      'the window in the address',
    );
    await page.keyboard.press('ArrowDown'); // 36 -> 60 months, the select keeping the focus
    await waitUntil(
      () => Promise.resolve(new URL(page.url()).searchParams.get('months')),
      (months) => months === '60',
      'the window in the address',
    );
    await waitUntil(
      () => page.locator('.deadline').count(),
      (n) => n > shown,
      'the deadlines of five years',
    );
    await page
      .locator('.deadline')
      .filter({ hasText: 'Lviv' })
      .getByRole('heading', { name: /: end$/ })
      .waitFor();

    await harness.api().patch('/api/v1/me').set(staff.auth).send({ locale: 'pl' }).expect(200);
    const polish = await signedIn(staff, 'pl');
    await polish.goto('/deadlines');
    await waitForText(() => heading(polish), 'Terminy umów');
    await polish.locator('.deadline').first().getByText('Do rozstrzygnięcia').waitFor();
    await polish
      .getByText(/Czy wypowiedzieć umowę\?/)
      .first()
      .waitFor();
    await expectNoAccessibilityViolations(polish);
  });

  it('creates a calendar feed whose address is shown once and works, then revokes it', async () => {
    const staff = await registryEditor('feed');
    const page = await signedIn(staff);
    await page.goto('/deadlines');
    await waitForText(() => heading(page), 'Agreement deadlines');
    const feed = page.getByRole('region', { name: 'Deadlines in your calendar' });
    await feed.getByRole('button', { name: 'Create a calendar feed address' }).press('Enter');
    await page.getByText('Copy its address now').waitFor();
    const url = await feed.getByLabel('Calendar feed address').inputValue();
    expect(url).toMatch(/\/api\/v1\/calendar-feeds\/[A-Za-z0-9_-]{43}$/);
    await expectNoAccessibilityViolations(page);
    const calendar = await harness.api().get(new URL(url).pathname).expect(200);
    expect(calendar.text).toContain('BEGIN:VEVENT');

    // On another visit the address is not shown again: only that a feed exists.
    await page.reload();
    await feed.getByText(/You have had a calendar feed since/).waitFor();
    expect(await feed.getByLabel('Calendar feed address').count()).toBe(0);

    await feed.getByRole('button', { name: 'Revoke the calendar feed' }).press('Enter');
    await page.getByText('The calendar feed was revoked: its address no longer works.').waitFor();
    await feed.getByRole('button', { name: 'Create a calendar feed address' }).waitFor();
    await harness.api().get(new URL(url).pathname).expect(404);
    await expectNoAccessibilityViolations(page);
  });

  it('is for registry editors: a member and a moderator without the role are told so', async () => {
    const member = await signUp(harness.t, harness.address('member'));
    const page = await signedIn(member);
    expect(await accountNav(page).getByRole('link', { name: 'Deadlines' }).count()).toBe(0);
    await page.goto('/deadlines');
    await waitForText(() => heading(page), 'Agreement deadlines');
    await page.getByText('This page is for City staff only.').waitFor();
    expect(await page.locator('.deadline').count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    const moderator = await signUp(harness.t, harness.address('moderator'), { role: 'moderator', locale: 'pl' });
    const staffPage = await signedIn(moderator, 'pl');
    expect(await accountNav(staffPage).getByRole('link', { name: 'Terminy umów' }).count()).toBe(0);
    await staffPage.goto('/deadlines');
    await waitForText(() => heading(staffPage), 'Terminy umów');
    await staffPage.getByText(/rolą redaktora rejestru/).waitFor();
    expect(await staffPage.locator('.deadline').count()).toBe(0);
    await expectNoAccessibilityViolations(staffPage);
  });
});
