/**
 * Accounts and organisations in a real browser (the system's Chromium), against the real app on a
 * fresh database: signing up with the e-mailed link, logging in and out, the account page, an
 * organisation from its creation to its verification, invitations, and accessibility (axe-core).
 * Needs the client built first: `npm run build`.
 */
import type { Page } from 'playwright-core';
import { PASSWORD, signUp, type SignedIn } from '../support/accounts';
import type { TestApp } from '../support/test-app';
import { waitUntil } from './browser';
import {
  downloadedText,
  accountNav,
  browserHarness,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
} from './harness';

// A browser test takes seconds; jest.config.js's per-project testTimeout is not applied by Jest 30.
jest.setTimeout(60_000);

const harness = browserHarness();
const { api, address, expectFailedRequests, visit } = harness;
let t: TestApp;
beforeAll(() => {
  t = harness.t;
});

/** The signed-in user's name in the header. */
const headerName = (page: Page) => page.locator('.account-nav__name').textContent();

async function waitForPath(page: Page, path: string): Promise<void> {
  await waitUntil(
    () => new URL(page.url()).pathname,
    (current) => current === path,
    `the page ${path}`,
  );
}

/** The link of the newest mail of a kind to an address, as a path on the test server (the mail has PUBLIC_URL). */
async function mailedLink(to: string, template: string): Promise<string> {
  const rows: { text: string }[] = await t.dataSource.query(
    `SELECT text FROM mail_outbox WHERE to_address = $1 AND template = $2 ORDER BY id DESC LIMIT 1`,
    [to, template],
  );
  expect(rows).toHaveLength(1);
  const link = /https?:\/\/\S+#token=[A-Za-z0-9_-]+/.exec(rows[0].text);
  if (!link) throw new Error(`no link in: ${rows[0].text}`);
  const url = new URL(link[0]);
  return url.pathname + url.hash;
}

/** A visitor who has logged in through the form. */
async function loggedIn(user: SignedIn, options: { language?: Language; bypassCSP?: boolean } = {}): Promise<Page> {
  const page = await visit('/login', options);
  await logInThroughForm(page, user.email, PASSWORD, options.language);
  await waitUntil(
    () => headerName(page),
    (name) => Boolean(name),
    'the name in the header',
  );
  return page;
}

/** The account's language, which the interface takes on at login. */
async function setAccountLanguage(user: SignedIn, language: Language): Promise<void> {
  await api().patch('/api/v1/me').set(user.auth).send({ locale: language }).expect(200);
}

const ORGANIZATION = {
  type: 'ngo',
  cityKey: 'krakow',
  areas: ['culture', 'youth'],
  languages: ['pl', 'en', 'uk'],
  website: 'https://most-kultury.example.org',
  description: 'We build **cultural bridges** between Kraków and Lviv.\n\n- concerts\n- exchanges',
  contactEmail: 'kontakt@most-kultury.example.org',
  contactPhone: '+48 12 616 12 00',
};

/** An organisation made through the API (for tests about something else). */
async function createOrganization(owner: SignedIn, name: string): Promise<string> {
  const response = await api()
    .post('/api/v1/organizations')
    .set(owner.auth)
    .send({ ...ORGANIZATION, name })
    .expect(201);
  return response.body.id as string;
}

