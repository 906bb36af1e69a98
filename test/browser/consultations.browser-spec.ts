/**
 * Commenting on a consultation in a real browser, in English and in Polish, by keyboard: a
 * signed-in resident who belongs to no organisation finds the consultation from the main
 * navigation, reads it, comments on a section and supports another person's comment; the City's
 * response shows under the comments it answers; axe finds nothing on the way.
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
let admin: SignedIn;
let editor: SignedIn;
let neighbour: SignedIn;
const residents: Record<Language, SignedIn> = {} as Record<Language, SignedIn>;
const consultations: Record<
  Language,
  { id: string; sections: { id: number; headingPl: string; headingEn: string }[] }
> = {} as never;
/** The neighbour writes in the other language than the page's: the page marks it so. */
const OTHER: Record<Language, Language> = { en: 'pl', pl: 'en' };
const NEIGHBOUR_COMMENT: Record<Language, string> = {
  en: 'Proszę uwzględnić wymiany szkół zawodowych.',
  pl: 'Please include exchanges of vocational schools.',
};

beforeAll(async () => {
  const api = harness.api;
  admin = await signUp(harness.t, 'admin@consultation.test', { role: 'admin' });
  editor = await signUp(harness.t, 'editor@consultation.test', { role: 'moderator', displayName: 'Ewa Redaktorka' });
  neighbour = await signUp(harness.t, 'neighbour@consultation.test', { displayName: 'Anna Sąsiadka' });
  residents.en = await signUp(harness.t, 'resident.en@consultation.test', { displayName: 'Robin Resident' });
  residents.pl = await signUp(harness.t, 'resident.pl@consultation.test', {
    displayName: 'Jan Mieszkaniec',
    locale: 'pl',
  });
  await api().put(`/api/v1/staff/${editor.id}/grants/registry_editor`).set(admin.auth).expect(204);
  for (const language of ['en', 'pl'] as const) {
    const created = await api()
      .post('/api/v1/consultations')
      .set(editor.auth)
      .send({
        subject: 'goals',
        titlePl: `Konsultacje celów (${language})`,
        titleEn: `Consultation on the goals (${language})`,
        descriptionPl: 'Czy cele współpracy są właściwe? Skomentuj każdy z nich.',
        descriptionEn: 'Are the cooperation goals the right ones? Comment on each of them.',
        opensAt: new Date(Date.now() - 3600_000).toISOString(),
        closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      })
      .expect(201);
    const opened = await api().post(`/api/v1/consultations/${created.body.id}/open`).set(editor.auth).expect(200);
    consultations[language] = opened.body;
    const [first] = opened.body.sections;
    const posted = await api()
      .post(`/api/v1/consultations/${created.body.id}/comments`)
      .set(neighbour.auth)
      .send({ sectionId: first.id, body: NEIGHBOUR_COMMENT[language], lang: OTHER[language] })
      .expect(201);
    await api()
      .post(`/api/v1/consultations/${created.body.id}/responses`)
      .set(editor.auth)
      .send({
        commentIds: [posted.body.id],
        bodyPl: 'Dziękujemy, nowy program to uwzględni.',
        bodyEn: 'Thank you, the new programme will include it.',
      })
      .expect(201);
  }
});

async function signedIn(user: SignedIn, language: Language): Promise<Page> {
  const page = await harness.visit('/login', { language, bypassCSP: true });
  await logInThroughForm(page, user.email, PASSWORD, language);
  await accountNav(page, language).locator('.account-nav__name').waitFor();
  // Logging in ends on the person's organisations (none yet): the page has settled there.
  await waitForText(() => heading(page), language === 'pl' ? 'Moje organizacje' : 'My organisations');
  return page;
}

