/**
 * The annual forum in a real browser (the system's Chromium), against the real app on a fresh
 * database, one edition from start to end: staff create it and open the call, an editor proposes
 * a session through the form, staff place it (a room clash is explained) and publish the agenda,
 * a participant registers from the agenda, two participants follow the live Q&A, two
 * organisations book a 1:1 meeting, staff publish the outcomes; and accessibility (axe-core) of
 * every forum page in Polish and English.
 *
 * The tests run in order and build on each other. Runs against the client in CLIENT_DIR
 * (default client/dist), built first, e.g.
 * `npx vite build --config client/vite.config.ts --outDir /tmp/forum-dist --emptyOutDir` and
 * `CLIENT_DIR=/tmp/forum-dist npx jest test/browser/forum --selectProjects browser`.
 */
import type { Locator, Page } from 'playwright-core';
import { PASSWORD, signUp, verifiedOrganization, type SignedIn } from '../support/accounts';
import type { TestApp } from '../support/test-app';
import { checkAccessibility, waitUntil } from './browser';
import {
  browserHarness,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
  type PageOptions as VisitorOptions,
} from './harness';

// A browser test takes seconds; jest.config.js's per-project testTimeout is not applied by Jest 30.
jest.setTimeout(180_000);

const harness = browserHarness();
const { api, expectFailedRequests, visit } = harness;
let t: TestApp;

// The people and organisations of the edition, made through the API.
let staff: SignedIn;
let editor: SignedIn;
let partner: SignedIn;
let alice: SignedIn;
let bob: SignedIn;
let school: { id: string; name: string };
let foundation: { id: string; name: string };
// What the tests make as they go.
let editionId: string;
let sessionId: string;
let fullSessionId: string;

const TITLE = 'Climate classrooms across partner cities';
const FULL_TITLE = 'Music without borders';
const QUESTION = 'How do schools find partners in Nuremberg?';
const ANONYMOUS_QUESTION = 'Is there funding for the first visit?';

beforeAll(async () => {
  t = harness.t;
  staff = await signUp(t, 'marta.staff@example.org', { displayName: 'Marta Staff', role: 'moderator' });
  editor = await signUp(t, 'ewa.editor@example.org', { displayName: 'Ewa Editor' });
  partner = await signUp(t, 'piotr.partner@example.org', { displayName: 'Piotr Partner' });
  alice = await signUp(t, 'alice@example.org', { displayName: 'Alice Participant' });
  bob = await signUp(t, 'bob@example.org', { displayName: 'Bob Participant' });
  school = await verifiedOrganization(t, editor, staff, { name: 'Szkoła Podstawowa nr 7' });
  foundation = await verifiedOrganization(t, partner, staff, {
    name: 'Fundacja Most Kultury',
    type: 'ngo',
    areas: ['culture', 'youth'],
  });
});

/** Logs in through the form (the interface takes on the account's language), landing where it was asked to go. */
async function loggedIn(user: SignedIn, options: VisitorOptions & { path?: string } = {}): Promise<Page> {
  const page = await visit(`/login${options.path ? `#next=${encodeURIComponent(options.path)}` : ''}`, options);
  await logInThroughForm(page, user.email, PASSWORD, options.language);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (n) => n === 1,
    'the name in the header',
  );
  if (options.path)
    await waitUntil(
      () => new URL(page.url()).pathname + new URL(page.url()).search,
      (current) => current === options.path,
      `the page ${options.path}`,
    );
  return page;
}

async function waitForContent(locator: Locator, text: string, what = `"${text}"`): Promise<void> {
  await waitUntil(
    () => locator.innerText().catch(() => ''),
    (value) => value.includes(text),
    what,
  );
}

async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const violations = await checkAccessibility(page);
  // On failure the diff names the page, each rule and the elements that break it.
  const where = new URL(page.url()).pathname;
  expect({ page: where, violations }).toEqual({ page: where, violations: [] });
}

async function setAccountLanguage(user: SignedIn, language: Language): Promise<void> {
  await api().patch('/api/v1/me').set(user.auth).send({ locale: language }).expect(200);
}

/** The element of the page (a proposal, a session of the agenda) headed by a title. */
const itemTitled = (page: Page, selector: string, title: string): Locator =>
  page.locator(selector).filter({ has: page.getByRole('heading', { name: title }) });