describe('signing up and logging in', () => {
  it('signs up through the form, confirms the address with the e-mailed link, logs in, stays signed in on reload, and logs out', async () => {
    const email = address('anna');
    const page = await visit('/register');
    await waitForText(() => heading(page), 'Sign up');
    await page.getByLabel('Name', { exact: true }).fill('Anna Kowalska');
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.locator('main').getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('status').getByText('Check your e-mail.').waitFor();

    const link = await mailedLink(email, 'verify_email');
    expect(link).toMatch(/^\/verify-email#token=/);
    await page.goto(link);
    await page.getByText('Your e-mail address is confirmed. You can log in.').waitFor();
    // The token does not linger in the address bar (or the history).
    expect(new URL(page.url()).hash).toBe('');

    await page.getByRole('link', { name: 'Go to the login page' }).click();
    await waitForText(() => heading(page), 'Log in');
    await logInThroughForm(page, email);
    await waitForText(() => headerName(page), 'Anna Kowalska');
    await waitForPath(page, '/my-organizations');
    await waitForText(() => heading(page), 'My organisations');

    // A reload keeps the session (the refresh cookie); the access token was only in memory.
    await page.reload();
    await waitForText(() => headerName(page), 'Anna Kowalska');
    await waitForText(() => heading(page), 'My organisations');
    const stored = await page.evaluate(() => {
      const { localStorage, sessionStorage } = globalThis as unknown as {
        localStorage: { [key: string]: string };
        sessionStorage: { [key: string]: string };
      };
      return JSON.stringify({ ...localStorage, ...sessionStorage });
    });
    expect(stored).not.toMatch(/eyJ/); // no JWT anywhere in storage

    await accountNav(page).getByRole('button', { name: 'Log out' }).click();
    await page.getByText('You have logged out.').waitFor();
    await waitForPath(page, '/');
    await accountNav(page).getByRole('link', { name: 'Log in' }).waitFor();
    await page.reload();
    await accountNav(page).getByRole('link', { name: 'Log in' }).waitFor();
    expect(await page.locator('.account-nav__name').count()).toBe(0);
  });

  it('says in Polish that the password is wrong, then that there were too many attempts and for how long', async () => {
    const user = await signUp(t, address('basia'), { displayName: 'Basia' });
    const page = await visit('/login', { language: 'pl' });
    await waitForText(() => heading(page), 'Logowanie');
    expectFailedRequests(401);
    expectFailedRequests(429);

    await logInThroughForm(page, user.email, 'not my password at all', 'pl');
    const alert = page.getByRole('alert');
    await waitForText(() => alert.textContent(), 'Nieprawidłowy adres e-mail lub hasło.');
    // The alert takes focus: a screen reader reads it, a keyboard user continues from it.
    await waitUntil(
      () =>
        page.evaluate(
          () =>
            (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement
              .className,
        ),
      (name) => name === 'form-error',
      'focus on the error',
    );

    // Five failures for one account, then the server refuses for 15 minutes.
    for (let attempt = 2; attempt <= 5; attempt++) {
      await page.locator('main').getByRole('button', { name: 'Zaloguj się' }).click();
      await waitUntil(
        () => alert.textContent(),
        (text) => text === 'Nieprawidłowy adres e-mail lub hasło.',
        'the same error again',
      );
    }
    await page.locator('main').getByRole('button', { name: 'Zaloguj się' }).click();
    await waitForText(() => alert.textContent(), 'Zbyt wiele prób. Spróbuj ponownie za 15 minut.');
  });

  it('shows why a password is refused at sign-up, next to the field, and moves focus to it', async () => {
    const page = await visit('/register', { language: 'en' });
    expectFailedRequests(400);
    await page.getByLabel('Name', { exact: true }).fill('Cezary');
    await page.getByLabel('E-mail address').fill(address('cezary'));
    const password = page.getByLabel('Password', { exact: true });
    await password.fill('123456789012');
    await page.locator('main').getByRole('button', { name: 'Sign up' }).click();

    await waitUntil(
      () => password.getAttribute('aria-invalid'),
      (value) => value === 'true',
      'the password marked invalid',
    );
    const describedBy = (await password.getAttribute('aria-describedby'))!.split(' ');
    const message = await page.locator(`#${describedBy[0]}`).innerText();
    expect(message).toContain('This password is too common or too easy to guess.');
    expect(await page.getByRole('alert').innerText()).toContain('Correct the marked fields');
    await waitUntil(
      () =>
        page.evaluate(
          () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id,
        ),
      (id) => id === 'register-password',
      'focus on the password',
    );

    // The same in Polish, translated.
    await page.getByRole('button', { name: 'Polski' }).click();
    await waitUntil(
      () => page.locator(`#${describedBy[0]}`).innerText(),
      (text) => text.includes('To hasło jest zbyt popularne'),
      'the Polish message',
    );
  });
});

describe('the session', () => {
  it('renews the 15-minute access token with the refresh cookie before it expires, unnoticed by the reader', async () => {
    const user = await signUp(t, address('tomek'), { displayName: 'Tomek' });
    const page = await loggedIn(user);
    const renewals: string[] = [];
    page.on('request', (sent) => {
      if (new URL(sent.url()).pathname === '/api/v1/auth/refresh') renewals.push(sent.method());
    });
    // Sixteen minutes later, by the page's clock: the next request renews the token first.
    await page.clock.setFixedTime(Date.now() + 16 * 60_000);
    await accountNav(page).getByRole('link', { name: 'My account' }).click();
    await page.locator('li.session').first().waitFor();
    expect(renewals).toEqual(['POST']);
    expect(await headerName(page)).toBe('Tomek');
  });

  it('says so when the session was signed out elsewhere, and asks to log in again', async () => {
    const user = await signUp(t, address('zosia'), { displayName: 'Zosia' });
    const page = await loggedIn(user);
    // From another device (the API session of signUp), the browser's session is signed out.
    const sessions = await api().get('/api/v1/me/sessions').set(user.auth).expect(200);
    const browserSession = (sessions.body.items as { id: string; current: boolean }[]).find(
      (session) => !session.current,
    )!;
    await api().delete(`/api/v1/me/sessions/${browserSession.id}`).set(user.auth).expect(204);

    expectFailedRequests(401);
    // The server closes the session's sockets at once, so the page may notice before any click.
    const myAccount = accountNav(page).getByRole('link', { name: 'My account' });
    if (await myAccount.isVisible()) await myAccount.click().catch(() => undefined);
    await page.getByText('Your session has ended, or was signed out on another device. Log in again.').waitFor();
    await page.locator('main').getByRole('link', { name: 'Log in' }).waitFor();
    expect(await page.locator('.account-nav__name').count()).toBe(0);
  });

  it('can be used with the keyboard alone: to the login and back to the page it came from', async () => {
    const user = await signUp(t, address('kasia'), { displayName: 'Kasia Klawiatura' });
    const page = await visit('/organizations');
    await waitForText(() => heading(page), 'Organisations');
    const focused = page.locator(':focus');
    let name: string | null = null;
    for (let presses = 0; presses < 20 && name !== 'Log in'; presses++) {
      await page.keyboard.press('Tab');
      name = await focused.textContent();
    }
    expect(name).toBe('Log in');
    await page.keyboard.press('Enter');

    await waitForText(() => heading(page), 'Log in');
    // Focus is on the new page's heading; the form comes next.
    expect(await page.locator('h1:focus').count()).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused.getAttribute('id')).toBe('login-email');
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    expect(await focused.getAttribute('id')).toBe('login-password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Enter');

    await waitForText(() => headerName(page), 'Kasia Klawiatura');
    await waitForPath(page, '/organizations');
    await waitForText(() => heading(page), 'Organisations');
  });
});

describe('organisations', () => {
  it('creates an organisation that awaits verification; a moderator verifies it in the queue; then it is verified and public', async () => {
    const owner = await signUp(t, address('olga'), { displayName: 'Olga Nowak' });
    const name = `Fundacja Most Kultury ${harness.serial}`;
    const page = await loggedIn(owner);
    await page.getByRole('link', { name: 'Add an organisation' }).click();
    await waitForText(() => heading(page), 'Add an organisation');

    await page.getByLabel('Name of the organisation').fill(name);
    await page.getByLabel('Kind of organisation').selectOption('ngo');
    await page.getByLabel('City', { exact: true }).selectOption('krakow');
    await page.getByRole('checkbox', { name: 'Culture', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Youth', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Polish', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Ukrainian', exact: true }).check();
    await page.getByLabel('Website').fill('https://most-kultury.example.org');
    await page.getByLabel(/^Description/).fill('We build **cultural bridges** between Kraków and Lviv.');
    await page.getByLabel('Contact e-mail').fill('kontakt@most-kultury.example.org');
    await page.getByRole('button', { name: 'Add and submit for verification' }).click();

    await waitForText(() => heading(page), name);
    await page.getByText('The organisation has been added and is awaiting verification by the City.').waitFor();
    expect(await page.locator('.organization__status').innerText()).toBe('Awaiting verification by the City');
    expect(await page.locator('.prose strong').textContent()).toBe('cultural bridges');
    expect(await page.getByRole('heading', { name: 'Your role: owner' }).count()).toBe(1);
    const organizationPath = new URL(page.url()).pathname;

    // A moderator, in another browser, finds it in the verification queue and verifies it.
    const moderator = await signUp(t, address('marek'), { role: 'moderator', displayName: 'Marek Moderator' });
    const staff = await loggedIn(moderator);
    await accountNav(staff).getByRole('link', { name: 'Verification queue' }).click();
    await waitForText(() => heading(staff), 'Verification queue');
    const item = staff.locator('.queue-item').filter({ has: staff.getByRole('heading', { name }) });
    expect(await item.innerText()).toContain('Non-governmental organisation');
    await item.getByRole('button', { name: `Verify ${name}` }).click();
    await staff.getByRole('status').getByText(`“${name}” has been verified.`).waitFor();
    expect(await staff.locator('.queue-item').filter({ hasText: name }).count()).toBe(0);

    // The owner's page now says it is verified.
    await page.reload();
    await waitForText(() => heading(page), name);
    await waitForText(() => page.locator('.organization__status').innerText(), '✓ Verified by the City of Kraków');

    // It is public: listed for an anonymous visitor, without members or contact details.
    const visitor = await visit('/organizations');
    await visitor.getByRole('link', { name }).click();
    await waitForText(() => heading(visitor), name);
    await waitForText(() => visitor.locator('.organization__status').innerText(), '✓ Verified by the City of Kraków');
    expect(await visitor.getByRole('heading', { name: 'Members' }).count()).toBe(0);
    expect(await visitor.locator('main').innerText()).not.toContain('kontakt@most-kultury.example.org');
    expect(await visitor.locator('main').innerText()).toContain(
      "to see the organisation's contact details and members.",
    );
    expect(new URL(visitor.url()).pathname).toBe(organizationPath);
  });

  it('invites someone by e-mail, who logs in from the invitation link, comes back to it, and accepts it', async () => {
    const owner = await signUp(t, address('ola'), { displayName: 'Ola Owner' });
    const invitee = await signUp(t, address('ivan'), { displayName: 'Ivan Invitee' });
    const name = `Szkoła Partnerska ${harness.serial}`;
    const id = await createOrganization(owner, name);

    const page = await loggedIn(owner);
    await page.goto(`/organizations/${id}`);
    await page.getByRole('link', { name: 'Members and invitations' }).click();
    await waitForText(() => heading(page), `Members: ${name}`);
    await page.getByLabel('E-mail address').fill(invitee.email);
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Send the invitation' }).click();
    await page.getByRole('status').getByText(`We have sent an invitation to ${invitee.email}.`).waitFor();
    expect(await page.locator('.invitation-list').innerText()).toContain(invitee.email);

    // The invitee opens the link signed out: logging in leads back to the invitation.
    const link = await mailedLink(invitee.email, 'organization_invitation');
    expect(link).toMatch(/^\/invitations\/accept#token=/);
    const guest = await visit(link);
    await waitForText(() => heading(guest), 'Invitation to an organisation');
    await guest.locator('main').getByRole('link', { name: 'Log in' }).click();
    await waitForText(() => heading(guest), 'Log in');
    await logInThroughForm(guest, invitee.email);
    await waitForPath(guest, '/invitations/accept');
    await guest.getByRole('button', { name: 'Accept the invitation' }).click();
    await guest.getByText('You have accepted the invitation. Your role in the organisation: editor.').waitFor();
    expect(new URL(guest.url()).hash).toBe('');
    await guest.getByRole('link', { name: "Go to the organisation's page" }).click();
    await waitForText(() => heading(guest), name);
    await guest.getByRole('heading', { name: 'Your role: editor' }).waitFor();
    expect(await guest.locator('.member-list').innerText()).toContain('Ola Owner');

    // The owner sees the new member, and the invitation is no longer open.
    await page.reload();
    await waitUntil(
      () => page.locator('table').innerText(),
      (text) => text.includes('Ivan Invitee'),
      'the new member in the table',
    );
    await page.getByText('There are no open invitations.').waitFor();
  });
});

describe('the account page', () => {
  it('lists the sessions, signs one out, downloads my data, and deletes the account after a warning', async () => {
    const user = await signUp(t, address('dora'), { displayName: 'Dora Data' });
    // signUp logged in through the API too: a second session, from another "device".
    const page = await loggedIn(user);
    await accountNav(page).getByRole('link', { name: 'My account' }).click();
    await waitForText(() => heading(page), 'My account');

    const sessions = page.locator('li.session');
    await waitUntil(
      () => sessions.count(),
      (n) => n === 2,
      'two sessions',
    );
    const current = page.locator('li.session[data-current]');
    expect(await current.count()).toBe(1);
    expect(await current.locator('.session__device').innerText()).toMatch(/^Chrome on Linux\s+this device$/);
    const other = page.locator('li.session:not([data-current])');
    expect(await other.locator('.session__device').innerText()).toBe('Unknown device'); // supertest sends no User-Agent
    await other.getByRole('button', { name: /^Sign out Unknown device, / }).click();
    await page.getByRole('status').getByText('The device has been signed out.').waitFor();
    await waitUntil(
      () => sessions.count(),
      (n) => n === 1,
      'one session left',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my data' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('cooperation-forum-my-data.json');
    const data = JSON.parse(await downloadedText(download));
    expect(data.account.email).toBe(user.email);
    await page.getByText('Your data has been downloaded as cooperation-forum-my-data.json.').waitFor();

    // The warning is there before anything is confirmed.
    const warning = await page.locator('#delete-warning').innerText();
    expect(warning).toContain('Deleting your account cannot be undone.');
    expect(warning).toContain('stays on the platform, signed “deleted user”');
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    const password = page.getByLabel('Password (to confirm)');
    await waitUntil(
      () =>
        password.evaluate(
          (input) =>
            input === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
      Boolean,
      'focus on the password',
    );
    await password.fill(PASSWORD);
    await page.getByRole('button', { name: 'Delete my account for good' }).click();

    await page.getByText('Your account has been deleted.').waitFor();
    await waitForPath(page, '/');
    await accountNav(page).getByRole('link', { name: 'Log in' }).waitFor();

    // The account is gone: logging in again fails.
    expectFailedRequests(401);
    await accountNav(page).getByRole('link', { name: 'Log in' }).click();
    await logInThroughForm(page, user.email);
    await waitForText(() => page.getByRole('alert').textContent(), 'The e-mail address or the password is not right.');
  });
});

describe('accessibility of the account and organisation pages (axe-core, WCAG 2.1 AA)', () => {
  let owner: SignedIn;
  let moderator: SignedIn;
  let verified: string;
  const verifiedName = 'Stowarzyszenie Zweryfikowane';

  beforeAll(async () => {
    owner = await signUp(t, address('ewa'), { displayName: 'Ewa Właścicielka' });
    moderator = await signUp(t, address('mod'), { role: 'moderator', displayName: 'Moderator' });
    const member = await signUp(t, address('jan'), { displayName: 'Jan Członek' });
    verified = await createOrganization(owner, verifiedName);
    await api().post(`/api/v1/organizations/${verified}/verify`).set(moderator.auth).expect(200);
    await api()
      .post(`/api/v1/organizations/${verified}/invitations`)
      .set(owner.auth)
      .send({ email: member.email, role: 'member' })
      .expect(201);
    await createOrganization(owner, 'Fundacja Oczekująca');
  });

  for (const language of ['en', 'pl'] as const) {
    const text = (en: string, pl: string) => (language === 'pl' ? pl : en);

    /** Each page once loaded: its heading shown and nothing left loading. */
    async function checkPages(page: Page, pages: [path: string, title: string][]): Promise<void> {
      for (const [path, title] of pages) {
        await page.goto(path);
        await waitForText(() => heading(page), title);
        // Every part of the page (the organisation, and its members' suggestions) has loaded.
        await page.waitForFunction('document.querySelectorAll(".loading").length === 0');
        await expectNoAccessibilityViolations(page);
      }
    }

    it(`finds no violations on the pages for signed-out visitors, errors included (${language})`, async () => {
      const visitor = await visit('/login', { language, bypassCSP: true });
      await waitForText(() => heading(visitor), text('Log in', 'Logowanie'));
      await expectNoAccessibilityViolations(visitor);
      expectFailedRequests(401);
      await logInThroughForm(visitor, owner.email, 'a wrong password here', language);
      await visitor.getByRole('alert').waitFor();
      await expectNoAccessibilityViolations(visitor);

      await checkPages(visitor, [
        ['/password-reset', text('Forgotten your password?', 'Nie pamiętasz hasła?')],
        ['/verify-email', text('Confirming your e-mail address', 'Potwierdzenie adresu e-mail')],
        [
          '/invitations/accept#token=abcdefghijklmnopqrstuvwxyz',
          text('Invitation to an organisation', 'Zaproszenie do organizacji'),
        ],
        ['/organizations', text('Organisations', 'Organizacje')],
        [`/organizations/${verified}`, verifiedName],
        ['/account', text('My account', 'Moje konto')],
        ['/register', text('Sign up', 'Załóż konto')],
      ]);
      // Sign-up refused, with errors by the fields.
      expectFailedRequests(400);
      await visitor
        .locator('main')
        .getByRole('button', { name: text('Sign up', 'Załóż konto') })
        .click();
      await visitor.locator('.field-error').first().waitFor();
      await expectNoAccessibilityViolations(visitor);
    });

    it(`finds no violations on the pages of a signed-in owner, errors included (${language})`, async () => {
      await setAccountLanguage(owner, language);
      const page = await loggedIn(owner, { language, bypassCSP: true });
      await checkPages(page, [
        ['/account', text('My account', 'Moje konto')],
        ['/my-organizations', text('My organisations', 'Moje organizacje')],
        [`/organizations/${verified}`, verifiedName],
        [`/organizations/${verified}/edit`, text(`Editing: ${verifiedName}`, `Edycja: ${verifiedName}`)],
        [`/organizations/${verified}/members`, text(`Members: ${verifiedName}`, `Członkowie: ${verifiedName}`)],
        ['/organizations/new', text('Add an organisation', 'Dodaj organizację')],
      ]);
      // The creation form refused, with errors by the fields.
      expectFailedRequests(400);
      await page
        .locator('main')
        .getByRole('button', { name: text('Add and submit for verification', 'Dodaj i wyślij do weryfikacji') })
        .click();
      await page.locator('.field-error').first().waitFor();
      await expectNoAccessibilityViolations(page);
      // The account page asking to confirm the deletion.
      await page.goto('/account');
      await page.getByRole('button', { name: text('Delete my account…', 'Usuń konto…') }).click();
      await page.locator('#delete-form').waitFor();
      await expectNoAccessibilityViolations(page);
    });

    it(`finds no violations on the verification queue, with a rejection being written (${language})`, async () => {
      await setAccountLanguage(moderator, language);
      const staff = await loggedIn(moderator, { language, bypassCSP: true });
      await staff.goto('/moderation/organizations');
      await waitForText(() => heading(staff), text('Verification queue', 'Weryfikacja organizacji'));
      await staff.locator('.queue-item').first().waitFor();
      await expectNoAccessibilityViolations(staff);
      await staff
        .locator('.queue-item')
        .first()
        .getByRole('button', { name: text('Reject…', 'Odrzuć…') })
        .click();
      await staff.locator('.reject-form textarea').waitFor();
      await expectNoAccessibilityViolations(staff);
    });
  }
});
