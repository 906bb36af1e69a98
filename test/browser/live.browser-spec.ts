/**
 * Real time, matching and partnerships in a real browser (the system's Chromium) against the real
 * app on a fresh database: two people of two verified organisations in one initiative's
 * discussion (live messages, typing, presence, and catching up exactly what was missed while
 * offline), the notification bell, an expression of interest that becomes a partnership with its
 * private channel, and accessibility (axe-core) of each of these in Polish and English.
 * Needs the client built first (`npm run build`, or CLIENT_DIR pointing at another build).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { clearMessageLimits, PASSWORD, signUp, verifiedOrganization, type SignedIn } from '../support/accounts';
import type { TestApp } from '../support/test-app';
import { checkAccessibility, waitUntil } from './browser';
import { browserHarness, heading, logInThroughForm, type Language } from './harness';

// Several browsers, sockets and a reconnection per test: more than the default minute on a busy machine.
jest.setTimeout(180_000);

const harness = browserHarness();
const { api, address, expectFailedRequests } = harness;
let t: TestApp;

let moderator: SignedIn;
let anna: SignedIn;
let bernd: SignedIn;
let annaSchool: { id: string; name: string };
let berndSchool: { id: string; name: string };

const INITIATIVE_TITLE = 'Wymiana uczniów Kraków–Norymberga';

beforeAll(async () => {
  t = harness.t;
  moderator = await signUp(t, address('moderator'), { displayName: 'Marek Moderator', role: 'moderator' });
  anna = await signUp(t, address('anna'), { displayName: 'Anna Kowalska' });
  bernd = await signUp(t, address('bernd'), { displayName: 'Bernd Vogel' });
  annaSchool = await verifiedOrganization(t, anna, moderator, {
    name: 'Szkoła Podstawowa nr 7',
    type: 'school',
    cityKey: 'krakow',
    areas: ['education', 'youth'],
    languages: ['pl', 'en'],
  });
  berndSchool = await verifiedOrganization(t, bernd, moderator, {
    name: 'Peter-Vischer-Schule',
    type: 'school',
    cityKey: 'nuremberg',
    areas: ['education'],
    languages: ['de', 'en'],
  });
});

// The same few people post throughout the file: each test starts with a fresh message limit.
beforeEach(() => clearMessageLimits(t));

/** A published initiative of Anna's school, seeking schools in Nuremberg; with its discussion channel. */
async function publishedInitiative(
  title = INITIATIVE_TITLE,
): Promise<{ id: string; channelId: number; title: string }> {
  const created = await api()
    .post('/api/v1/initiatives')
    .set(anna.auth)
    .send({
      organizationId: annaSchool.id,
      title,
      summary: 'Uczniowie z Krakowa i Norymbergi poznają swoje szkoły i miasta.',
      kind: 'partner_search',
      areas: ['education', 'youth'],
      languages: ['pl', 'de', 'en'],
      targetCities: ['nuremberg'],
      soughtOrgTypes: ['school'],
    })
    .expect(201);
  await api().post(`/api/v1/initiatives/${created.body.id}/submit`).set(anna.auth).expect(200);
  const published = await api()
    .post(`/api/v1/initiatives/${created.body.id}/publish`)
    .set(moderator.auth)
    .send({})
    .expect(200);
  expect(published.body.channelId).toEqual(expect.any(Number));
  return { id: published.body.id, channelId: published.body.channelId, title };
}

/** Every page may be checked with axe-core, which the app's CSP rightly refuses: bypassCSP. */
const newPage = (options: { language?: Language } = {}): Promise<{ page: Page; context: BrowserContext }> =>
  harness.newPage({ ...options, bypassCSP: true });

/** A browser of its own for the user, logged in through the form, in the account's language. */
async function loggedIn(user: SignedIn, language: Language = 'en'): Promise<{ page: Page; context: BrowserContext }> {
  await api().patch('/api/v1/me').set(user.auth).send({ locale: language }).expect(200);
  const visitor = await newPage({ language });
  const { page } = visitor;
  await page.goto('/login');
  await logInThroughForm(page, user.email, PASSWORD, language);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (count) => count === 1,
    'the name in the header',
  );
  return visitor;
}

/** The page's globals, typed here (the tests' tsconfig has no DOM types). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PageGlobals = any;
const pageLanguage = (page: Page) =>
  page.evaluate(() => (globalThis as PageGlobals).document.documentElement.lang as string);

const connection = (page: Page) => page.locator('.discussion .connection').first().getAttribute('data-state');
/** The message texts shown, in order (sent and stored ones; "sending…" ones are marked). */
const messageTexts = (page: Page, section = '#discussion') =>
  page.locator(`${section} .message:not(.message--pending) .message__body`).allTextContents();
const bell = (page: Page) => page.locator('.bell__button');

