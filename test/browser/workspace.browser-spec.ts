/**
 * A partnership's workspace in a real browser: a member shares a file (a forbidden type refused
 * in words a person reads), adds a milestone with an owner and a due date, marks it done, takes
 * the calendar and writes a diary entry, by keyboard, in English; the partner, in Polish, consents
 * to publish an entry, which a resident then reads on the partnership's page without an account;
 * and an organisation removed from the partnership is gone from it. axe checks each state.
 */
import type { Page } from 'playwright-core';
import { PASSWORD, signUp, verifiedOrganization, type SignedIn } from '../support/accounts';
import { waitUntil } from './browser';
import {
  browserHarness,
  downloadedText,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
} from './harness';

const harness = browserHarness();
/** Each test seeds a partnership and walks through several states with axe: more than a minute on a busy machine. */
jest.setTimeout(3 * 60_000);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>');

interface Partners {
  anna: SignedIn;
  bernd: SignedIn;
  annaOrg: { id: string; name: string };
  berndOrg: { id: string; name: string };
  partnershipId: string;
  title: string;
}

/**
 * Anna's school (Kraków) publishes an initiative, Bernd's school (Nuremberg) expresses interest
 * and Anna accepts: a partnership, which both owners agree to show publicly.
 */
async function partners(): Promise<Partners> {
  const api = harness.api;
  const moderator = await signUp(harness.t, harness.address('moderator'), { role: 'moderator' });
  const anna = await signUp(harness.t, harness.address('anna'), { displayName: 'Anna Nowak' });
  const bernd = await signUp(harness.t, harness.address('bernd'), { displayName: 'Bernd Weber', locale: 'pl' });
  const annaOrg = await verifiedOrganization(harness.t, anna, moderator, { name: `SP ${harness.serial} Kraków` });
  const berndOrg = await verifiedOrganization(harness.t, bernd, moderator, {
    name: `Peter-Vischer-Schule ${harness.serial}`,
    cityKey: 'nuremberg',
  });
  const title = `Pupil exchange ${harness.serial}`;
  const initiative = (
    await api()
      .post('/api/v1/initiatives')
      .set(anna.auth)
      .send({
        organizationId: annaOrg.id,
        title,
        summary: 'Pupils of both schools visit each other in spring.',
        kind: 'partner_search',
        areas: ['education'],
        languages: ['pl', 'en'],
      })
      .expect(201)
  ).body;
  await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(anna.auth).expect(200);
  await api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200);
  const interest = await api()
    .post(`/api/v1/initiatives/${initiative.id}/interests`)
    .set(bernd.auth)
    .send({ organizationId: berndOrg.id, message: 'Our school would love to take part.' })
    .expect(201);
  const accepted = await api().post(`/api/v1/interests/${interest.body.id}/accept`).set(anna.auth).send({}).expect(200);
  const partnershipId = accepted.body.partnershipId as string;
  for (const [who, organization] of [
    [anna, annaOrg],
    [bernd, berndOrg],
  ] as const)
    await api()
      .post(`/api/v1/partnerships/${partnershipId}/consent`)
      .set(who.auth)
      .send({ organizationId: organization.id, public: true })
      .expect(200);
  return { anna, bernd, annaOrg, berndOrg, partnershipId, title };
}

async function signedIn(user: SignedIn, path: string, language: Language = 'en'): Promise<Page> {
  const { page } = await harness.newPage({ language, bypassCSP: true });
  await page.goto('/login');
  await logInThroughForm(page, user.email, PASSWORD, language);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (n) => n === 1,
    'the name in the header',
  );
  await page.goto(path);
  return page;
}

const selectedTab = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').textContent();

