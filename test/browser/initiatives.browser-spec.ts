/**
 * Initiatives in a real browser (the system's Chromium), against the real app on a fresh database:
 * an editor creates one through the form and submits it, a moderator publishes it from the queue,
 * visitors find it by a prefix and narrow the search with a facet; changes requested, field
 * errors, reports, and accessibility (axe-core) in Polish and English.
 *
 * Runs against the client in CLIENT_DIR (default client/dist), built first, e.g.
 * `npx vite build --config client/vite.config.ts --outDir /tmp/initiatives-dist` and
 * `CLIENT_DIR=/tmp/initiatives-dist npx jest test/browser/initiatives --selectProjects browser`.
 */
import type { Locator, Page } from 'playwright-core';
import { clearAddressLimits, PASSWORD, signUp, verifiedOrganization, type SignedIn } from '../support/accounts';
import type { TestApp } from '../support/test-app';
import { waitUntil } from './browser';
import {
  accountNav,
  browserHarness,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
  type PageOptions as VisitorOptions,
} from './harness';

// A browser test takes seconds; jest.config.js's per-project testTimeout is not applied by Jest 30.
jest.setTimeout(120_000);

const harness = browserHarness();
const { api, address, expectFailedRequests, visit } = harness;
let t: TestApp;
beforeAll(() => {
  t = harness.t;
});

const resultCount = (page: Page) => page.locator('.result-count').textContent();
const statusBadge = (page: Page) => page.locator('.initiative-header .initiative-status').textContent();

async function waitForPath(page: Page, path: RegExp): Promise<string> {
  return waitUntil(
    () => new URL(page.url()).pathname,
    (current) => path.test(current),
    `a page ${path}`,
  );
}

/** Logs in through the form (the interface takes on the account's language), landing where it was asked to go. */
async function loggedIn(user: SignedIn, options: VisitorOptions & { path?: string } = {}): Promise<Page> {
  const page = await visit(`/login${options.path ? `#next=${encodeURIComponent(options.path)}` : ''}`, options);
  await logInThroughForm(page, user.email, PASSWORD, options.language);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (n) => n === 1,
    'the name in the header',
  );
  return page;
}

async function setAccountLanguage(user: SignedIn, language: Language): Promise<void> {
  await api().patch('/api/v1/me').set(user.auth).send({ locale: language }).expect(200);
}

const INITIATIVE = {
  kind: 'joint_project',
  summary: 'Szkoły z Krakowa i miast partnerskich wspólnie uczą o klimacie.',
  body: 'Szukamy **szkół partnerskich**.\n\n- warsztaty\n- wymiany uczniów',
  areas: ['education', 'environment'],
  languages: ['pl', 'en'],
};

/** A draft made through the API, for tests about something else. */
async function draftInitiative(
  owner: SignedIn,
  organizationId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const created = await api()
    .post('/api/v1/initiatives')
    .set(owner.auth)
    .send({ ...INITIATIVE, organizationId, ...body })
    .expect(201);
  return created.body.id as string;
}

async function submittedInitiative(
  owner: SignedIn,
  organizationId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const id = await draftInitiative(owner, organizationId, body);
  await api().post(`/api/v1/initiatives/${id}/submit`).set(owner.auth).expect(200);
  return id;
}

async function publishedInitiative(
  owner: SignedIn,
  moderator: SignedIn,
  organizationId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const id = await submittedInitiative(owner, organizationId, body);
  await api().post(`/api/v1/initiatives/${id}/publish`).set(moderator.auth).send({}).expect(200);
  return id;
}

/** One item of the moderation queue, by its title. */
const queueItem = (page: Page, title: string): Locator =>
  page.locator('.queue-item').filter({ has: page.getByRole('heading', { name: title }) });