async function waitForConnected(page: Page): Promise<void> {
  await waitUntil(
    () => connection(page),
    (state) => state === 'connected',
    'the live connection',
    20_000,
  );
}

async function post(page: Page, text: string, section = '#discussion'): Promise<void> {
  const label = (await pageLanguage(page)) === 'pl' ? 'Twoja wiadomość' : 'Your message';
  await page.locator(section).getByLabel(label).fill(text);
  await page
    .locator(section)
    .getByRole('button', { name: label === 'Twoja wiadomość' ? 'Wyślij' : 'Send', exact: true })
    .click();
  // Stored: it is in the list as a message with its id, no longer "sending".
  await waitUntil(
    () => messageTexts(page, section),
    (texts) => texts.includes(text),
    `"${text}" stored`,
  );
}

async function switchLanguage(page: Page, language: Language): Promise<void> {
  await page
    .locator('.language-switch')
    .getByRole('button', { name: language === 'pl' ? 'Polski' : 'English' })
    .click();
  await waitUntil(
    () => pageLanguage(page),
    (lang) => lang === language,
    `the page in ${language}`,
  );
}

async function expectNoAccessibilityViolations(page: Page, what: string): Promise<void> {
  const violations = await checkAccessibility(page);
  const language = await pageLanguage(page);
  expect({ what, language, violations }).toEqual({ what, language, violations: [] });
}

/** Axe in English, then in Polish (and back), with `prepare` run after each switch (the page re-renders). */
async function expectAccessibleInBothLanguages(
  page: Page,
  what: string,
  prepare: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const start = (await pageLanguage(page)) as Language;
  for (const language of [start, start === 'en' ? 'pl' : 'en'] as Language[]) {
    if (language !== start) await switchLanguage(page, language);
    await prepare();
    await expectNoAccessibilityViolations(page, what);
  }
  await switchLanguage(page, start);
}