const TEXT = {
  en: {
    nav: 'Consultations',
    list: 'Public consultations',
    commentLabel: (heading: string) => `Comment on: ${heading}`,
    send: 'Add the comment',
    sent: 'Comment added.',
    mine: 'Your comment',
    support: 'Support the comment by Anna Sąsiadka',
    supported: 'You support this comment',
    supports: '1 support',
    withdraw: 'Withdraw my support (the comment by Anna Sąsiadka)',
    withdrawn: 'Support withdrawn.',
    response: 'Thank you, the new programme will include it.',
    comment: 'The goal should name partner cities in Ukraine.',
    heading: (s: { headingEn: string }) => s.headingEn,
  },
  pl: {
    nav: 'Konsultacje',
    list: 'Konsultacje społeczne',
    commentLabel: (heading: string) => `Komentarz do części: ${heading}`,
    send: 'Dodaj komentarz',
    sent: 'Komentarz dodany.',
    mine: 'Twój komentarz',
    support: 'Popieram komentarz: Anna Sąsiadka',
    supported: 'Popierasz ten komentarz',
    supports: '1 poparcie',
    withdraw: 'Wycofaj poparcie (komentarz: Anna Sąsiadka)',
    withdrawn: 'Poparcie wycofane.',
    response: 'Dziękujemy, nowy program to uwzględni.',
    comment: 'Cel powinien wymieniać miasta partnerskie na Ukrainie.',
    heading: (s: { headingPl: string }) => s.headingPl,
  },
} as const;

describe.each(['en', 'pl'] as const)('commenting on a consultation (%s)', (language) => {
  it('a resident without an organisation reads it, comments on a section and supports another comment, by keyboard', async () => {
    const text = TEXT[language];
    const consultation = consultations[language];
    const title = language === 'pl' ? `Konsultacje celów (${language})` : `Consultation on the goals (${language})`;
    const page = await signedIn(residents[language], language);

    // From the main navigation to the list, then to the consultation, by keyboard.
    await page.getByRole('navigation').getByRole('link', { name: text.nav, exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), text.list);
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: title }).focus();
    await page.keyboard.press('Enter');
    await waitForText(() => heading(page), title);

    // Reading: the neighbour's comment, marked with its language, and the City's response under it.
    const first = consultation.sections[0];
    const section = page.getByRole('region', { name: text.heading(first) });
    const theirs = section.locator('.consultation-comment').filter({ hasText: NEIGHBOUR_COMMENT[language] });
    await theirs.waitFor();
    expect(await theirs.locator('.consultation-comment__body').getAttribute('lang')).toBe(OTHER[language]);
    await section.getByText(text.response).waitFor();
    await expectNoAccessibilityViolations(page);

    // Commenting on the first section.
    const field = page.getByLabel(text.commentLabel(text.heading(first)));
    await field.focus();
    await page.keyboard.type(text.comment);
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement
            .textContent,
      ),
    ).toBe(text.send);
    await page.keyboard.press('Enter');
    await section.getByText(text.sent).waitFor();
    const mine = section.locator('.consultation-comment').filter({ hasText: text.comment });
    await mine.getByText(text.mine).waitFor();
    expect(await mine.locator('.consultation-comment__body').getAttribute('lang')).toBeNull();
    expect(await field.inputValue()).toBe('');
    // One's own comment offers no "Support".
    expect(await mine.getByRole('button', { name: new RegExp(text.support.split(' ')[0]) }).count()).toBe(0);

    // Supporting the neighbour's comment.
    await theirs.getByRole('button', { name: text.support }).focus();
    await page.keyboard.press('Enter');
    await theirs.getByText(text.supported).waitFor();
    await theirs.getByText(text.supports, { exact: true }).waitFor();
    await expectNoAccessibilityViolations(page);
    // Withdrawing the support, and giving it again.
    await theirs.getByRole('button', { name: text.withdraw }).focus();
    await page.keyboard.press('Enter');
    await theirs.getByText(text.withdrawn).waitFor();
    await theirs.getByRole('button', { name: text.support }).focus();
    await page.keyboard.press('Enter');
    await theirs.getByText(text.supports, { exact: true }).waitFor();

    const stored = await harness.t.dataSource.query<{ body: string; language: string }[]>(
      `SELECT body, language FROM consultation_comments WHERE author_id = $1`,
      [residents[language].id],
    );
    expect(stored).toEqual([{ body: text.comment, language }]);
  });
});