describe('creating, moderating and finding an initiative', () => {
  it('is created through the form, shows similar initiatives, is submitted, published from the queue, and found by a prefix without diacritics', async () => {
    const owner = await signUp(t, address('ola'), { displayName: 'Ola Owner' });
    const moderator = await signUp(t, address('marek'), { displayName: 'Marek Moderator', role: 'moderator' });
    const organization = await verifiedOrganization(t, owner, moderator, { name: 'Szkoła Podstawowa nr 12' });
    const partner = await verifiedOrganization(t, moderator, moderator, { name: 'Teatr Ludowy', cityKey: 'nuremberg' });
    // Already published: alike in its title, and of another kind.
    const existing = 'Współpraca szkół dla klimatu: warsztaty';
    await publishedInitiative(owner, moderator, organization.id, {
      title: existing,
      kind: 'event',
      areas: ['education'],
    });

    // The editor starts from "My initiatives", where the organisation offers a new initiative.
    const page = await loggedIn(owner);
    await accountNav(page).getByRole('link', { name: 'My initiatives' }).click();
    await waitForText(() => heading(page), 'My initiatives');
    const section = page.getByRole('region', { name: organization.name });
    await waitUntil(
      () => section.innerText(),
      (text) => text.includes(existing),
      'the published initiative under its organisation',
    );
    await section.getByRole('link', { name: `New initiative – ${organization.name}` }).click();
    await waitForText(() => heading(page), 'New initiative');

    const title = 'Współpraca szkół dla klimatu z Norymbergą';
    await page.getByLabel('Kind of initiative').selectOption({ label: 'Exchange' });
    // Polish texts written in the English interface.
    await page.getByLabel('Language of the texts').selectOption('pl');
    await page.getByLabel('Title', { exact: true }).fill(title);
    await page
      .getByLabel('Summary', { exact: true })
      .fill('Uczniowie z Krakowa i Norymbergi wspólnie badają klimat swoich miast.');
    await page
      .getByLabel('Description')
      .fill('Szukamy **szkoły partnerskiej** w Norymberdze.\n\n- wymiana uczniów\n- wspólne pomiary');
    const areas = page.getByRole('group', { name: 'Areas of cooperation' });
    await areas.getByLabel('Education', { exact: true }).check();
    await areas.getByLabel('Environment', { exact: true }).check();
    await page
      .getByRole('group', { name: 'Target cities' })
      .getByLabel(/^Nuremberg/)
      .check();
    await page.getByRole('group', { name: 'What partners are you looking for?' }).getByLabel('School').check();
    const languages = page.getByRole('group', { name: 'Languages of the initiative' });
    await languages.getByLabel('Polish').check();
    await languages.getByLabel('German').check();
    await page.getByLabel('Start').fill('2027-03-01');
    await page.getByLabel('End').fill('2027-06-30');
    await page.getByLabel('Funding programme').fill('Erasmus+');
    // A co-organiser, found by name among the verified organisations.
    const coOrganizers = page.getByRole('group', { name: 'Co-organisers (optional)' });
    await coOrganizers.getByRole('searchbox', { name: 'Search organisations' }).fill('teatr');
    await coOrganizers.getByRole('button', { name: `Add ${partner.name}` }).click();
    await coOrganizers.getByRole('button', { name: `Remove ${partner.name}` }).waitFor();
    await page.getByRole('button', { name: 'Save the draft' }).click();

    // The draft's page: it says what happened, and shows the similar published initiative.
    const path = await waitForPath(page, /^\/initiatives\/[0-9a-f-]{36}$/);
    await waitForText(() => heading(page), title);
    await page.getByRole('status').getByText('The draft has been saved.', { exact: false }).waitFor();
    await waitForText(() => statusBadge(page), 'Draft');
    const similar = page.getByRole('region', { name: 'Similar initiatives' });
    await similar.getByRole('link', { name: existing }).waitFor();
    expect(await page.locator('.prose strong').textContent()).toBe('szkoły partnerskiej');
    const facts = await page.locator('.initiative-facts').innerText();
    await page.getByRole('region', { name: 'Co-organisers' }).getByRole('link', { name: partner.name }).waitFor();
    for (const fact of [
      'Exchange',
      'Szkoła Podstawowa nr 12',
      'Nuremberg',
      'School',
      'German',
      'Erasmus+',
      'From 1 March 2027 until 30 June 2027',
    ])
      expect(facts).toContain(fact);

    await page.getByRole('button', { name: 'Submit for moderation' }).click();
    await page.getByRole('button', { name: 'Yes, submit' }).click();
    await page.getByRole('status').getByText('The initiative has been submitted for moderation.').waitFor();
    await waitForText(() => statusBadge(page), 'Awaiting moderation');
    expect(await page.getByRole('button', { name: 'Submit for moderation' }).count()).toBe(0);

    // A moderator, in another browser, finds it in the queue and publishes it.
    const staff = await loggedIn(moderator);
    await accountNav(staff).getByRole('link', { name: 'Moderation', exact: true }).click();
    await waitForText(() => heading(staff), 'Moderation');
    const item = queueItem(staff, title);
    expect(await item.locator('.queue-item__kind').innerText()).toBe('Initiative to publish');
    await item.getByRole('button', { name: `Publish ${title}` }).click();
    await item.getByRole('button', { name: 'Yes, publish' }).click();
    await staff.getByRole('status').getByText(`The decision on “${title}” has been saved.`).waitFor();
    expect(await queueItem(staff, title).count()).toBe(0);

    // The author sees it published, with the step in its history.
    await page.reload();
    await waitForText(() => statusBadge(page), 'Published');
    expect(await page.getByRole('region', { name: 'History' }).innerText()).toContain(
      'Awaiting moderation → Published',
    );

    // An anonymous visitor finds both by typing the beginning of a word without Polish letters.
    const visitor = await visit('/initiatives', { language: 'pl' });
    await waitForText(() => heading(visitor), 'Inicjatywy');
    await visitor.locator('.initiative-list').waitFor();
    await visitor.getByRole('searchbox', { name: 'Szukaj' }).pressSequentially('wspol szk');
    await waitUntil(
      () => visitor.url(),
      (url) => new URL(url).searchParams.get('q') === 'wspol szk',
      'the words in the address',
    );
    await waitForText(() => resultCount(visitor), 'Znaleziono: 2 inicjatywy');
    const results = visitor.getByRole('region', { name: 'Wyniki wyszukiwania' });
    await results.getByRole('link', { name: title }).waitFor();
    await results.getByRole('link', { name: existing }).waitFor();

    // The kind facet counts the matches of each kind; choosing one narrows the list and the address.
    const kind = visitor.getByLabel('Rodzaj');
    expect(await kind.locator('option').allTextContents()).toEqual([
      'Wszystkie rodzaje',
      'Wydarzenie (1)',
      'Wymiana (1)',
    ]);
    await kind.selectOption({ label: 'Wymiana (1)' });
    await waitForText(() => resultCount(visitor), 'Znaleziono: 1 inicjatywa');
    const query = new URL(visitor.url()).searchParams;
    expect([query.get('q'), query.get('kind')]).toEqual(['wspol szk', 'exchange']);
    expect(await results.getByRole('link', { name: existing }).count()).toBe(0);
    await results.getByRole('link', { name: title }).waitFor();

    // Back undoes the filter; the address alone (shared) gives the same list.
    await visitor.goBack();
    await waitForText(() => resultCount(visitor), 'Znaleziono: 2 inicjatywy');
    const shared = await visit(`/initiatives?q=wspol&kind=exchange`, { language: 'en' });
    await waitForText(() => resultCount(shared), 'Found: 1 initiative');
    expect(await shared.getByLabel('Kind').inputValue()).toBe('exchange');
    expect(await shared.getByRole('searchbox', { name: 'Search' }).inputValue()).toBe('wspol');

    // The result leads to the page, whose organisation links to its own page.
    await results.getByRole('link', { name: title }).click();
    await waitForText(() => heading(visitor), title);
    await waitForText(() => statusBadge(visitor), 'Opublikowana');
    await visitor.locator('.initiative-facts').getByRole('link', { name: organization.name }).waitFor();
    expect(await visitor.getByRole('region', { name: 'Historia' }).count()).toBe(0);
    expect(await visitor.getByRole('button', { name: 'Zgłoś naruszenie' }).count()).toBe(0);
    expect(path).toBe(new URL(visitor.url()).pathname);
  });

  it('shows the comment when a moderator asks for changes, and the server’s field errors next to the fields', async () => {
    const owner = await signUp(t, address('ewa'), { displayName: 'Ewa Editor' });
    const moderator = await signUp(t, address('mod'), { role: 'moderator' });
    const organization = await verifiedOrganization(t, owner, moderator, { name: 'Fundacja Zmian' });
    const title = 'Wizyta studyjna w Wiedniu';
    const id = await submittedInitiative(owner, organization.id, { title, kind: 'study_visit' });

    // The moderator reviews it on its page and asks for changes, which needs a comment.
    const staff = await loggedIn(moderator, { path: `/initiatives/${id}` });
    await waitForText(() => heading(staff), title);
    const decision = staff.getByRole('region', { name: "Moderator's decision" });
    await decision.getByRole('button', { name: 'Request changes' }).click();
    const comment = staff.getByLabel('What should change?');
    await waitUntil(
      () =>
        comment.evaluate(
          (element) =>
            element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
      Boolean,
      'focus on the comment',
    );
    expectFailedRequests(400);
    await decision.getByRole('button', { name: 'Send the request for changes' }).click();
    await waitUntil(
      () => comment.getAttribute('aria-invalid'),
      (value) => value === 'true',
      'the empty comment refused',
    );
    expect(
      await staff.locator(`#${(await comment.getAttribute('aria-describedby'))!.split(' ')[0]}`).innerText(),
    ).toContain('Write a comment for the authors');
    await comment.fill('Dodajcie proszę daty wizyty i program.');
    await decision.getByRole('button', { name: 'Send the request for changes' }).click();
    await staff.getByRole('status').getByText('The authors will see the request for changes.').waitFor();
    await waitForText(() => statusBadge(staff), 'Changes requested');

    // The author sees the comment, and edits the initiative.
    const page = await loggedIn(owner, { path: `/initiatives/${id}` });
    await waitForText(() => heading(page), title);
    await waitForText(() => statusBadge(page), 'Changes requested');
    const note = page.locator('.initiative-status-comment');
    expect(await note.innerText()).toBe('The moderator asks for changes\n\nDodajcie proszę daty wizyty i program.');
    await page.getByRole('link', { name: 'Edit the initiative' }).click();
    await waitForText(() => heading(page), `Edit: ${title}`);

    // A title one character too long: the server's message is shown by the field, which takes focus.
    // By its id: its label changes with the language below.
    const titleField = page.locator('#initiative-title');
    await titleField.fill('W'.repeat(141));
    await page.getByLabel('End').fill('2027-01-10');
    await page.getByLabel('Start').fill('2027-02-01');
    await page.getByRole('button', { name: 'Save the changes' }).click();
    await waitUntil(
      () => titleField.getAttribute('aria-invalid'),
      (value) => value === 'true',
      'the title marked invalid',
    );
    const titleError = page.locator('#initiative-title-error');
    expect(await titleError.textContent()).toBe('Error: The title must be 3 to 140 characters long.');
    expect((await titleField.getAttribute('aria-describedby'))!.split(' ')).toContain('initiative-title-error');
    expect(await page.getByRole('alert').innerText()).toContain('Correct the marked fields');
    await waitUntil(
      () =>
        page.evaluate(
          () => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id,
        ),
      (id) => id === 'initiative-title',
      'focus on the title',
    );
    // In Polish, translated.
    await page.getByRole('button', { name: 'Polski' }).click();
    await waitUntil(
      () => titleError.innerText(),
      (text) => text.includes('Tytuł musi mieć od 3 do 140 znaków.'),
      'the Polish message',
    );

    // Corrected: the dates in the wrong order are the next thing the server refuses, by the end date.
    await titleField.fill(`${title} – program`);
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await waitUntil(
      () => page.locator('#initiative-ends-on-error').count(),
      (n) => n === 1,
      'the end date refused',
    );
    expect(await page.locator('#initiative-ends-on-error').innerText()).toContain(
      'Koniec nie może być wcześniej niż początek.',
    );
    await page.getByLabel('Koniec').fill('2027-02-10');
    await page.getByRole('button', { name: 'Zapisz zmiany' }).click();
    await waitForText(() => heading(page), `${title} – program`);
    await page.getByRole('status').getByText('Zmiany zostały zapisane.').waitFor();
    await page.getByRole('button', { name: 'Wyślij do moderacji' }).click();
    await page.getByRole('button', { name: 'Tak, wyślij' }).click();
    await waitForText(() => statusBadge(page), 'Czeka na moderację');
  });
});

describe('reports', () => {
  it('reports an initiative once (a second report says it is already reported), and a moderator hides it from the queue', async () => {
    const owner = await signUp(t, address('olek'));
    const moderator = await signUp(t, address('mod'), { role: 'moderator' });
    const reader = await signUp(t, address('rita'), { displayName: 'Rita Reader' });
    const organization = await verifiedOrganization(t, owner, moderator, { name: 'Klub Sportowy Wisła' });
    const title = 'Turniej piłkarski miast partnerskich';
    const id = await publishedInitiative(owner, moderator, organization.id, { title, kind: 'event', areas: ['sport'] });

    const page = await loggedIn(reader, { path: `/initiatives/${id}` });
    await waitForText(() => heading(page), title);
    const report = page.getByRole('button', { name: 'Report' });
    await report.click();
    const dialog = page.getByRole('dialog', { name: 'Report the initiative to the moderators' });
    await dialog.waitFor();
    await dialog.getByLabel('Spam or advertising').check();
    await dialog.getByLabel('Comment').fill('Reklama sklepu, nie turniej.');
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('status').getByText('Thank you. The moderators will look at the report.').waitFor();
    expect(await dialog.count()).toBe(0);
    // Focus is back on the button that opened the dialog.
    await waitUntil(
      () =>
        report.evaluate(
          (element) =>
            element === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
        ),
      Boolean,
      'focus back on the report button',
    );

    // Again: the server refuses a second report from the same person, and the reader is told so.
    expectFailedRequests(409);
    await report.click();
    await dialog.getByLabel('Offensive content').check();
    await dialog.getByRole('button', { name: 'Send the report' }).click();
    await page
      .getByRole('status')
      .getByText('You have already reported this initiative. The moderators will look at it.')
      .waitFor();

    // The moderator sees the report in the queue and hides the initiative, with a reason.
    const staff = await loggedIn(moderator, { path: '/moderation' });
    await waitForText(() => heading(staff), 'Moderation');
    const item = queueItem(staff, title);
    await waitUntil(
      () => item.innerText(),
      (text) => text.includes('Spam or advertising') && text.includes('Reklama sklepu, nie turniej.'),
      'the report in the queue',
    );
    expect(await item.locator('.queue-item__kind').innerText()).toBe('Reported');
    expect(await item.getByRole('heading', { name: '1 report' }).count()).toBe(1);
    await item.getByRole('button', { name: `Hide ${title}` }).click();
    await item.getByLabel(`Reason: Hide – ${title}`).fill('Reklama, nie inicjatywa.');
    await item.getByRole('button', { name: 'Hide', exact: true }).click();
    await staff.getByRole('status').getByText(`The decision on “${title}” has been saved.`).waitFor();

    // Hidden: gone for the public, still there (marked) for its organisation.
    const visitor = await visit(`/initiatives/${id}`);
    expectFailedRequests(404);
    await waitForText(() => heading(visitor), 'Initiative not found');
    const member = await loggedIn(owner, { path: `/initiatives/${id}` });
    await waitForText(() => heading(member), title);
    await member.locator('.initiative-hidden').waitFor();
  });
});

describe('accessibility of the initiatives pages (axe-core, WCAG 2.1 AA)', () => {
  let owner: SignedIn;
  let moderator: SignedIn;
  let reader: SignedIn;
  let organizationId: string;
  let published: string;
  let draft: string;

  beforeAll(async () => {
    await clearAddressLimits(t);
    owner = await signUp(t, address('ala'), { displayName: 'Ala Autorka' });
    moderator = await signUp(t, address('mod'), { role: 'moderator' });
    reader = await signUp(t, address('rafal'));
    organizationId = (await verifiedOrganization(t, owner, moderator, { name: 'Centrum Kultury Dostępnej' })).id;
    const partner = await verifiedOrganization(t, moderator, moderator, { name: 'Teatr Partnerski' });
    published = await publishedInitiative(owner, moderator, organizationId, {
      title: 'Festiwal teatrów miast partnerskich',
      kind: 'event',
      areas: ['culture'],
      goals: ['conference_destination', 'eu_priority'],
      targetCities: ['nuremberg', 'lviv'],
      targetCountries: ['DE', 'UA'],
      soughtOrgTypes: ['cultural_institution'],
      languages: ['pl', 'de', 'uk'],
      startsOn: '2027-05-01',
      endsOn: '2027-05-10',
      fundingProgramme: 'Kreatywna Europa',
      coOrganizerIds: [partner.id],
    });
    draft = await draftInitiative(owner, organizationId, {
      title: 'Festiwal teatrów: warsztaty dla młodzieży',
      kind: 'exchange',
    });
    await submittedInitiative(owner, organizationId, { title: 'Wymiana teatralna z Lwowem', kind: 'exchange' });
    await api()
      .post('/api/v1/reports')
      .set(reader.auth)
      .send({ targetType: 'initiative', targetId: published, reason: 'other', comment: 'Nieaktualne daty?' })
      .expect(201);
  });

  for (const language of ['en', 'pl'] as const) {
    const text = (en: string, pl: string) => (language === 'pl' ? pl : en);

    it(`finds no violations on the search, with results and a facet chosen, and on a public initiative with its report dialog (${language})`, async () => {
      await setAccountLanguage(reader, language);
      const visitor = await loggedIn(reader, { language, bypassCSP: true, path: '/initiatives?q=festiw' });
      await waitForText(() => heading(visitor), text('Initiatives', 'Inicjatywy'));
      await waitForText(() => resultCount(visitor), text('Found: 1 initiative', 'Znaleziono: 1 inicjatywa'));
      await expectNoAccessibilityViolations(visitor);
      await visitor.getByLabel(text('Area', 'Dziedzina'), { exact: true }).selectOption('culture');
      await waitUntil(
        () => visitor.url(),
        (url) => url.includes('area=culture'),
        'the area in the address',
      );
      await waitUntil(
        () => visitor.locator('.initiative-list[aria-busy="true"]').count(),
        (n) => n === 0,
        'the list loaded',
      );
      await expectNoAccessibilityViolations(visitor);

      await visitor.getByRole('link', { name: 'Festiwal teatrów miast partnerskich' }).click();
      await waitForText(() => heading(visitor), 'Festiwal teatrów miast partnerskich');
      await visitor
        .getByRole('region', { name: text('Co-organisers', 'Współorganizatorzy') })
        .getByRole('link', { name: 'Teatr Partnerski' })
        .waitFor();
      await expectNoAccessibilityViolations(visitor);
      await visitor.getByRole('button', { name: text('Report', 'Zgłoś naruszenie') }).click();
      await visitor.getByRole('dialog').waitFor();
      await expectNoAccessibilityViolations(visitor);
    });

    it(`finds no violations on the pages of an editor: a draft, the form with errors, and My initiatives (${language})`, async () => {
      await setAccountLanguage(owner, language);
      const page = await loggedIn(owner, { language, bypassCSP: true, path: `/initiatives/${draft}` });
      await waitForText(() => heading(page), 'Festiwal teatrów: warsztaty dla młodzieży');
      await page
        .getByRole('region', { name: text('Similar initiatives', 'Podobne inicjatywy') })
        .getByRole('link', { name: 'Festiwal teatrów miast partnerskich' })
        .waitFor();
      await page.getByRole('button', { name: text('Submit for moderation', 'Wyślij do moderacji') }).click();
      await expectNoAccessibilityViolations(page);

      await page.goto(`/initiatives/new?organization=${organizationId}`);
      await waitForText(() => heading(page), text('New initiative', 'Nowa inicjatywa'));
      await page.locator('.initiative-form').waitFor();
      await expectNoAccessibilityViolations(page);
      expectFailedRequests(400);
      await page.getByRole('button', { name: text('Save the draft', 'Zapisz szkic') }).click();
      await page.locator('.field-error').first().waitFor();
      await expectNoAccessibilityViolations(page);

      await page.goto('/my-initiatives');
      await waitForText(() => heading(page), text('My initiatives', 'Moje inicjatywy'));
      await page.getByRole('heading', { name: text('Drafts (1 initiative)', 'Szkice (1 inicjatywa)') }).waitFor();
      await expectNoAccessibilityViolations(page);
    });

    it(`finds no violations on the moderation queue and a submitted initiative for staff (${language})`, async () => {
      await setAccountLanguage(moderator, language);
      const staff = await loggedIn(moderator, { language, bypassCSP: true, path: '/moderation' });
      await waitForText(() => heading(staff), text('Moderation', 'Moderacja'));
      await queueItem(staff, 'Wymiana teatralna z Lwowem').waitFor();
      await queueItem(staff, 'Festiwal teatrów miast partnerskich').waitFor();
      await expectNoAccessibilityViolations(staff);
      await queueItem(staff, 'Wymiana teatralna z Lwowem')
        .getByRole('button', { name: text('Reject', 'Odrzuć'), exact: false })
        .click();
      await expectNoAccessibilityViolations(staff);

      await queueItem(staff, 'Wymiana teatralna z Lwowem').getByRole('heading').getByRole('link').click();
      await waitForText(() => heading(staff), 'Wymiana teatralna z Lwowem');
      await staff.getByRole('region', { name: text('History', 'Historia') }).waitFor();
      await expectNoAccessibilityViolations(staff);
    });
  }
});
