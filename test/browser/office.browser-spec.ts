/**
 * The city office's screens in a real browser: the audit log (admins), in both languages, by
 * keyboard, with axe-core.
 */
import type { Page } from 'playwright-core';
import { AuditService } from '../../src/audit/audit.service';
import { PASSWORD, signUp, type SignedIn } from '../support/accounts';
import {
  accountNav,
  browserHarness,
  downloadedText,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
} from './harness';

const harness = browserHarness();

async function loggedIn(user: SignedIn, language: Language = 'en'): Promise<Page> {
  const page = await harness.visit('/login', { language, bypassCSP: true });
  await logInThroughForm(page, user.email, PASSWORD, language);
  await accountNav(page, language).locator('.account-nav__name').waitFor();
  return page;
}

describe('the audit log screen', () => {
  let admin: SignedIn;
  let moderator: SignedIn;

  beforeAll(async () => {
    const t = harness.t;
    admin = await signUp(t, harness.address('admin'), { role: 'admin', displayName: 'Anna Admin' });
    moderator = await signUp(t, harness.address('moderator'), { role: 'moderator', displayName: 'Marek Moderator' });
    const audit = t.app.get(AuditService);
    for (let n = 1; n <= 55; n++)
      await audit.record({
        actorId: moderator.id,
        action: 'organization.verify',
        targetType: 'organization',
        targetId: `org-${n}`,
      });
    await audit.record({
      actorId: admin.id,
      action: 'initiative.reject',
      targetType: 'initiative',
      targetId: 'ini-1',
      reason: 'Nie dotyczy współpracy międzynarodowej',
    });
  });

  it('is reached from the menu, filtered by keyboard, pages on, and downloads the CSV', async () => {
    const page = await loggedIn(admin);
    await accountNav(page).getByRole('link', { name: 'Audit log' }).click();
    await waitForText(() => heading(page), 'Audit log');
    await waitForText(() => page.locator('.result-count').textContent(), '50 entries shown.');
    // Newest first: the rejection, with its reason.
    await page.locator('.audit-entry').first().getByText('Nie dotyczy współpracy międzynarodowej').waitFor();
    await expectNoAccessibilityViolations(page);

    await page.getByRole('button', { name: 'Show older entries' }).click();
    await waitForText(() => page.locator('.result-count').textContent(), '56 entries shown.');
    expect(await page.getByRole('button', { name: 'Show older entries' }).count()).toBe(0);

    // By keyboard: the person's address, then the submit button.
    await page.getByLabel('Person (e-mail address)').fill(admin.email);
    await page.getByLabel('Person (e-mail address)').press('Enter');
    await waitForText(() => page.locator('.result-count').textContent(), '1 entry shown.');
    expect(new URL(page.url()).searchParams.get('person')).toBe(admin.email);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await downloadedText(download)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('initiative.reject');
  });

  it('speaks Polish, and a filter that is not an address is explained', async () => {
    // The interface takes on the account's language at login.
    await harness.api().patch('/api/v1/me').set(admin.auth).send({ locale: 'pl' }).expect(200);
    const page = await loggedIn(admin, 'pl');
    await page.goto('/audit-log?action=organization.verify');
    await waitForText(() => heading(page), 'Dziennik zdarzeń');
    await waitForText(() => page.locator('.result-count').textContent(), 'Pokazano 50 wpisów.');
    await expectNoAccessibilityViolations(page);
    harness.expectFailedRequests(400);
    await page.getByLabel('Osoba (adres e-mail)').fill('nie-adres');
    await page.getByRole('button', { name: 'Pokaż', exact: true }).click();
    await page.locator('.load-error').getByText('person must be an e-mail address').waitFor();
    expect(await page.locator('.audit-entry').count()).toBe(0);
  });

  it('tells a moderator it is not for them, and shows them no link to it', async () => {
    const page = await loggedIn(moderator);
    expect(await accountNav(page).getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await page.goto('/audit-log');
    await waitForText(() => heading(page), 'Audit log');
    await page.getByText('This page is for administrators only.').waitFor();
  });
});