describe('running a consultation', () => {
  it('a registry editor creates a draft document, opens it, responds to two comments together, closes it and publishes the final report', async () => {
    const page = await harness.visit('/login', { language: 'en', bypassCSP: true });
    await logInThroughForm(page, editor.email, PASSWORD, 'en');
    await accountNav(page).locator('.account-nav__name').waitFor();
    await accountNav(page).getByRole('link', { name: 'Running consultations' }).click();
    await waitForText(() => heading(page), 'Running consultations');
    await expectNoAccessibilityViolations(page);

    const form = page.getByRole('form', { name: 'New consultation' });
    await form.getByLabel('What it is about').selectOption('document');
    await form.getByLabel('Title in Polish').fill('Projekt programu współpracy 2027');
    await form.getByLabel('Title in English').fill('Draft cooperation programme 2027');
    await form.getByLabel('Description in Polish').fill('Prosimy o uwagi do projektu programu.');
    await form.getByLabel('Description in English').fill('We ask for comments on the draft programme.');
    await form.getByLabel('Opens').fill('2026-01-01T09:00');
    await form.getByLabel('Closes').fill('2036-01-01T09:00');
    await form.getByLabel('Heading in Polish').fill('1. Cele');
    await form.getByLabel('Heading in English').fill('1. Goals');
    await form.getByLabel('Text in Polish').fill('Cele programu.');
    await form.getByLabel('Text in English').fill('The goals of the programme.');
    await form.getByRole('button', { name: 'Create the draft' }).press('Enter');
    await page.getByText('The draft is created.').waitFor();
    await expectNoAccessibilityViolations(page);
    await page.getByRole('link', { name: /^Run\s*:\s*Draft cooperation programme 2027$/ }).click();
    await waitForText(() => heading(page), 'Draft cooperation programme 2027');
    await page.getByRole('button', { name: 'Open the consultation' }).click();
    await page.getByRole('button', { name: 'Open the consultation' }).click();
    await page.getByText('The consultation is open.').waitFor();

    // Two residents comment (through the API), and the editor answers both at once.
    const [{ id }] = await harness.t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM consultations WHERE title_en = 'Draft cooperation programme 2027'`,
    );
    const [section] = await harness.t.dataSource.query<{ id: number }[]>(
      `SELECT id FROM consultation_sections WHERE consultation_id = $1`,
      [id],
    );
    for (const [who, body] of [
      [residents.en, 'Add school exchanges.'],
      [neighbour, 'Dodać wymiany szkół.'],
    ] as const)
      await harness
        .api()
        .post(`/api/v1/consultations/${id}/comments`)
        .set(who.auth)
        .send({ sectionId: section.id, body })
        .expect(201);
    await page.reload();
    await waitForText(() => heading(page), 'Draft cooperation programme 2027');
    const respond = page.getByRole('form', { name: 'Respond to comments' });
    await respond.getByLabel(/Add school exchanges/).check();
    await respond.getByLabel(/Dodać wymiany szkół/).check();
    await respond.getByLabel('Response in Polish').fill('Program obejmie wymiany szkół.');
    await respond.getByLabel('Response in English').fill('The programme will include school exchanges.');
    await expectNoAccessibilityViolations(page);
    await respond.getByRole('button', { name: 'Publish the response' }).click();
    await page.getByText('The response is published.').waitFor();
    const [response] = await harness.t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM consultation_response_comments rc JOIN consultation_responses r ON r.id = rc.response_id WHERE r.consultation_id = $1`,
      [id],
    );
    expect(response.n).toBe(2);

    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByText('The consultation is closed.').waitFor();
    const report = page.getByRole('form', { name: 'Final report' });
    await report.getByLabel('Final report in Polish').fill('Wpłynęły dwa komentarze; program uzupełniono.');
    await report.getByLabel('Final report in English').fill('Two comments came; the programme was completed.');
    await report.getByRole('button', { name: 'Publish the final report' }).click();
    await page.getByText('The final report is published.').waitFor();

    // The public page shows the response under the two comments, and the report.
    await page.getByRole('link', { name: 'See the public page' }).click();
    await waitForText(() => heading(page), 'Draft cooperation programme 2027');
    await page.getByText("The City's response to 2 comments").waitFor();
    await page.getByText('Two comments came; the programme was completed.').waitFor();
    await expectNoAccessibilityViolations(page);
  });
});

