/**
 * Registry editors at work in a real browser: a city edited in Polish and an agreement added and
 * corrected in English, by keyboard, with axe checking each form; a moderator without the role
 * sees no editing, and an admin grants it on the staff screen.
 */
import type { Page } from 'playwright-core';
import { PASSWORD, signUp, type SignedIn } from '../support/accounts';
import { waitUntil } from './browser';
import {
  browserHarness,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
} from './harness';

const harness = browserHarness();
let admin: SignedIn;
let editor: SignedIn;
let moderator: SignedIn;

beforeAll(async () => {
  admin = await signUp(harness.t, 'admin@editing.test', { role: 'admin', displayName: 'Anna Admin', locale: 'en' });
  editor = await signUp(harness.t, 'editor@editing.test', {
    role: 'moderator',
    displayName: 'Ewa Redaktor',
    locale: 'pl',
  });
  moderator = await signUp(harness.t, 'moderator@editing.test', {
    role: 'moderator',
    displayName: 'Marek Moderator',
    locale: 'en',
  });
  await harness.api().put(`/api/v1/staff/${editor.id}/grants/registry_editor`).set(admin.auth).expect(204);
});

async function signedIn(user: SignedIn, language: Language): Promise<Page> {
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

/** Follows a link by keyboard: focus on it, then Enter. */
async function followByKeyboard(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
}

describe('editing the registry', () => {
  it('a registry editor changes a city in Polish, by keyboard, and the city page and its history show it', async () => {
    const page = await signedIn(editor, 'pl');
    await page.goto('/cities/edinburgh');
    await waitForText(() => heading(page), 'Edynburg');
    await followByKeyboard(page, 'Edytuj dane miasta');
    await waitForText(() => heading(page), 'Edycja: Edynburg');
    await expectNoAccessibilityViolations(page);

    await page.getByLabel('Ocena współpracy').focus();
    await page.getByLabel('Ocena współpracy').selectOption('developing');
    await page.getByLabel('Szerokość geograficzna').fill('55.96');
    await page.keyboard.press('Enter');

    await waitForText(() => heading(page), 'Edynburg');
    expect(new URL(page.url()).pathname).toBe('/cities/edinburgh');
    await page.getByText('Zapisano zmiany w rejestrze miast partnerskich.').waitFor();
    await page.locator('.city-summary').getByText('rozwijająca się').waitFor();
    const history = page.getByRole('region', { name: 'Historia zmian' });
    await history.getByText('zmiana danych miasta').waitFor();
    expect(await history.locator('li').first().innerText()).toMatch(/Ewa Redaktor/);
    await expectNoAccessibilityViolations(page);
  });

  it("is told the programme's rule it breaks, in Polish, and goes ahead with a justification", async () => {
    const page = await signedIn(editor, 'pl');
    await page.goto('/cities/frankfurt/edit');
    await waitForText(() => heading(page), 'Edycja: Frankfurt nad Menem');
    await page.getByLabel('Poziom współpracy').selectOption('twin');
    await page.getByRole('button', { name: 'Zapisz' }).press('Enter');
    harness.expectFailedRequests(409);
    const alert = page.getByRole('alert').filter({ hasText: 'narusza zasady' });
    await alert.getByText(/przeważnie tylko z jednym miastem w danym kraju/).waitFor();
    await expectNoAccessibilityViolations(page);

    await page
      .getByLabel('Uzasadnienie odstępstwa od zasad programu')
      .fill('Uchwała Rady Miasta Krakowa z 12 marca 2026 r.');
    await page.getByRole('button', { name: 'Zapisz' }).press('Enter');
    await page.getByText('Zapisano zmiany w rejestrze miast partnerskich.').waitFor();
    await page.locator('.city-summary').getByText('Miasto bliźniacze').waitFor();
    await page.getByRole('region', { name: 'Historia zmian' }).getByText('one_twin_city_per_country').waitFor();
  });

  it('adds an agreement in English with its term, and a wrong notice period is named on its field', async () => {
    await harness.api().patch('/api/v1/me').set(editor.auth).send({ locale: 'en' }).expect(200);
    const page = await signedIn(editor, 'en');
    await page.goto('/cities/innsbruck');
    await waitForText(() => heading(page), 'Innsbruck');
    await followByKeyboard(page, 'Add a document');
    await waitForText(() => heading(page), 'New document: Innsbruck');
    await expectNoAccessibilityViolations(page);

    await page.getByLabel('Kind of document').selectOption('sectoral_agreement');
    await page
      .getByLabel('Title (in the language of the document)')
      .fill('Umowa o współpracy w dziedzinie ochrony środowiska');
    await page.getByLabel('Signed on').fill('2025-09-15');
    await page.getByLabel('Term', { exact: true }).selectOption('fixed_auto_renew');
    await page.getByLabel('Term in years').fill('3');
    await page.getByLabel('Notice period in months').fill('40');
    await page.getByLabel('Notice period in months').press('Enter');

    harness.expectFailedRequests(400);
    const notice = page.getByLabel('Notice period in months');
    await waitUntil(
      () => notice.getAttribute('aria-invalid'),
      (invalid) => invalid === 'true',
      'the notice period marked invalid',
    );
    await page.getByText('a notice period of 40 months is longer than the term (36 months)').waitFor();
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('name')")).toBe(
      'noticeMonths',
    );
    await expectNoAccessibilityViolations(page);

    await notice.fill('6');
    await notice.press('Enter');
    await waitForText(() => heading(page), 'Innsbruck');
    const entry = page.locator('.timeline__item[data-kind="sectoral_agreement"]');
    await entry.getByText('15 March 2028').waitFor();

    const editLink = entry.getByRole('link', { name: /^Edit\W+Sectoral agreement$/ });
    await editLink.focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), 'Editing a document: Innsbruck');
    expect(await page.getByLabel('Signed on').inputValue()).toBe('2025-09-15');
    await page.getByLabel('Notice period in months').fill('3');
    await page.getByLabel('Notice period in months').press('Enter');
    await waitForText(() => heading(page), 'Innsbruck');
    await entry.getByText('15 June 2028').waitFor();
    await page.getByRole('region', { name: 'History of changes' }).getByText('document changed').waitFor();
  });

  it('a moderator without the role edits nothing, until an admin grants it on the staff screen', async () => {
    const page = await signedIn(moderator, 'en');
    await page.goto('/cities/leuven');
    await waitForText(() => heading(page), 'Leuven');
    expect(await page.getByRole('link', { name: 'Edit the city' }).count()).toBe(0);
    await page.goto('/cities/leuven/edit');
    await page.getByText('The partner-city registry is changed by staff with the registry editor role').waitFor();

    // The admin finds the screen from the account page.
    const adminPage = await signedIn(admin, 'en');
    await adminPage.goto('/account');
    await followByKeyboard(adminPage, 'Grant and withdraw staff roles');
    await waitForText(() => heading(adminPage), 'Staff and their roles');
    await expectNoAccessibilityViolations(adminPage);
    await adminPage.getByRole('button', { name: 'Grant the registry editor role: Marek Moderator' }).press('Enter');
    await adminPage.getByText('Marek Moderator now has the registry editor role.').waitFor();

    await page.goto('/account');
    await page.getByText('partner-city registry editor').waitFor();
    await page.goto('/cities/leuven');
    await page.getByRole('link', { name: 'Edit the city' }).waitFor();
  });
});