describe('the partnership workspace', () => {
  it('shares a file, refuses a forbidden type, adds a milestone with an owner and a due date, and writes a diary entry, by keyboard, in English', async () => {
    const { anna, annaOrg, berndOrg, partnershipId, title } = await partners();
    const page = await signedIn(anna, `/partnerships/${partnershipId}`);
    await waitForText(() => heading(page), `Partnership: ${title}`);
    const workspace = page.getByRole('region', { name: 'Workspace' });
    await waitForText(() => selectedTab(page), 'Files');
    await workspace.getByText('No files have been shared yet.').waitFor();
    // The limits are said before anything is sent.
    await workspace.getByText(/^At most 10 MB\. Accepted types: PDF, PNG, JPG, JPEG, GIF, WEBP, DOCX/).waitFor();
    await expectNoAccessibilityViolations(page);

    // A file: chosen, then shared with Enter on the button.
    await workspace.getByLabel('File', { exact: true }).setInputFiles({
      name: 'Project plan.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await workspace.getByRole('button', { name: 'Share the file' }).press('Enter');
    await workspace.getByText('Project plan.pdf is shared.').waitFor();
    const item = workspace.locator('.workspace-item', { hasText: 'Project plan.pdf' });
    await item.getByText(new RegExp(`^${PDF.length} bytes · Shared by Anna Nowak, `)).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: 'Download Project plan.pdf' }).press('Enter'),
    ]);
    expect(download.suggestedFilename()).toBe('Project plan.pdf');
    expect(await downloadedText(download)).toBe(PDF.toString('utf8'));

    // A page of HTML is refused by the server, said next to the field; nothing is listed.
    harness.expectFailedRequests(400);
    await workspace.getByLabel('File', { exact: true }).setInputFiles({
      name: 'page.html',
      mimeType: 'text/html',
      buffer: HTML,
    });
    await workspace.getByRole('button', { name: 'Share the file' }).press('Enter');
    await workspace
      .locator('.field-error')
      .getByText(/This file type is not accepted, or its content does not match its name\. Accepted: PDF, PNG/)
      .waitFor();
    expect(await workspace.getByLabel('File', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await workspace.locator('.workspace-item').count()).toBe(1);
    await expectNoAccessibilityViolations(page);

    // Tasks and milestones: reached with the arrow key from the tab list.
    await page.getByRole('tab', { name: 'Files' }).focus();
    await page.keyboard.press('ArrowRight');
    await waitForText(() => selectedTab(page), 'Tasks and milestones');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Tasks and milestones');
    await workspace.getByText('There are no tasks or milestones yet.').waitFor();
    await workspace.getByRole('radio', { name: 'Milestone' }).check();
    await workspace.getByLabel('Title').fill('Visit of the Nuremberg pupils');
    await workspace.getByLabel(/^Owner/).selectOption({ label: `Bernd Weber (${berndOrg.name})` });
    await workspace.getByLabel(/^Due date/).fill('2027-03-05');
    await workspace.getByRole('button', { name: 'Add', exact: true }).press('Enter');
    await workspace.getByText('Added: Visit of the Nuremberg pupils.').waitFor();
    const milestone = workspace.locator('.workspace-item', { hasText: 'Visit of the Nuremberg pupils' });
    expect(await milestone.locator('.workspace-item__title').innerText()).toBe(
      'Milestone Visit of the Nuremberg pupils',
    );
    expect(await milestone.locator('.workspace-item__meta').innerText()).toBe('Due: 5 March 2027 · Owner: Bernd Weber');
    expect(await workspace.getByRole('list', { name: 'To do' }).locator('li').count()).toBe(1);
    await expectNoAccessibilityViolations(page);

    await milestone.getByRole('button', { name: 'Mark as done Visit of the Nuremberg pupils' }).press('Enter');
    await workspace.getByText('Done: Visit of the Nuremberg pupils.').waitFor();
    await workspace
      .getByRole('list', { name: 'Done' })
      .getByRole('button', { name: 'Mark as to do Visit of the Nuremberg pupils' })
      .waitFor();
    await workspace.getByText('Nothing left to do.').waitFor();

    // The calendar: fetched with the session, saved as a file.
    const [calendar] = await Promise.all([
      page.waitForEvent('download'),
      workspace.getByRole('button', { name: 'Download the partnership’s calendar (.ics)' }).press('Enter'),
    ]);
    const ics = await downloadedText(calendar);
    expect(ics).toContain('DTSTART;VALUE=DATE:20270305');
    expect(ics).toContain('SUMMARY:Milestone: Visit of the Nuremberg pupils (done)');

    // The diary: an entry, private until every organisation agrees.
    await page.getByRole('tab', { name: 'Tasks and milestones' }).focus();
    await page.keyboard.press('End');
    await waitForText(() => selectedTab(page), 'Project diary');
    await workspace.getByLabel('Title').fill('Our first video call');
    await workspace.getByLabel(/^Entry/).fill('The pupils met online and planned the visit.');
    await workspace.getByRole('button', { name: 'Add the entry' }).press('Enter');
    await workspace.getByText('The entry was added.').waitFor();
    const entry = workspace.locator('.diary-entry', { hasText: 'Our first video call' });
    await entry.getByText('Not public').waitFor();
    await entry.getByText('0 of 2 organisations agree to publish it').waitFor();
    await entry.getByText(`${berndOrg.name}: not yet`).waitFor();
    // Written in English on an English page: nothing to mark.
    expect(await entry.locator('h4').getAttribute('lang')).toBeNull();
    await entry.getByLabel(`${annaOrg.name} agrees to publish this entry`).press(' ');
    await workspace.getByText('Consent saved.').waitFor();
    await entry.getByText('1 of 2 organisations agree to publish it').waitFor();
    expect(await entry.getByLabel(`${annaOrg.name} agrees to publish this entry`).isChecked()).toBe(true);
    await expectNoAccessibilityViolations(page);

    const stored = await harness.t.dataSource.query<{ language: string }[]>(
      `SELECT language FROM partnership_diary_entries WHERE partnership_id = $1`,
      [partnershipId],
    );
    expect(stored).toEqual([{ language: 'en' }]);
  });

  it('in Polish: the partner gives consent, the entry is published, and a resident reads it without an account', async () => {
    const { anna, bernd, annaOrg, berndOrg, partnershipId, title } = await partners();
    const api = harness.api;
    const entry = (
      await api()
        .post(`/api/v1/partnerships/${partnershipId}/diary`)
        .set(anna.auth)
        .send({ title: 'Our first video call', body: 'The pupils met online and planned the visit.', lang: 'en' })
        .expect(201)
    ).body;
    await api()
      .post(`/api/v1/partnerships/${partnershipId}/diary/${entry.id}/consent`)
      .set(anna.auth)
      .send({ organizationId: annaOrg.id, public: true })
      .expect(200);

    // Before every organisation agrees, the public page has nothing to show.
    const visitor = (await harness.newPage({ language: 'en', bypassCSP: true })).page;
    await visitor.goto(`/partnerships/${partnershipId}`);
    await waitForText(() => heading(visitor), `Partnership: ${title}`);
    await visitor.getByText('The partnership’s organisations have not published any diary entry yet.').waitFor();

    const page = await signedIn(bernd, `/partnerships/${partnershipId}`, 'pl');
    await waitForText(() => heading(page), `Partnerstwo: ${title}`);
    const workspace = page.getByRole('region', { name: 'Przestrzeń robocza' });
    await waitForText(() => selectedTab(page), 'Pliki');
    await page.getByRole('tab', { name: 'Pliki' }).focus();
    await page.keyboard.press('ArrowLeft'); // from the first to the last: the diary
    await waitForText(() => selectedTab(page), 'Dziennik projektu');
    const shown = workspace.locator('.diary-entry', { hasText: 'Our first video call' });
    // An English entry on a Polish page is marked so.
    expect(await shown.locator('h4').getAttribute('lang')).toBe('en');
    expect(await shown.locator('.diary-entry__body').getAttribute('lang')).toBe('en');
    await shown.getByText('1 z 2 organizacji zgadza się na publikację').waitFor();
    await shown.getByText(`${annaOrg.name}: zgadza się`).waitFor();
    await shown.getByText('Niepubliczny').waitFor();
    await expectNoAccessibilityViolations(page);

    await shown.getByLabel(`${berndOrg.name} zgadza się na publikację tego wpisu`).press(' ');
    await workspace.getByText('Wszystkie organizacje się zgadzają: wpis jest opublikowany.').waitFor();
    await shown.getByText('Opublikowany na stronie partnerstwa').waitFor();
    await shown.getByText('2 z 2 organizacji zgadzają się na publikację').waitFor();
    await expectNoAccessibilityViolations(page);

    // Bad input, said in Polish: an entry without a title, a forbidden type.
    harness.expectFailedRequests(400);
    await workspace.getByLabel(/^Treść/).fill('Bez tytułu.');
    await workspace.getByRole('button', { name: 'Dodaj wpis' }).press('Enter');
    await workspace.getByText('Tytuł musi mieć od 1 do 200 znaków.').waitFor();
    await waitUntil(
      () => page.evaluate('document.activeElement?.id'),
      (id) => id === 'diary-title',
      'the invalid field focused',
    );
    await page.getByRole('tab', { name: 'Dziennik projektu' }).focus();
    await page.keyboard.press('Home');
    await waitForText(() => selectedTab(page), 'Pliki');
    await workspace.getByLabel('Plik', { exact: true }).setInputFiles({
      name: 'notatki.txt',
      mimeType: 'text/plain',
      buffer: HTML,
    });
    await workspace.getByRole('button', { name: 'Udostępnij plik' }).press('Enter');
    await workspace
      .locator('.field-error')
      .getByText(/Takiego typu pliku nie przyjmujemy albo jego zawartość nie pasuje do nazwy\. Przyjmowane typy: PDF/)
      .waitFor();
    await expectNoAccessibilityViolations(page);

    // A resident, without an account, in English and in Polish: the published entry, no workspace.
    for (const [language, diary] of [
      ['en', 'Project diary'],
      ['pl', 'Dziennik projektu'],
    ] as const) {
      const resident = (await harness.newPage({ language, bypassCSP: true })).page;
      await resident.goto(`/partnerships/${partnershipId}`);
      const published = resident.getByRole('region', { name: diary });
      await published.getByRole('heading', { name: 'Our first video call' }).waitFor();
      await published.getByText('The pupils met online and planned the visit.').waitFor();
      expect(await published.getByRole('heading', { name: 'Our first video call' }).getAttribute('lang')).toBe(
        language === 'pl' ? 'en' : null,
      );
      expect(await resident.getByRole('tablist').count()).toBe(0);
      await expectNoAccessibilityViolations(resident);
    }
  });

  it('removes an organisation from the partnership after asking, and the list updates', async () => {
    const { anna, bernd, berndOrg, partnershipId, title } = await partners();
    const page = await signedIn(anna, `/partnerships/${partnershipId}`);
    await waitForText(() => heading(page), `Partnership: ${title}`);
    const participants = page.getByRole('region', { name: 'Participants' });
    await participants.getByRole('link', { name: berndOrg.name }).waitFor();
    await participants.getByRole('button', { name: `Remove from the partnership ${berndOrg.name}` }).press('Enter');
    await participants.getByText(`Remove ${berndOrg.name} from the partnership?`, { exact: false }).waitFor();
    await expectNoAccessibilityViolations(page);
    await participants.getByRole('button', { name: 'Yes, remove it' }).press('Enter');
    await page.getByText(`${berndOrg.name} no longer takes part in the partnership.`).waitFor();
    await waitUntil(
      () => participants.getByRole('link', { name: berndOrg.name }).count(),
      (n) => n === 0,
      'the organisation gone from the participants',
    );
    await expectNoAccessibilityViolations(page);
    // Its people's workspace is closed at once.
    await harness.api().get(`/api/v1/partnerships/${partnershipId}/files`).set(bernd.auth).expect(404);
  });
});