describe('a discussion in real time', () => {
  it('shows messages live, typing and presence, and after a time offline exactly the missed messages, in order and once', async () => {
    const initiative = await publishedInitiative();
    const { page: a } = await loggedIn(anna);
    const { page: b, context: bContext } = await loggedIn(bernd);
    for (const page of [a, b]) {
      await page.goto(`/initiatives/${initiative.id}/discussion`);
      await waitForConnected(page);
    }
    await waitUntil(
      () => b.locator('.discussion__presence').textContent(),
      (text) => text === 'Here now: 2 people',
      'both present',
    );

    // Typing shows on the other side.
    await a.locator('#discussion').getByLabel('Your message').fill('Dzień dobry');
    await waitUntil(
      () => b.locator('.discussion__typing').textContent(),
      (text) => text === 'Anna Kowalska is typing…',
      'the typing indicator',
    );
    await a.locator('#discussion').getByLabel('Your message').fill('');

    await post(a, 'Dzień dobry z Krakowa!');
    await waitUntil(
      () => messageTexts(b),
      (texts) => texts.join('|') === 'Dzień dobry z Krakowa!',
      'the message live at B',
    );
    // Announced politely to screen-reader users.
    expect(await b.locator('#discussion [aria-live="polite"]').textContent()).toBe(
      'New message from Anna Kowalska: Dzień dobry z Krakowa!',
    );

    // B loses the network; A writes twice meanwhile.
    harness.expectErrors(/ERR_INTERNET_DISCONNECTED|net::ERR_|status of 0|Failed to load resource/);
    await bContext.setOffline(true);
    await waitUntil(
      () => connection(b),
      (state) => state === 'offline' || state === 'reconnecting',
      'the offline indicator',
    );
    expect(await b.locator('.discussion .connection').textContent()).toMatch(/offline|Reconnecting/);
    await post(a, 'Druga wiadomość');
    await post(a, 'Trzecia wiadomość');

    // Back online: the indicator says it is reconnecting, then the missed messages come, in order and once.
    await b.evaluate(() => {
      const page = globalThis as PageGlobals;
      const seen: string[] = [];
      page.connectionStates = seen;
      const indicator = page.document.querySelector('.discussion .connection');
      new page.MutationObserver(() => seen.push(indicator.getAttribute('data-state') ?? '')).observe(indicator, {
        attributes: true,
        attributeFilter: ['data-state'],
      });
    });
    await bContext.setOffline(false);
    await waitForConnected(b);
    await waitUntil(
      () => messageTexts(b),
      (texts) => texts.length === 3,
      'the missed messages at B',
    );
    expect(await messageTexts(b)).toEqual(['Dzień dobry z Krakowa!', 'Druga wiadomość', 'Trzecia wiadomość']);
    const states: string[] = await b.evaluate(() => (globalThis as PageGlobals).connectionStates);
    expect(states[0]).toBe('reconnecting');
    expect(states[states.length - 1]).toBe('connected');
    // Each message once, with a distinct id, in id order.
    const ids = await b
      .locator('#discussion .message')
      .evaluateAll((items) => items.map((item) => Number(item.id.replace(/\D+/g, ''))));
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    expect(ids).toHaveLength(3);

    // A fourth message after the reconnection arrives live, once.
    await post(a, 'Czwarta, już na żywo');
    await waitUntil(
      () => messageTexts(b),
      (texts) => texts.length === 4,
      'the live message after reconnecting',
    );
    expect(await messageTexts(b)).toEqual([
      'Dzień dobry z Krakowa!',
      'Druga wiadomość',
      'Trzecia wiadomość',
      'Czwarta, już na żywo',
    ]);

    // B answers, edits the answer; A sees the edit; B deletes it; A sees it deleted.
    await post(b, 'Hallo aus Nürnberg');
    await waitUntil(
      () => messageTexts(a),
      (texts) => texts.includes('Hallo aus Nürnberg'),
      'B’s message at A',
    );
    const own = b.locator('#discussion .message--own').last();
    await own.getByRole('button', { name: /^Edit/ }).click();
    await b.getByLabel('Edit your message').fill('Hallo aus Nürnberg! Wir freuen uns.');
    await b.locator('#discussion').getByRole('button', { name: 'Save' }).click();
    await waitUntil(
      () => messageTexts(a),
      (texts) => texts.includes('Hallo aus Nürnberg! Wir freuen uns.'),
      'the edit at A',
    );

    await expectAccessibleInBothLanguages(b, 'the initiative discussion');

    await own.getByRole('button', { name: /^Delete/ }).click();
    await own.getByRole('button', { name: 'Yes, delete' }).click();
    await waitUntil(
      () => a.locator('#discussion .message__gone').allTextContents(),
      (texts) => texts.includes('Message deleted by its author.'),
      'the deletion at A',
    );
  });

  it('sends a message again with the same clientId when its acknowledgement is lost, and it is stored and shown once', async () => {
    const initiative = await publishedInitiative('Dzień otwarty szkoły');
    const { page: a } = await loggedIn(anna);
    const { page: b } = await loggedIn(bernd);
    // Between A's page and the server: the first acknowledgement of message:send never arrives.
    const sends: string[] = [];
    let dropped = 0;
    let upgraded = false;
    await a.routeWebSocket(/\/socket\.io\//, (socket) => {
      const server = socket.connectToServer();
      socket.onMessage((message) => {
        // Engine.IO's "upgrade" packet: from now on everything goes over this WebSocket.
        if (message === '5') upgraded = true;
        if (typeof message === 'string' && /^42\d+\["message:send"/.test(message)) sends.push(message);
        server.send(message);
      });
      server.onMessage((message) => {
        if (dropped === 0 && typeof message === 'string' && /^43\d+\[\{"ok":true,"message"/.test(message)) {
          dropped += 1;
          return;
        }
        socket.send(message);
      });
    });
    for (const page of [a, b]) {
      await page.goto(`/initiatives/${initiative.id}/discussion`);
      await waitForConnected(page);
    }
    await waitUntil(
      () => upgraded,
      (done) => done,
      'the WebSocket in use',
    );
    await a.locator('#discussion').getByLabel('Your message').fill('Zapraszamy w sobotę!');
    await a.locator('#discussion').getByRole('button', { name: 'Send', exact: true }).click();
    // Stored at once, so B sees it while A still waits for the acknowledgement ("Sending…").
    await waitUntil(
      () => messageTexts(b),
      (texts) => texts.join('|') === 'Zapraszamy w sobotę!',
      'the message at B',
    );
    // A shows it once (its own broadcast settles it, matched by clientId) ...
    await waitUntil(
      () => messageTexts(a),
      (texts) => texts.join('|') === 'Zapraszamy w sobotę!',
      'the message at A',
    );
    // ... and after the acknowledgement's time-out sends it again, with the same clientId: the server stores nothing new.
    await waitUntil(
      () => sends.length,
      (count) => count === 2,
      'the message sent again',
      30_000,
    );
    expect(dropped).toBe(1);
    const clientIds = sends.map((send) => /"clientId":"([^"]+)"/.exec(send)?.[1]);
    expect(clientIds[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(clientIds[1]).toBe(clientIds[0]);
    const stored = await api().get(`/api/v1/channels/${initiative.channelId}/messages`).set(anna.auth).expect(200);
    expect(stored.body.items.map((message: { body: string }) => message.body)).toEqual(['Zapraszamy w sobotę!']);
    // The second acknowledgement (the stored message) changes nothing on either side.
    await waitUntil(
      () => a.locator('#discussion .message--pending').count(),
      (count) => count === 0,
      'nothing pending at A',
    );
    expect(await messageTexts(a)).toEqual(['Zapraszamy w sobotę!']);
    expect(await messageTexts(b)).toEqual(['Zapraszamy w sobotę!']);
  });

  it('lets visitors read the history only, and tells signed-in people without a verified organisation why they cannot write', async () => {
    const initiative = await publishedInitiative('Warsztaty dla nauczycieli');
    await api()
      .post(`/api/v1/channels/${initiative.channelId}/messages`)
      .set(anna.auth)
      .send({ body: 'Zapraszamy do rozmowy.', clientId: 'a7d8e0f2-4b1c-4c55-9f0e-3c1b2a4d5e6f' })
      .expect(201);

    // More than a page of history: the newest 50 first, the older ones on request.
    for (let n = 1; n <= 52; n++) {
      // Faster than the message limit lets a person post: the history is seeded, not typed.
      await clearMessageLimits(t);
      await api()
        .post(`/api/v1/channels/${initiative.channelId}/messages`)
        .set(anna.auth)
        .send({ body: `Wiadomość ${n}`, clientId: `a7d8e0f2-4b1c-4c55-9f0e-${String(n).padStart(12, '0')}` })
        .expect(201);
    }

    const { page: visitor } = await newPage();
    await visitor.goto(`/initiatives/${initiative.id}/discussion`);
    await waitUntil(
      () => messageTexts(visitor),
      (texts) => texts.length === 50,
      'the newest page for a visitor',
    );
    expect((await messageTexts(visitor)).slice(-1)).toEqual(['Wiadomość 52']);
    await visitor.getByRole('button', { name: 'Older messages' }).click();
    await waitUntil(
      () => messageTexts(visitor),
      (texts) => texts.length === 53,
      'the older messages',
    );
    expect((await messageTexts(visitor)).slice(0, 2)).toEqual(['Zapraszamy do rozmowy.', 'Wiadomość 1']);
    // Focus goes to the oldest message loaded; the button has gone, there is nothing older.
    await waitUntil(
      () => visitor.evaluate(() => (globalThis as PageGlobals).document.activeElement?.textContent as string),
      (text) => !!text?.includes('Zapraszamy do rozmowy.'),
      'focus on the message',
    );
    expect(await visitor.getByRole('button', { name: 'Older messages' }).count()).toBe(0);
    await visitor.getByRole('link', { name: 'Log in to join the discussion.' }).waitFor();
    expect(await visitor.locator('#discussion textarea').count()).toBe(0);
    await expectAccessibleInBothLanguages(visitor, 'the discussion for a visitor');

    const newcomer = await signUp(t, address('celina'), { displayName: 'Celina' });
    const { page } = await loggedIn(newcomer);
    await page.goto(`/initiatives/${initiative.id}/discussion`);
    await page
      .getByText(/You can read this discussion\. Members of organisations verified by the City can write in it/)
      .waitFor();
    await waitForConnected(page);
    expect(await page.locator('#discussion textarea').count()).toBe(0);
  });
});

describe('moderating a discussion', () => {
  it('lets a moderator hide a message with a reason, in Polish, and every reader sees it go at once', async () => {
    const initiative = await publishedInitiative('Spotkanie rad młodzieżowych');
    const { page: annaPage } = await loggedIn(anna);
    await annaPage.goto(`/initiatives/${initiative.id}/discussion`);
    await waitForConnected(annaPage);
    await post(annaPage, 'Kupię tanio tonery, proszę o kontakt prywatny.');
    await post(annaPage, 'Zapraszamy szkoły z Norymbergi.');
    // Authors have no such button: hiding is the City's.
    expect(await annaPage.getByRole('button', { name: /^Hide/ }).count()).toBe(0);

    const { page } = await loggedIn(moderator, 'pl');
    await page.goto(`/initiatives/${initiative.id}/discussion`);
    await waitForConnected(page);
    // By its id: once hidden, its text is no longer there to find it by.
    const spamId = await page.locator('#discussion .message', { hasText: 'Kupię tanio tonery' }).getAttribute('id');
    const spam = page.locator(`[id="${spamId}"]`);
    await spam.getByRole('button', { name: /^Ukryj/ }).click();
    const reason = page.getByLabel(/Dlaczego ta wiadomość jest ukrywana/);
    // The form takes the focus, so that a keyboard user can type at once.
    await waitUntil(
      () => reason.evaluate((element) => element === (globalThis as PageGlobals).document.activeElement),
      (focused) => focused,
      'focus in the reason',
    );
    await expectAccessibleInBothLanguages(page, 'the form to hide a message');

    // Too short: a clear message at the field, and nothing is hidden.
    expectFailedRequests(400);
    await reason.fill('x');
    await page.getByRole('button', { name: 'Ukryj wiadomość' }).click();
    await page.getByText('Podaj powód o długości od 3 do 2000 znaków.').waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await messageTexts(annaPage)).toEqual([
      'Kupię tanio tonery, proszę o kontakt prywatny.',
      'Zapraszamy szkoły z Norymbergi.',
    ]);

    await reason.fill('Ogłoszenie handlowe, niezwiązane z inicjatywą.');
    await page.getByRole('button', { name: 'Ukryj wiadomość' }).click();
    await spam
      .getByText('Wiadomość ukryta przez moderatora. Powód: Ogłoszenie handlowe, niezwiązane z inicjatywą.')
      .waitFor();
    // Focus goes to the message that was hidden, not back to the top of the page.
    await waitUntil(
      () => page.evaluate(() => (globalThis as PageGlobals).document.activeElement?.textContent as string),
      (text) => !!text?.includes('Wiadomość ukryta przez moderatora.'),
      'focus on the hidden message',
    );
    // Anna's page, in English, loses the text live, without a reload; the reason is marked as
    // Polish, the language the moderator wrote it in.
    const reasonShown = annaPage
      .locator('#discussion .message', { hasText: 'Message hidden by a moderator.' })
      .getByText('Ogłoszenie handlowe, niezwiązane z inicjatywą.');
    await reasonShown.waitFor();
    expect(await reasonShown.getAttribute('lang')).toBe('pl');
    expect(await messageTexts(annaPage)).toEqual(['Zapraszamy szkoły z Norymbergi.']);
    // A hidden message cannot be hidden again, and the other keeps its button.
    expect(await spam.getByRole('button', { name: /^Ukryj/ }).count()).toBe(0);
    expect(
      await page
        .locator('#discussion .message', { hasText: 'Zapraszamy szkoły' })
        .getByRole('button', { name: /^Ukryj/ })
        .count(),
    ).toBe(1);
    // Visitors read the history with the message hidden.
    const { page: visitor } = await newPage();
    await visitor.goto(`/initiatives/${initiative.id}/discussion`);
    await visitor.getByText('Message hidden by a moderator.').waitFor();
    expect(await messageTexts(visitor)).toEqual(['Zapraszamy szkoły z Norymbergi.']);
  });
});

describe('the notification bell', () => {
  it('counts new messages live while one is elsewhere, lists them, and marks them all read', async () => {
    const initiative = await publishedInitiative('Wspólny chór szkolny');
    const { page: a } = await loggedIn(anna);
    const { page: b } = await loggedIn(bernd);
    await a.goto(`/initiatives/${initiative.id}/discussion`);
    await b.goto(`/initiatives/${initiative.id}/discussion`);
    await waitForConnected(a);
    await waitForConnected(b);
    // B writes in it, so B follows it from now on.
    await post(b, 'Wir singen gern mit!');

    // B is elsewhere (left the channel), and has read everything so far.
    await b.locator('.account-nav').getByRole('link', { name: 'Partnerships' }).click();
    await waitUntil(
      () => heading(b),
      (text) => text === 'Partnerships',
      'B on another page',
    );
    await api().post('/api/v1/notifications/read').set(bernd.auth).send({ all: true }).expect(200);
    await b.reload();
    await b.getByRole('button', { name: 'Notifications: none unread', exact: true }).waitFor();

    await post(a, 'Próba w czwartek o 17:00.');
    // Live: no reload, the count goes up (the number is shown, and said in the button's name).
    await b.getByRole('button', { name: 'Notifications: 1 unread', exact: true }).waitFor({ timeout: 15_000 });
    expect(await b.locator('.bell__count').textContent()).toBe('1');

    await bell(b).click();
    const panel = b.locator('#notification-panel');
    await b.getByRole('dialog', { name: 'Notifications' }).waitFor();
    await panel.getByRole('link', { name: 'New message: Wspólny chór szkolny' }).waitFor();
    expect(await panel.getByText('Anna Kowalska: Próba w czwartek o 17:00.').count()).toBe(1);
    await expectAccessibleInBothLanguages(b, 'the bell, open', async () => {
      if ((await bell(b).getAttribute('aria-expanded')) !== 'true') await bell(b).click();
      await panel.waitFor();
    });

    // Open, focus is in it (on its heading); Escape closes it and gives focus back to the bell.
    if ((await bell(b).getAttribute('aria-expanded')) !== 'true') await bell(b).click();
    await waitUntil(
      () => b.evaluate(() => (globalThis as PageGlobals).document.activeElement?.id as string),
      (id) => id === 'notification-panel-title',
      'focus in the popover',
    );
    await b.keyboard.press('Escape');
    await waitUntil(
      () => panel.count(),
      (count) => count === 0,
      'the popover closed',
    );
    await waitUntil(
      () => b.evaluate(() => (globalThis as PageGlobals).document.activeElement?.className),
      (name) => name === 'bell__button',
      'focus back on the bell',
    );

    await bell(b).click();
    await panel.getByRole('button', { name: 'Mark all as read' }).click();
    await b.getByRole('button', { name: 'Notifications: none unread', exact: true }).waitFor();
    expect(await b.locator('.bell__count').count()).toBe(0);
    expect(await panel.locator('.bell__item--unread').count()).toBe(0);

    // The link leads to the discussion.
    await panel.getByRole('link', { name: 'New message: Wspólny chór szkolny' }).click();
    await waitUntil(
      () =>
        b.evaluate(
          () => ((globalThis as PageGlobals).location.pathname + (globalThis as PageGlobals).location.hash) as string,
        ),
      (where) => where === `/initiatives/${initiative.id}#discussion`,
      'the discussion link',
    );
    // The initiative's page has the discussion where the link points, with the message.
    await waitUntil(
      () => messageTexts(b),
      (texts) => texts.includes('Próba w czwartek o 17:00.'),
      'the discussion on the initiative page',
    );
  });
});

describe('from an initiative to a partnership', () => {
  it('B expresses interest from "find partners", A accepts it live in /interests, and both write in the partnership’s private channel', async () => {
    const initiative = await publishedInitiative('Partnerska szkoła w Norymberdze');
    const { page: a } = await loggedIn(anna);
    const { page: b } = await loggedIn(bernd);

    await a.goto('/interests');
    await waitUntil(
      () => heading(a),
      (text) => text === 'Interests',
      'A’s interests',
    );
    await a
      .getByText("Nobody has expressed interest in your organisations' initiatives or invited them yet.")
      .waitFor();
    await bell(a).waitFor();

    // B: the matches of the initiative, with reasons; and the interest dialog.
    await b.goto(`/initiatives/${initiative.id}/partners`);
    await waitUntil(
      () => heading(b),
      (text) => text === initiative.title,
      'the partners page',
    );
    const organizations = b.locator('#partners section').first();
    await organizations.getByRole('link', { name: 'Peter-Vischer-Schule' }).waitFor();
    const reasons = await organizations.locator('.match').first().locator('.match__reasons li').allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    expect(reasons.join(' ')).toMatch(/Nuremberg/);
    await expectAccessibleInBothLanguages(b, 'the matches list', async () => {
      await organizations.locator('.match__reasons li').first().waitFor();
    });
    // In Polish the reasons are Polish (asked with lang=pl).
    await switchLanguage(b, 'pl');
    await waitUntil(
      () => organizations.locator('.match').first().locator('.match__reasons li').allTextContents(),
      (texts) => texts.join(' ').includes('Norymberg'),
      'reasons in Polish',
    );
    await switchLanguage(b, 'en');

    await b.getByRole('button', { name: 'Express interest' }).click();
    const dialog = b.getByRole('dialog', { name: `Interest in “${initiative.title}”` });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Organisation').inputValue()).toBe(berndSchool.id);
    await dialog
      .getByLabel('Message to the initiative’s authors')
      .fill('Unsere Schule hat eine Polnisch-AG und würde gern mitmachen.');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await b
      .getByText('Interest sent on behalf of Peter-Vischer-Schule. You will be notified when the authors answer.')
      .waitFor();

    // A: the list refreshes itself.
    const item = a.locator('.interest-item', { hasText: 'Peter-Vischer-Schule' });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.locator('.interest-status').textContent()).toBe('Awaiting an answer');
    await expectAccessibleInBothLanguages(a, '/interests');
    await item.getByLabel('Answer').fill('Herzlich willkommen!');
    await item.getByRole('button', { name: 'Accept and start a partnership' }).click();
    await waitUntil(
      () => item.locator('.interest-status').textContent(),
      (text) => text === 'Accepted',
      'the interest accepted',
    );
    await item.getByRole('link', { name: 'Open the partnership' }).click();
    await waitUntil(
      () => heading(a),
      (text) => text === `Partnership: ${initiative.title}`,
      'the partnership workspace',
    );
    const partnershipPath = new URL(a.url()).pathname;

    // B: from the list of partnerships to the same workspace.
    await b.locator('.account-nav').getByRole('link', { name: 'Partnerships' }).click();
    await b.getByRole('link', { name: initiative.title }).click();
    await waitUntil(
      () => new URL(b.url()).pathname,
      (path) => path === partnershipPath,
      'B in the workspace',
    );
    await b.getByText('Peter-Vischer-Schule').first().waitFor();

    for (const page of [a, b])
      await waitUntil(
        () => page.locator('#channel .connection').getAttribute('data-state'),
        (state) => state === 'connected',
        'the private channel live',
      );
    await post(a, 'Witamy w partnerstwie!', '#channel');
    await waitUntil(
      () => messageTexts(b, '#channel'),
      (texts) => texts.join('|') === 'Witamy w partnerstwie!',
      'A’s message at B',
    );
    await post(b, 'Danke! Wann treffen wir uns?', '#channel');
    await waitUntil(
      () => messageTexts(a, '#channel'),
      (texts) => texts.join('|') === 'Witamy w partnerstwie!|Danke! Wann treffen wir uns?',
      'B’s answer at A',
    );

    // A (an owner) agrees to show it publicly; it is public once B's school agrees too.
    await a.getByLabel(`${annaSchool.name} agrees to show the partnership publicly`).check();
    await a.getByText('Consent saved.').waitFor();
    await expectAccessibleInBothLanguages(a, '/partnerships/:id');
  });
});

describe('inviting from a match', () => {
  it('A invites B from "find partners" with a message, by keyboard; B accepts in Polish in /interests, and A sees the invitation accepted', async () => {
    const initiative = await publishedInitiative('Projekt czytelniczy: szkoła z Norymbergi');
    const { page: a } = await loggedIn(anna);
    const { page: b } = await loggedIn(bernd, 'pl');

    await a.goto(`/initiatives/${initiative.id}/partners`);
    await waitUntil(
      () => heading(a),
      (text) => text === initiative.title,
      'the partners page',
    );
    const match = a.locator('#partners .match', { hasText: 'Peter-Vischer-Schule' });
    const invite = match.getByRole('button', { name: 'Invite Peter-Vischer-Schule' });
    await invite.waitFor();
    await expectAccessibleInBothLanguages(a, 'the matches with invite buttons', async () => {
      await match.locator('.match__invite button').waitFor();
    });

    // In Polish: the dialog names the organisation; Escape closes it and gives the focus back.
    await switchLanguage(a, 'pl');
    await match.getByRole('button', { name: 'Zaproś organizację Peter-Vischer-Schule' }).click();
    const polishDialog = a.getByRole('dialog', { name: 'Zaproszenie dla: Peter-Vischer-Schule' });
    await polishDialog.getByText(`Zaproś organizację do inicjatywy „${initiative.title}”`, { exact: false }).waitFor();
    await expectNoAccessibilityViolations(a, 'the invitation dialog');
    await a.keyboard.press('Escape');
    await polishDialog.waitFor({ state: 'detached' });
    expect(await a.evaluate(() => (globalThis as PageGlobals).document.activeElement?.textContent as string)).toBe(
      'Zaproś organizację Peter-Vischer-Schule',
    );
    await switchLanguage(a, 'en');

    // By keyboard: the button, the message (focused when the dialog opens), then Send.
    await invite.focus();
    await a.keyboard.press('Enter');
    const dialog = a.getByRole('dialog', { name: 'Invitation to Peter-Vischer-Schule' });
    await dialog.waitFor();
    await expectNoAccessibilityViolations(a, 'the invitation dialog');
    const message = dialog.getByLabel('Message to the organisation');
    await waitUntil(
      () => message.evaluate((element) => element === (globalThis as PageGlobals).document.activeElement),
      (focused) => focused,
      'the message focused',
    );
    // Too short: said beside the field, nothing sent (the 400 is on purpose).
    expectFailedRequests(400);
    await a.keyboard.type('Hallo!');
    await a.keyboard.press('Tab');
    await a.keyboard.press('Enter');
    await dialog.getByText('Write 10 to 2,000 characters: why you invite them and what you propose.').first().waitFor();
    expect(
      (
        await t.dataSource.query(`SELECT count(*)::int AS n FROM interests WHERE initiative_id = $1`, [initiative.id])
      )[0].n,
    ).toBe(0);
    await message.fill('');
    await message.focus();
    await a.keyboard.type('Would your pupils read Polish and German books with ours this spring?');
    await a.keyboard.press('Tab');
    await a.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await match.getByText('Invitation sent to Peter-Vischer-Schule. You will be notified when they answer.').waitFor();
    expect(await match.locator('.interest-status').textContent()).toBe('Invitation sent, awaiting an answer');
    expect(await match.getByRole('button', { name: /Invite/ }).count()).toBe(0);

    // B, in Polish: the invitation among what B answers, marked as one, with who invites.
    await b.goto('/interests');
    const item = b.locator('.interest-item', { hasText: initiative.title });
    await item.waitFor({ timeout: 15_000 });
    expect(await item.locator('.interest-item__kind').textContent()).toBe('Zaproszenie');
    expect(await item.locator('.interest-status').textContent()).toBe('Czeka na odpowiedź');
    await item.getByRole('link', { name: annaSchool.name }).waitFor();
    await item.getByText('Would your pupils read Polish and German books with ours this spring?').waitFor();
    await expectAccessibleInBothLanguages(b, '/interests with an invitation', async () => {
      await item.locator('.interest-item__kind').waitFor();
    });
    await item.getByLabel('Odpowiedź').fill('Chętnie!');
    await item.getByRole('button', { name: 'Przyjmij zaproszenie i dołącz do partnerstwa' }).click();
    await waitUntil(
      () => item.locator('.interest-status').textContent(),
      (text) => text === 'Przyjęte',
      'the invitation accepted',
    );
    await item.getByRole('link', { name: 'Otwórz partnerstwo' }).waitFor();

    // A: the matches list learns of the answer by itself, with the way into the partnership.
    await waitUntil(
      () => match.locator('.interest-status').textContent(),
      (text) => text?.startsWith('Invitation accepted: the organisation is in the partnership') ?? false,
      'the invitation accepted at A',
      15_000,
    );
    await match.getByRole('link', { name: 'Open the partnership' }).click();
    await waitUntil(
      () => heading(a),
      (text) => text === `Partnership: ${initiative.title}`,
      'the partnership',
    );
    await a.getByText('Peter-Vischer-Schule').first().waitFor();
  });
});

describe('settings, saved searches and suggestions', () => {
  it('saves notification preferences on the account page', async () => {
    const { page } = await loggedIn(bernd);
    await page.goto('/account#notifications');
    const section = page.locator('#notifications');
    await section.getByRole('radio', { name: 'Also in a daily e-mail digest' }).first().waitFor();
    const messages = section.getByRole('group', { name: 'New messages in discussions you follow' });
    expect(await messages.getByRole('radio', { name: 'In the app only' }).isChecked()).toBe(true);
    await messages.getByRole('radio', { name: 'Also an e-mail at once' }).check();
    await section.getByRole('button', { name: 'Save notification settings' }).click();
    await section.getByText('Your notification settings are saved.').waitFor();
    const saved = await api().get('/api/v1/me/notification-preferences').set(bernd.auth).expect(200);
    expect(saved.body.items).toContainEqual({ kind: 'channel_message', delivery: 'email' });
    await expectAccessibleInBothLanguages(page, 'notification preferences', async () => {
      await section.locator('input[type="radio"]').first().waitFor();
    });
  });

  it('saves a search with its filters, lists it with a link to its results, and deletes it', async () => {
    const { page } = await loggedIn(anna);
    await page.goto('/saved-searches');
    await waitUntil(
      () => heading(page),
      (text) => text === 'Saved searches',
      'the saved searches page',
    );
    await page.getByText('You have no saved searches yet.').waitFor();
    await page.getByLabel('Name of the search').fill('Szkoły w Norymberdze');
    await page.getByLabel('Kind of initiative').selectOption('exchange');
    await page.getByLabel('Partner city').selectOption('nuremberg');
    await page.getByLabel('Country (two-letter code)').fill('x');
    await page.getByRole('button', { name: 'Save the search' }).click();
    // A wrong country code is explained next to its field.
    expectFailedRequests(400);
    const country = page.getByLabel('Country (two-letter code)');
    await waitUntil(
      () => country.getAttribute('aria-invalid'),
      (value) => value === 'true',
      'the country marked invalid',
    );
    await country.fill('de');
    await page.getByRole('button', { name: 'Save the search' }).click();
    await page.getByText('The search “Szkoły w Norymberdze” is saved.').waitFor();
    const item = page.locator('.saved-search', { hasText: 'Szkoły w Norymberdze' });
    await item.waitFor();
    // The filters in words: the city and the country by their names.
    expect(await item.locator('.tags li').allTextContents()).toEqual([
      'Kind of initiative: Exchange',
      'Partner city: Nuremberg',
      'Country (two-letter code): Germany',
    ]);
    const results = new URL(
      (await item.getByRole('link', { name: /^Show results\W+Szkoły w Norymberdze$/ }).getAttribute('href'))!,
      t.baseUrl,
    );
    expect(results.pathname).toBe('/initiatives');
    expect(Object.fromEntries(results.searchParams)).toEqual({ kind: 'exchange', city: 'nuremberg', country: 'DE' });
    await expectAccessibleInBothLanguages(page, '/saved-searches', async () => {
      await item.waitFor();
    });
    await item.getByRole('button', { name: /^Delete\W+Szkoły w Norymberdze$/ }).click();
    await item.getByRole('button', { name: 'Yes, delete' }).click();
    await page.getByText('You have no saved searches yet.').waitFor();
  });

  it('shows the members of an organisation the initiatives that fit it, with the reasons', async () => {
    const initiative = await publishedInitiative('Szkolna wymiana językowa');
    const { page } = await loggedIn(bernd);
    await page.goto(`/organizations/${berndSchool.id}`);
    await page.getByRole('heading', { name: 'Initiatives that fit you' }).waitFor();
    const suggestions = page.locator('section:has(> #suggestions-heading)');
    const match = suggestions.locator('.match', { has: page.getByRole('link', { name: initiative.title }) });
    await match.waitFor();
    expect((await match.locator('.match__reasons li').allTextContents()).join(' ')).toMatch(
      /looking for partners in Nuremberg/,
    );
    await expectAccessibleInBothLanguages(page, 'the organisation page with suggestions', async () => {
      await suggestions.locator('.match').first().waitFor();
    });
  });
});