describe('correcting a planned consultation', () => {
  it('a registry editor, in Polish and by keyboard, corrects the title and the end of a draft and sees them saved', async () => {
    // An editor whose account is in Polish: the interface follows it after logging in.
    const polish = await signUp(harness.t, 'redaktorka@consultation.test', {
      role: 'moderator',
      displayName: 'Ewa Polska',
      locale: 'pl',
    });
    await harness.api().put(`/api/v1/staff/${polish.id}/grants/registry_editor`).set(admin.auth).expect(204);
    const created = await harness
      .api()
      .post('/api/v1/consultations')
      .set(editor.auth)
      .send({
        subject: 'goals',
        titlePl: 'Konsultacje celow 2027',
        titleEn: 'Consultation on the goals 2027',
        descriptionPl: 'Czy cele współpracy są właściwe? Skomentuj każdy z nich.',
        descriptionEn: 'Are the cooperation goals the right ones? Comment on each of them.',
        opensAt: '2035-03-01T08:00:00.000Z',
        closesAt: '2035-03-31T20:00:00.000Z',
      })
      .expect(201);
    const id: string = created.body.id;
    const page = await signedIn(polish, 'pl');
    await page.goto(new URL(`/office/consultations/${id}`, page.url()).toString());
    await waitForText(() => heading(page), 'Konsultacje celow 2027');

    // "Edytuj" opens the creation form, filled, and takes the focus there.
    await page.getByRole('button', { name: 'Edytuj', exact: true }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edycja konsultacji' });
    await form.waitFor();
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { textContent: string } } }).document.activeElement
            .textContent,
      ),
    ).toBe('Edycja konsultacji');
    const title = form.getByLabel('Tytuł po polsku');
    expect(await title.inputValue()).toBe('Konsultacje celow 2027');
    expect(await form.getByLabel('Tytuł po angielsku').inputValue()).toBe('Consultation on the goals 2027');
    // The subject is not offered: it does not change.
    expect(await form.getByLabel('Czego dotyczą').count()).toBe(0);
    await expectNoAccessibilityViolations(page);

    // The end before the start is refused beside the form, in Polish, and nothing is saved.
    harness.expectFailedRequests(400);
    const end = form.getByLabel('Koniec');
    await end.fill('2035-02-01T12:00');
    await form.getByRole('button', { name: 'Zapisz zmiany' }).focus();
    await page.keyboard.press('Enter');
    await form.getByText('Koniec okresu musi być po jego początku.').first().waitFor();
    await expectNoAccessibilityViolations(page);

    // Corrected by keyboard: the title retyped, the end moved, saved with Enter.
    await title.focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Konsultacje celów współpracy 2027');
    await end.fill('2035-04-15T18:00');
    await form.getByRole('button', { name: 'Zapisz zmiany' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Zmiany zapisane.').waitFor();
    await waitForText(() => heading(page), 'Konsultacje celów współpracy 2027');
    expect(await form.count()).toBe(0);
    await page.getByText(/15 kwietnia 2035/).waitFor();
    await expectNoAccessibilityViolations(page);

    const expectedEnd = await page.evaluate(() => new Date('2035-04-15T18:00').toISOString());
    const [row] = await harness.t.dataSource.query<
      { title_pl: string; title_en: string; opens_at: Date; closes_at: Date }[]
    >(`SELECT title_pl, title_en, opens_at, closes_at FROM consultations WHERE id = $1`, [id]);
    expect({ ...row, opens_at: row.opens_at.toISOString(), closes_at: row.closes_at.toISOString() }).toEqual({
      title_pl: 'Konsultacje celów współpracy 2027',
      title_en: 'Consultation on the goals 2027',
      opens_at: '2035-03-01T08:00:00.000Z',
      closes_at: expectedEnd,
    });
    // Still so after a reload.
    await page.reload();
    await waitForText(() => heading(page), 'Konsultacje celów współpracy 2027');
  });
});