/** Clicks a button that asks first (ConfirmAction), then confirms with the button of the same name. */
async function confirmAction(scope: Locator, name: string): Promise<void> {
  await scope.getByRole('button', { name }).click();
  await scope.locator('form.confirm').getByRole('button', { name }).click();
  await waitUntil(
    () => scope.locator('form.confirm').count(),
    (n) => n === 0,
    `"${name}" to be done`,
  );
}

const PROPOSAL = {
  kind: 'panel',
  abstract: 'Musicians from Kraków and Lviv play together and talk about touring abroad.',
  areas: ['culture'],
  speakers: ['Jan Nowak (Fundacja Most Kultury)'],
  language: 'pl',
};

describe('an edition of the forum, from the call to the outcomes', () => {
  it('is created by staff, who open the call for proposals', async () => {
    const page = await loggedIn(staff, { path: '/forum/admin' });
    await waitForText(() => heading(page), 'Manage the Forum');
    const create = page.locator('section[aria-labelledby="admin-create"]');
    await create.getByLabel('Year').fill('2027');
    await create.getByLabel('Theme in Polish').fill('Miasta, które uczą się od siebie');
    await create.getByLabel('Theme in English').fill('Cities learning from each other');
    await create.getByLabel('First day').fill('2027-05-20');
    await create.getByLabel('Last day').fill('2027-05-21');
    await create.getByLabel('Venue').fill('ICE Kraków Congress Centre');
    await create.getByLabel('Tables for 1:1 meetings').fill('5');
    await create.getByRole('button', { name: 'Create the edition' }).click();
    await waitForContent(create.getByRole('status'), 'Edition 2027 created.');
    editionId = await waitUntil(
      () => new URL(page.url()).searchParams.get('edition') ?? '',
      (id) => id.length === 36,
      'the new edition in the address',
    );

    const stage = page.locator('section[aria-labelledby="admin-stage"]');
    await waitForContent(stage, 'in preparation');
    await confirmAction(stage, 'Open the call for proposals');
    await waitForContent(stage, 'call for session proposals open');
    await waitForContent(
      stage.getByRole('status'),
      'The edition is now at the stage: call for session proposals open.',
    );

    // The forum's page says so, and leads to the call.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Forum' }).click();
    await waitForText(() => heading(page), 'International Cooperation Forum');
    await waitForContent(page.locator('main'), 'Forum 2027: Cities learning from each other');
    await page.getByRole('link', { name: 'Propose a session' }).waitFor();
  });

  it('receives a proposal from an editor through the form, which explains a field error', async () => {
    const page = await loggedIn(editor, { path: `/forum/editions/${editionId}/propose` });
    await waitForText(() => heading(page), 'Propose a session for Forum 2027');
    // One verified organisation of which the editor is an owner: chosen already.
    expect(await page.getByLabel('Organisation', { exact: true }).inputValue()).toBe(school.id);
    await page.getByLabel('Format', { exact: true }).selectOption({ label: 'workshop' });
    await page.getByLabel('Session title', { exact: true }).fill(TITLE);
    await page.getByLabel('About the session', { exact: true }).fill('Too short.');
    await page.getByRole('group', { name: 'Areas' }).getByLabel('Education', { exact: true }).check();
    await page.getByLabel('Speakers', { exact: true }).fill('Anna Kowalska (SP 7 Kraków)\nHans Müller (Nürnberg)');
    await page.getByLabel('Session language', { exact: true }).selectOption('en');
    expectFailedRequests(400);
    await page.getByRole('button', { name: 'Send the proposal' }).click();

    // The error is by its field, which takes the focus.
    const abstract = page.getByLabel('About the session', { exact: true });
    await waitUntil(
      () => abstract.getAttribute('aria-invalid'),
      (value) => value === 'true',
      'the description marked invalid',
    );
    await waitForContent(page.locator('.field--invalid'), 'The description must be 20 to 4,000 characters long.');
    await waitUntil(
      () =>
        abstract.evaluate(
          (element) =>
            element ===
            (element as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement,
        ),
      Boolean,
      'focus on the abstract',
    );

    await abstract.fill(
      'Pupils from Kraków and Nuremberg measure the air around their schools and compare the results.',
    );
    await page.getByRole('button', { name: 'Send the proposal' }).click();
    await waitForContent(
      page.getByRole('status').filter({ hasText: 'Thank you!' }),
      `The proposal "${TITLE}" has been sent.`,
    );

    const proposals = await api()
      .get(`/api/v1/forum/editions/${editionId}/sessions?status=proposed`)
      .set(staff.auth)
      .expect(200);
    expect(proposals.body.items.map((session: { title: string }) => session.title)).toEqual([TITLE]);
    sessionId = proposals.body.items[0].id;
    expect(proposals.body.items[0]).toMatchObject({
      kind: 'workshop',
      language: 'en',
      areas: ['education'],
      speakers: ['Anna Kowalska (SP 7 Kraków)', 'Hans Müller (Nürnberg)'],
    });
  });

  it('has the proposal placed by staff (a room clash is explained), meeting times set and the agenda published', async () => {
    // Another session already holds Sala A from 10:00 to 11:30.
    const other = await api()
      .post(`/api/v1/forum/editions/${editionId}/sessions`)
      .set(partner.auth)
      .send({ ...PROPOSAL, organizationId: foundation.id, title: FULL_TITLE })
      .expect(201);
    fullSessionId = other.body.id;
    await api()
      .post(`/api/v1/forum/sessions/${fullSessionId}/accept`)
      .set(staff.auth)
      .send({ room: 'Sala A', startsAt: '2027-05-20T10:00:00+02:00', endsAt: '2027-05-20T11:30:00+02:00', capacity: 1 })
      .expect(200);

    const page = await loggedIn(staff, { path: `/forum/admin?edition=${editionId}` });
    const proposal = itemTitled(page, '.forum-proposal', TITLE);
    await proposal.waitFor();
    await proposal.getByLabel('Room').fill('Sala A');
    await proposal.getByLabel('Day').selectOption('2027-05-20');
    await proposal.getByLabel('Starts').fill('10:30');
    await proposal.getByLabel('Ends').fill('11:30');
    await proposal.getByLabel('Places').fill('30');
    expectFailedRequests(409);
    await proposal.getByRole('button', { name: 'Accept the session' }).click();
    await waitForContent(
      proposal.getByRole('alert'),
      'Sala A is taken by another session at that time. Choose another room or time.',
    );

    await proposal.getByLabel('Room').fill('Sala B');
    await proposal.getByRole('button', { name: 'Accept the session' }).click();
    const proposals = page.locator('section[aria-labelledby="admin-proposals"]');
    await waitForContent(proposals.getByRole('status'), `"${TITLE}" accepted: Sala B.`);
    await waitUntil(
      () => proposal.count(),
      (n) => n === 0,
      'the accepted proposal to leave the waiting ones',
    );
    await proposals.getByRole('button', { name: 'accepted', exact: true }).click();
    await waitForContent(itemTitled(page, '.forum-proposal', TITLE), 'Sala B, Thursday, 20 May 2027, 10:30–11:30');

    // Three 20-minute meeting times from 9:00 to 10:00.
    const slots = page.locator('section[aria-labelledby="admin-slots"]');
    await slots.getByLabel('Day').selectOption('2027-05-20');
    await slots.getByLabel('From').fill('09:00');
    await slots.getByLabel('To', { exact: true }).fill('10:00');
    await slots.getByRole('button', { name: 'Add 3 times' }).click();
    await waitForContent(slots.getByRole('status'), '3 times added.');
    await waitUntil(
      () => slots.locator('.forum-slots li').count(),
      (n) => n === 3,
      'three meeting times listed',
    );
    expect(await slots.locator('.forum-slots li').first().innerText()).toBe('Thursday, 20 May 2027, 09:00–09:20');

    await confirmAction(
      page.locator('section[aria-labelledby="admin-stage"]'),
      'Close the call and publish the agenda',
    );
    await waitForContent(page.locator('section[aria-labelledby="admin-stage"]'), 'agenda published, registration open');
  });

  it('lets a participant register from the agenda, filtered by area, and join the waiting list of a full session', async () => {
    // The one place of the other session is taken.
    await api().post(`/api/v1/forum/sessions/${fullSessionId}/register`).set(partner.auth).expect(200);

    const page = await loggedIn(alice, { path: `/forum/editions/${editionId}/agenda` });
    await waitForText(() => heading(page), 'Forum 2027 agenda');
    await waitForContent(page.locator('.result-count'), '2 sessions');
    await page.getByRole('heading', { name: 'Thursday, 20 May 2027', level: 2 }).waitFor();
    await page.getByRole('heading', { name: 'Room: Sala B', level: 3 }).waitFor();
    const calendar = page.getByRole('link', { name: 'Download the agenda as iCalendar (.ics)' });
    expect(await calendar.getAttribute('href')).toBe(`/api/v1/forum/editions/${editionId}/agenda.ics`);
    const ics = await api().get(`/api/v1/forum/editions/${editionId}/agenda.ics`).expect(200);
    expect(ics.text).toContain(`SUMMARY:${TITLE}`);

    const session = itemTitled(page, '.agenda-session', TITLE);
    await waitForContent(session, 'Places: 0 of 30 taken');
    await session.getByRole('button', { name: 'Register' }).click();
    await waitForContent(session, 'Your place is confirmed.');
    await waitForContent(session, 'Places: 1 of 30 taken');
    await session.getByRole('button', { name: 'Cancel my place' }).waitFor();

    const full = itemTitled(page, '.agenda-session', FULL_TITLE);
    await waitForContent(full, 'No places left');
    await full.getByRole('button', { name: 'Full: join the waiting list' }).click();
    await waitForContent(full, 'You are on the waiting list (number 1).');

    // Filtered by area, in the address, so the filtered agenda can be shared.
    await page.getByLabel('Area', { exact: true }).selectOption({ label: 'Education' });
    await waitForContent(page.locator('.result-count'), '1 session');
    expect(new URL(page.url()).search).toBe('?area=education');
    expect(await page.locator('.agenda-session').count()).toBe(1);

    // The session's own page knows the registration.
    await session.getByRole('link', { name: TITLE }).click();
    await waitForText(() => heading(page), TITLE);
    await waitForContent(page.locator('.forum-registration'), 'Your place is confirmed.');
  });

  it('shows a question live to another participant, whose vote the asker sees at once', async () => {
    const path = `/forum/sessions/${sessionId}`;
    const [asker, voter] = await Promise.all([loggedIn(alice, { path }), loggedIn(bob, { path })]);
    for (const page of [asker, voter])
      await waitForContent(page.locator('.qa'), 'No questions yet. Ask the first one!');

    await asker.getByLabel('Your question').fill(QUESTION);
    await asker.getByRole('button', { name: 'Ask', exact: true }).click();
    await waitForContent(asker.locator('.qa-ask').getByRole('status'), 'Your question has been added.');

    // The other participant sees it arrive, announced politely, and votes once.
    const seen = voter.locator('.qa-question').filter({ hasText: QUESTION });
    await seen.waitFor();
    await waitForContent(voter.locator('.qa [aria-live="polite"]'), `New question: ${QUESTION}`);
    await waitForContent(seen, 'Asked by: Alice Participant');
    await waitForContent(seen, '0 votes');
    await seen.getByRole('button', { name: 'Vote' }).click();
    await waitUntil(
      () => seen.getByRole('button', { name: 'Voted' }).isDisabled(),
      (disabled) => disabled,
      'the vote button disabled',
    );
    await waitForContent(seen, '1 vote');

    // The asker sees the count change without reloading.
    await waitForContent(asker.locator('.qa-question').filter({ hasText: QUESTION }), '1 vote');

    // Anonymous to other participants; staff pinning it moves it first for everyone.
    await asker.getByLabel('Your question').fill(ANONYMOUS_QUESTION);
    await asker.getByLabel('Ask anonymously').check();
    await asker.getByRole('button', { name: 'Ask', exact: true }).click();
    const anonymous = voter.locator('.qa-question').filter({ hasText: ANONYMOUS_QUESTION });
    await waitForContent(anonymous, 'Asked by: Anonymous');
    const questions = await api().get(`/api/v1/forum/sessions/${sessionId}/questions`).set(staff.auth).expect(200);
    const asked = questions.body.items.find((question: { body: string }) => question.body === ANONYMOUS_QUESTION);
    expect(asked).toMatchObject({ anonymous: true, author: 'Alice Participant' });
    await api()
      .post(`/api/v1/forum/questions/${asked.id}/moderate`)
      .set(staff.auth)
      .send({ action: 'pin' })
      .expect(200);
    for (const page of [asker, voter]) {
      await waitForContent(page.locator('.qa-question').first(), ANONYMOUS_QUESTION, 'the pinned question first');
      await waitForContent(page.locator('.qa-question').first(), 'Pinned');
    }
  });

  it('shows the projector without logging in, with the join code and a QR code; the code typed on the forum page opens the Q&A', async () => {
    const { body: session } = await api().get(`/api/v1/forum/sessions/${sessionId}`).expect(200);
    const projector = await visit(`/forum/sessions/${sessionId}/projector`);
    await waitForText(() => heading(projector), TITLE);
    const code = projector.locator('.projector__code-value');
    await waitForText(() => code.textContent(), session.joinCode);
    expect(session.joinCode).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    const qr = projector.getByRole('img', {
      name: `QR code that opens this session's questions (code ${session.joinCode})`,
    });
    expect(await qr.isVisible()).toBe(true);
    // The question asked earlier is on the screen, read without an account.
    await waitForContent(projector.locator('.projector'), QUESTION, 'the question on the projector');

    // On a phone: a mistyped code is explained, the right one (as typed) opens the session's Q&A.
    expectFailedRequests(404);
    const phone = await visit('/forum');
    await phone.setViewportSize({ width: 390, height: 800 });
    const field = phone.getByLabel('Session code');
    await field.fill('ZZZ ZZZ');
    await phone.getByRole('button', { name: 'Go to the questions' }).click();
    await waitForContent(
      phone.locator('#join-code-error'),
      'No session of this Forum has the code ZZZ ZZZ. Check the code on the screen in the room.',
    );
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill(session.joinCode.toLowerCase());
    await phone.getByRole('button', { name: 'Go to the questions' }).click();
    await waitForText(() => heading(phone), TITLE);
    expect(new URL(phone.url()).pathname).toBe(`/forum/sessions/${sessionId}`);
    await phone.getByRole('heading', { name: 'Live questions' }).waitFor();
  });

  it('books a 1:1 meeting: requested in one browser, accepted in the other, with its table', async () => {
    const requester = await loggedIn(editor, { path: `/forum/editions/${editionId}/my` });
    await waitForText(() => heading(requester), 'My Forum 2027');
    await waitForContent(requester.locator('main'), TITLE);
    const form = requester.locator('section[aria-labelledby="request-meeting"]');
    await form.getByLabel('Time').selectOption({ label: 'Thursday, 20 May 2027, 09:20–09:40' });
    await form.getByLabel('Find the organisation you want to meet').fill('Most');
    await form.getByRole('group', { name: 'Search results' }).getByLabel(foundation.name).check();
    await waitForContent(form.locator('.forum-chosen'), foundation.name);
    await form.getByLabel('Message').fill('Let us plan a joint concert of our pupils.');
    await form.getByRole('button', { name: 'Send the meeting request' }).click();
    await waitForContent(form.getByRole('status').last(), `Meeting request sent to ${foundation.name}.`);
    const ours = requester.locator('.forum-schedule').filter({ hasText: `Schedule: ${school.name}` });
    await waitForContent(ours, 'request awaiting an answer');

    const invited = await loggedIn(partner, { path: `/forum/editions/${editionId}/my` });
    const theirs = invited.locator('.forum-schedule').filter({ hasText: `Schedule: ${foundation.name}` });
    await waitForContent(theirs, 'Let us plan a joint concert of our pupils.');
    await theirs.getByRole('button', { name: `Accept (meeting with ${school.name})` }).click();
    await waitForContent(theirs.getByRole('status'), `Meeting with ${school.name} accepted: table 1.`);
    await waitForContent(theirs.locator('.forum-meetings__table'), 'Table 1');

    await requester.reload();
    await waitForContent(
      requester
        .locator('.forum-schedule')
        .filter({ hasText: `Schedule: ${school.name}` })
        .locator('.forum-meetings__table'),
      'Table 1',
    );
    const [download] = await Promise.all([
      requester.waitForEvent('download'),
      requester.getByRole('button', { name: 'Download my meetings (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('forum-2027-meetings.ics');
  });

  it('has no accessibility violations on the forum, agenda, session, projector, my forum and staff pages, in Polish and English', async () => {
    for (const language of ['en', 'pl'] as const) {
      await setAccountLanguage(alice, language);
      await setAccountLanguage(staff, language);
      const pl = language === 'pl';

      const page = await loggedIn(alice, { language, bypassCSP: true, path: '/forum' });
      await waitForContent(
        page.locator('main'),
        pl ? 'Forum 2027: Miasta, które uczą się od siebie' : 'Forum 2027: Cities learning from each other',
      );
      await waitForContent(page.locator('main'), pl ? 'Masz zapis na Forum.' : 'You are registered for the Forum.');
      await expectNoAccessibilityViolations(page);

      await page.goto(`/forum/editions/${editionId}/agenda`);
      await waitForContent(page.locator('.result-count'), pl ? '2 sesje' : '2 sessions');
      await waitForContent(page.locator('main'), pl ? 'Masz potwierdzone miejsce.' : 'Your place is confirmed.');
      await expectNoAccessibilityViolations(page);

      await page.goto(`/forum/sessions/${sessionId}`);
      await waitUntil(
        () => page.locator('.qa-question').count(),
        (n) => n === 2,
        'the questions',
      );
      await expectNoAccessibilityViolations(page);

      await page.goto(`/forum/sessions/${sessionId}/projector`);
      await waitUntil(
        () => page.locator('.projector__question').count(),
        (n) => n === 2,
        'the questions on the projector',
      );
      await waitUntil(
        () => page.locator('.projector__heading').first().textContent(),
        (text) => text === (pl ? 'Przypięte' : 'Pinned'),
        'the pinned questions',
      );
      expect(await page.locator('.site-header').isVisible()).toBe(false);
      await expectNoAccessibilityViolations(page);

      await page.goto(`/forum/editions/${editionId}/my`);
      await waitForContent(page.locator('main'), TITLE);
      await expectNoAccessibilityViolations(page);

      // The editor's "my forum": schedules, the request form with search results and suggestions.
      await setAccountLanguage(editor, language);
      const editorPage = await loggedIn(editor, { language, bypassCSP: true, path: `/forum/editions/${editionId}/my` });
      await waitForContent(editorPage.locator('.forum-meetings__table'), pl ? 'Stolik 1' : 'Table 1');
      await editorPage.locator('#meeting-search').fill('Fundacja');
      await editorPage.locator('.forum-search-results input').first().waitFor();
      await expectNoAccessibilityViolations(editorPage);

      const staffPage = await loggedIn(staff, { language, bypassCSP: true, path: `/forum/admin?edition=${editionId}` });
      await waitForContent(
        staffPage.locator('section[aria-labelledby="admin-slots"]'),
        pl ? 'czwartek, 20 maja 2027, 09:00–09:20' : 'Thursday, 20 May 2027, 09:00–09:20',
      );
      await staffPage
        .locator('section[aria-labelledby="admin-proposals"]')
        .getByRole('button', { name: pl ? 'przyjęte' : 'accepted', exact: true })
        .click();
      await itemTitled(staffPage, '.forum-proposal', TITLE).waitFor();
      await expectNoAccessibilityViolations(staffPage);

      // Staff on the session page: every author, and the moderation controls.
      await staffPage.goto(`/forum/sessions/${sessionId}`);
      await waitUntil(
        () => staffPage.locator('.qa-moderation').count(),
        (n) => n === 2,
        'the moderation controls',
      );
      await waitForContent(
        staffPage.locator('.qa-question').first(),
        pl ? 'Alice Participant (anonimowo dla uczestników)' : 'Alice Participant (anonymous to participants)',
      );
      await expectNoAccessibilityViolations(staffPage);
    }
  });

  it('is closed by staff, who publish the outcomes: a public report with charts and open data', async () => {
    await setAccountLanguage(staff, 'en');
    const page = await loggedIn(staff, { path: `/forum/admin?edition=${editionId}` });
    const stage = page.locator('section[aria-labelledby="admin-stage"]');
    await confirmAction(stage, 'Start the Forum');
    await waitForContent(stage, 'the Forum is on');
    await confirmAction(stage, 'Close the Forum');
    await waitForContent(stage, 'The edition is closed: that is the last stage.');
    const outcomes = page.locator('section[aria-labelledby="admin-outcomes"]');
    await outcomes
      .getByLabel('Summary', { exact: true })
      .fill('Two sessions, two questions and a first concert planned between Kraków schools and foundations.');
    // Written in English (the interface's language), with a Polish version for Polish readers.
    await outcomes
      .getByLabel('Summary in Polish')
      .fill('Dwie sesje, dwa pytania i pierwszy koncert zaplanowany przez krakowskie szkoły i fundacje.');
    await outcomes.getByRole('button', { name: 'Publish the outcomes' }).click();
    await waitForContent(outcomes.getByRole('status'), 'The outcomes are published.');
    await outcomes.getByRole('link', { name: 'See the outcomes report' }).waitFor();

    // Anyone reads the report, reached from the forum's page.
    const visitor = await visit(`/forum/editions/${editionId}`);
    await visitor.getByRole('link', { name: 'Outcomes' }).click();
    await waitForText(() => heading(visitor), 'Forum 2027 outcomes');
    const figures = visitor.locator('.forum-figures');
    await waitForContent(figures, 'Questions asked');
    const figure = (label: string) =>
      figures
        .locator('div')
        .filter({ has: visitor.getByText(label, { exact: true }) })
        .locator('dd')
        .innerText();
    expect(await figure('Sessions')).toBe('2');
    expect(await figure('Questions asked')).toBe('2');
    expect(await figure('1:1 meetings')).toBe('1');
    // Each chart is an image with a text alternative, and a table of the same figures.
    expect(await visitor.getByRole('img', { name: /Bar chart of the attendance of 2 sessions/ }).count()).toBe(1);
    const table = visitor.getByRole('table', { name: 'Chart data: Questions asked and answered' });
    await waitForContent(table.getByRole('row').filter({ hasText: TITLE }), '2');
    expect(await visitor.getByRole('link', { name: 'Outcomes as CSV' }).getAttribute('href')).toBe(
      `/api/v1/forum/editions/${editionId}/outcomes.csv`,
    );
    const csv = await api().get(`/api/v1/forum/editions/${editionId}/outcomes.csv`).expect(200);
    expect(csv.text).toContain(TITLE);
  });

  it('has no accessibility violations on the outcomes report and the proposal form, in Polish and English', async () => {
    // The next edition's call is open, so the form is there to check.
    const next = await api()
      .post('/api/v1/forum/editions')
      .set(staff.auth)
      .send({
        year: 2028,
        themePl: 'Miasta otwarte',
        themeEn: 'Open cities',
        startsOn: '2028-05-18',
        endsOn: '2028-05-19',
        venue: 'ICE Kraków',
        languages: ['pl', 'en'],
      })
      .expect(201);
    await api().post(`/api/v1/forum/editions/${next.body.id}/advance`).set(staff.auth).expect(200);

    for (const language of ['en', 'pl'] as const) {
      const pl = language === 'pl';
      const visitor = await visit(`/forum/editions/${editionId}/outcomes`, { language, bypassCSP: true });
      await waitForText(() => heading(visitor), pl ? 'Wyniki Forum 2027' : 'Forum 2027 outcomes');
      await visitor.locator('.forum-chart__table').first().waitFor();
      // The summary in the reader's language, marked with it.
      const summary = visitor.locator('.forum-summary');
      expect(await summary.innerText()).toMatch(pl ? /^Dwie sesje/ : /^Two sessions/);
      expect(await summary.evaluate((node) => node.closest('[lang]')?.getAttribute('lang'))).toBe(language);
      await expectNoAccessibilityViolations(visitor);

      await setAccountLanguage(editor, language);
      const page = await loggedIn(editor, {
        language,
        bypassCSP: true,
        path: `/forum/editions/${next.body.id}/propose`,
      });
      await waitForText(
        () => heading(page),
        pl ? 'Zaproponuj sesję na Forum 2028' : 'Propose a session for Forum 2028',
      );
      await page.locator('.forum-form').waitFor();
      await expectNoAccessibilityViolations(page);

      // With a field error shown.
      expectFailedRequests(400);
      await page.getByRole('button', { name: pl ? 'Wyślij propozycję' : 'Send the proposal' }).click();
      await page.locator('.field--invalid').first().waitFor();
      await expectNoAccessibilityViolations(page);

      // The forum's page with the new edition's call open.
      await page.goto('/forum');
      await page.getByRole('link', { name: pl ? 'Zaproponuj sesję' : 'Propose a session' }).waitFor();
      await expectNoAccessibilityViolations(page);
    }
  });
});
