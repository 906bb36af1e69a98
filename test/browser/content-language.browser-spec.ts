/**
 * Content in both languages in a real browser (the system's Chromium), checked with axe-core in
 * both interfaces: an author gives a Polish initiative an English title, which an English reader
 * gets (in English, marked so) and a Polish reader does not (the original, in Polish); a text shown
 * in another language than the page's is marked with its language and "original in ..."; city
 * notes and agreement titles carry their language; places are named in the reader's language;
 * partnerships and interests name an initiative in the reader's version, else the marked original;
 * a partnership's channel and the notifications are worded in the reader's language of the moment
 * (switching language re-words the old ones), with the quoted title and message marked; a
 * moderator's reason for hiding a chat message, and their comment on an initiative (in its
 * moderation note and its status history), are marked with their language.
 */
import type { Locator, Page } from 'playwright-core';
import { PASSWORD, signUp, verifiedOrganization } from '../support/accounts';
import { waitUntil } from './browser';
import {
  browserHarness,
  expectNoAccessibilityViolations,
  heading,
  logInThroughForm,
  waitForText,
  type Language,
} from './harness';

jest.setTimeout(120_000);

const harness = browserHarness();
const { api, address, visit } = harness;

/** The language a screen reader reads an element in: its own `lang` or the nearest ancestor's. */
const languageOf = (element: Locator) => element.evaluate((node) => node.closest('[lang]')?.getAttribute('lang'));

async function loggedIn(email: string, path: string, language: Language): Promise<Page> {
  const page = await visit(`/login#next=${encodeURIComponent(path)}`, { language, bypassCSP: true });
  await logInThroughForm(page, email, PASSWORD, language);
  await waitUntil(
    () => page.locator('.account-nav__name').count(),
    (n) => n === 1,
    'the name in the header',
  );
  return page;
}

describe('second-language versions and the language of texts', () => {
  it('an author adds an English title to a Polish initiative: English readers get it in English, Polish readers the original', async () => {
    const owner = await signUp(harness.t, address('ola'), { displayName: 'Ola Autorka', locale: 'pl' });
    const moderator = await signUp(harness.t, address('marek'), { role: 'moderator' });
    const school = await verifiedOrganization(harness.t, owner, moderator, {
      name: 'Polska Szkoła w Norymberdze',
      cityKey: 'nuremberg',
    });
    const polish = {
      title: 'Wymiana szkół o klimacie',
      summary: 'Uczniowie z Krakowa i Norymbergi wspólnie badają klimat swoich miast.',
    };
    const created = await api()
      .post('/api/v1/initiatives')
      .set(owner.auth)
      .send({
        organizationId: school.id,
        kind: 'exchange',
        language: 'pl',
        ...polish,
        areas: ['education'],
        languages: ['pl', 'de'],
      })
      .expect(201);
    const id = created.body.id as string;
    await api().post(`/api/v1/initiatives/${id}/submit`).set(owner.auth).expect(200);
    await api().post(`/api/v1/initiatives/${id}/publish`).set(moderator.auth).send({}).expect(200);

    // The author, in the Polish interface, gives the English title on the edit screen.
    const author = await loggedIn(owner.email, `/initiatives/${id}/edit`, 'pl');
    await waitForText(() => heading(author), `Edycja: ${polish.title}`);
    expect(await author.getByLabel('Język tekstów').inputValue()).toBe('pl');
    expect(await author.getByRole('group', { name: 'Wersja angielska' }).isVisible()).toBe(true);
    const englishTitle = author.getByLabel('Tytuł po angielsku');
    expect(await englishTitle.getAttribute('lang')).toBe('en');
    await expectNoAccessibilityViolations(author);
    await englishTitle.fill('School exchange on the climate');
    await author.getByRole('button', { name: 'Zapisz zmiany' }).click();
    // Saved: the initiative's page, for a Polish reader, shows the original.
    await waitForText(() => heading(author), polish.title);

    const english = await visit(`/initiatives/${id}`, { language: 'en', bypassCSP: true });
    const englishHeading = english.getByRole('heading', { level: 1 });
    await waitForText(() => englishHeading.textContent(), 'School exchange on the climate');
    expect(await languageOf(englishHeading)).toBe('en');
    // No English summary: the Polish original, marked as Polish and as the original.
    const summary = english.locator('.initiative__summary');
    expect(await languageOf(summary.getByText(polish.summary))).toBe('pl');
    expect(await summary.innerText()).toContain('(original in Polish)');
    expect(await english.locator('.initiative-header').innerText()).not.toContain('original in');
    expect(await english.locator('.initiative').innerText()).toContain('Nuremberg');
    await expectNoAccessibilityViolations(english);

    const reader = await visit(`/initiatives/${id}`, { language: 'pl', bypassCSP: true });
    const readerHeading = reader.getByRole('heading', { level: 1 });
    await waitForText(() => readerHeading.textContent(), polish.title);
    expect(await languageOf(readerHeading)).toBe('pl');
    expect(await languageOf(reader.getByText(polish.summary))).toBe('pl');
    expect(await reader.locator('.initiative').innerText()).not.toContain('oryginał');
    expect(await reader.locator('.initiative').innerText()).toContain('Norymberga');
    await expectNoAccessibilityViolations(reader);

    // In the search, each reader gets their version too.
    const search = await visit('/initiatives', { language: 'en' });
    const card = search.locator('.initiative-card').filter({ hasText: 'School exchange on the climate' });
    await card.waitFor();
    expect(await languageOf(card.getByRole('link', { name: 'School exchange on the climate' }))).toBe('en');
    expect(await languageOf(card.locator('.initiative-card__summary'))).toBe('pl');
  });

  it("marks a moderator's Polish comment on an initiative as Polish for its English-speaking author, in the note and the history", async () => {
    const owner = await signUp(harness.t, address('ben'), { displayName: 'Ben Author', locale: 'en' });
    const moderator = await signUp(harness.t, address('ewa'), { role: 'moderator' });
    const school = await verifiedOrganization(harness.t, owner, moderator, {
      name: 'Bridge School Nuremberg',
      cityKey: 'nuremberg',
      languages: ['de', 'en'],
    });
    const created = await api()
      .post('/api/v1/initiatives')
      .set(owner.auth)
      .send({
        organizationId: school.id,
        kind: 'exchange',
        language: 'en',
        title: 'Bridges of two cities',
        summary: 'Pupils from Nuremberg and Kraków draw and compare the bridges of their cities.',
        areas: ['education'],
        languages: ['en', 'pl'],
      })
      .expect(201);
    const id = created.body.id as string;
    await api().post(`/api/v1/initiatives/${id}/submit`).set(owner.auth).expect(200);
    const comment = 'Proszę dopisać, która szkoła w Krakowie weźmie udział.';
    await api()
      .post(`/api/v1/initiatives/${id}/request-changes`)
      .set(moderator.auth)
      .send({ comment, lang: 'pl' })
      .expect(200);

    const page = await loggedIn(owner.email, `/initiatives/${id}`, 'en');
    await waitForText(() => heading(page), 'Bridges of two cities');
    const note = page.locator('.initiative-status-comment__text');
    await waitForText(() => note.textContent(), comment);
    expect(await note.getAttribute('lang')).toBe('pl');
    // In the history only the moderator's words are Polish; the label before them is the page's English.
    const entry = page.locator('.initiative-history__comment');
    await waitForText(() => entry.innerText(), `Comment: ${comment}`);
    expect(await entry.getAttribute('lang')).toBeNull();
    expect(await languageOf(entry)).toBe('en');
    expect(await entry.getByText(comment).getAttribute('lang')).toBe('pl');
    await expectNoAccessibilityViolations(page);
  });

  it('marks Polish agreement titles on an English city page, and shows the notes in the reader’s language', async () => {
    const english = await visit('/cities/nuremberg', { language: 'en', bypassCSP: true });
    await waitForText(() => heading(english), 'Nuremberg');
    const titles = english.locator('.timeline__title q');
    await titles.first().waitFor();
    expect(await titles.count()).toBeGreaterThan(0);
    for (const title of await titles.all()) expect(await title.getAttribute('lang')).toBe('pl');
    expect(await english.locator('.timeline__title').first().innerText()).toContain('(original in Polish)');
    const englishNotes = english.locator('ul.notes');
    expect(await englishNotes.innerText()).toContain('124 tram cars donated to MPK since 1988');
    expect(await languageOf(englishNotes)).toBe('en');
    await expectNoAccessibilityViolations(english);

    const polish = await visit('/cities/nuremberg', { language: 'pl', bypassCSP: true });
    await waitForText(() => heading(polish), 'Norymberga');
    const polishNotes = polish.locator('ul.notes');
    await polishNotes.waitFor();
    expect(await polishNotes.innerText()).toContain(
      'Dom Krakowski w Norymberdze i Dom Norymberski w Krakowie od 1996 r.',
    );
    expect(await languageOf(polishNotes)).toBe('pl');
    expect(await polish.locator('main').innerText()).not.toContain('oryginał');
    await expectNoAccessibilityViolations(polish);
  });

  it("names an initiative in partnerships and interests in each reader's language, marking the original", async () => {
    const moderator = await signUp(harness.t, address('mod'), { role: 'moderator' });
    const polishOwner = await signUp(harness.t, address('basia'), { displayName: 'Basia Nowak', locale: 'pl' });
    const englishOwner = await signUp(harness.t, address('jonas'), { displayName: 'Jonas Weber', locale: 'en' });
    const krakow = await verifiedOrganization(harness.t, polishOwner, moderator, { name: 'Szkoła Podstawowa nr 12' });
    const nuremberg = await verifiedOrganization(harness.t, englishOwner, moderator, {
      name: 'Dürer School',
      cityKey: 'nuremberg',
      languages: ['de', 'en'],
    });
    const publish = async (body: Record<string, unknown>) => {
      const created = await api()
        .post('/api/v1/initiatives')
        .set(polishOwner.auth)
        .send({
          organizationId: krakow.id,
          kind: 'exchange',
          language: 'pl',
          summary: 'Uczniowie z Krakowa i Norymbergi pracują razem przez cały rok szkolny.',
          areas: ['education'],
          languages: ['pl', 'en'],
          ...body,
        })
        .expect(201);
      const id = created.body.id as string;
      await api().post(`/api/v1/initiatives/${id}/submit`).set(polishOwner.auth).expect(200);
      await api().post(`/api/v1/initiatives/${id}/publish`).set(moderator.auth).send({}).expect(200);
      return id;
    };
    const translated = await publish({
      title: 'Wymiana szkół o przyrodzie',
      translations: { en: { title: 'School exchange on nature' } },
    });
    const untranslated = await publish({ title: 'Ogrody szkolne w dwóch miastach' });
    const express = async (initiativeId: string) =>
      (
        await api()
          .post(`/api/v1/initiatives/${initiativeId}/interests`)
          .set(englishOwner.auth)
          .send({ organizationId: nuremberg.id, message: 'Our pupils would love to take part in this.' })
          .expect(201)
      ).body as { id: string };
    const accepted = await express(translated);
    await express(untranslated);
    await api().post(`/api/v1/interests/${accepted.id}/accept`).set(polishOwner.auth).send({}).expect(200);
    const partnershipId = (await api().get('/api/v1/me/partnerships').set(englishOwner.auth).expect(200)).body.items[0]
      .id as string;

    // The English reader's interests: the English version, and the Polish original marked as such.
    const sent = await loggedIn(englishOwner.email, '/interests', 'en');
    const sentList = sent.locator('section[aria-labelledby="sent-heading"]');
    const english = sentList.getByRole('link', { name: 'School exchange on nature' });
    await english.waitFor();
    expect(await languageOf(english)).toBe('en');
    const original = sentList.getByRole('link', { name: 'Ogrody szkolne w dwóch miastach' });
    expect(await languageOf(original)).toBe('pl');
    const item = (title: string) => sentList.locator('li.interest-item').filter({ hasText: title }).locator('h3');
    expect(await item('Ogrody szkolne w dwóch miastach').innerText()).toContain('(original in Polish)');
    expect(await item('School exchange on nature').innerText()).not.toContain('original in');
    await expectNoAccessibilityViolations(sent);

    // Their partnerships, and the partnership's own page, in English.
    await sent.goto('/partnerships');
    const listed = sent.getByRole('link', { name: 'School exchange on nature' });
    await listed.waitFor();
    expect(await languageOf(listed)).toBe('en');
    await expectNoAccessibilityViolations(sent);
    await sent.goto(`/partnerships/${partnershipId}`);
    await waitForText(() => heading(sent), 'Partnership: School exchange on nature');
    await expectNoAccessibilityViolations(sent);

    // The Polish owner gets the Polish original, in a Polish page: nothing to mark.
    const owner = await loggedIn(polishOwner.email, `/partnerships/${partnershipId}`, 'pl');
    await waitForText(() => heading(owner), 'Partnerstwo: Wymiana szkół o przyrodzie');
    const title = owner.getByRole('link', { name: 'Wymiana szkół o przyrodzie' });
    expect(await languageOf(title)).toBe('pl');
    expect(await owner.locator('main').innerText()).not.toContain('oryginał');
    await expectNoAccessibilityViolations(owner);
    await owner.goto('/interests');
    const incoming = owner.locator('section[aria-labelledby="incoming-heading"]');
    const pending = incoming.getByRole('link', { name: 'Ogrody szkolne w dwóch miastach' });
    await pending.waitFor();
    expect(await languageOf(pending)).toBe('pl');
    await expectNoAccessibilityViolations(owner);
  });
  it("words a partnership's channel and old notifications in the reader's language, marking the quoted title", async () => {
    const moderator = await signUp(harness.t, address('mod2'), { role: 'moderator' });
    const polishOwner = await signUp(harness.t, address('ala'), { displayName: 'Ala Chórzystka', locale: 'pl' });
    const englishOwner = await signUp(harness.t, address('lena'), { displayName: 'Lena Vogel', locale: 'en' });
    const krakow = await verifiedOrganization(harness.t, polishOwner, moderator, { name: 'Szkoła Muzyczna nr 2' });
    const nuremberg = await verifiedOrganization(harness.t, englishOwner, moderator, {
      name: 'Pachelbel-Gymnasium',
      cityKey: 'nuremberg',
      languages: ['de', 'en'],
    });
    // Written in German, with a Polish version and no English one.
    const german = 'Schulchöre gemeinsam';
    const polish = 'Wspólne chóry szkolne';
    const created = await api()
      .post('/api/v1/initiatives')
      .set(englishOwner.auth)
      .send({
        organizationId: nuremberg.id,
        kind: 'exchange',
        language: 'de',
        title: german,
        summary: 'Schulchöre aus Nürnberg und Krakau proben und singen ein Jahr lang gemeinsam.',
        translations: { pl: { title: polish } },
        areas: ['culture'],
        languages: ['de', 'pl', 'en'],
      })
      .expect(201);
    const initiativeId = created.body.id as string;
    await api().post(`/api/v1/initiatives/${initiativeId}/submit`).set(englishOwner.auth).expect(200);
    await api().post(`/api/v1/initiatives/${initiativeId}/publish`).set(moderator.auth).send({}).expect(200);
    const interest = await api()
      .post(`/api/v1/initiatives/${initiativeId}/interests`)
      .set(polishOwner.auth)
      .send({ organizationId: krakow.id, message: 'Nasz chór chętnie dołączy do projektu.' })
      .expect(201);
    await api().post(`/api/v1/interests/${interest.body.id}/accept`).set(englishOwner.auth).send({}).expect(200);
    const partnership = (await api().get('/api/v1/me/partnerships').set(englishOwner.auth).expect(200)).body
      .items[0] as { channelId: number };
    await api()
      .post(`/api/v1/channels/${partnership.channelId}/messages`)
      .set(polishOwner.auth)
      .send({ body: 'Próba w sobotę o 10.', clientId: 'browser-language-1', lang: 'pl' })
      .expect(201);
    // The message's notification is written after the send: wait for it before reading the bell.
    await waitUntil(
      async () =>
        (await api().get('/api/v1/notifications').set(englishOwner.auth).expect(200)).body.items.length as number,
      (n) => n === 4,
      "the owner's four notifications (verified, published, the interest, the message)",
    );

    // In English: no English version, so the German original, marked as German.
    const page = await loggedIn(englishOwner.email, `/channels/${partnership.channelId}`, 'en');
    const h1 = page.getByRole('heading', { level: 1 });
    await waitForText(() => h1.textContent(), `Partnership: ${german}`);
    expect(await languageOf(h1.getByText(german))).toBe('de');
    await expectNoAccessibilityViolations(page);

    const bell = page.locator('.bell__button');
    await page.getByRole('button', { name: 'Notifications: 4 unread', exact: true }).waitFor();
    await bell.click();
    const panel = page.getByRole('dialog', { name: 'Notifications' });
    const titles = panel.locator('.bell__title');
    await titles.first().waitFor();
    expect(await titles.allInnerTexts()).toEqual([
      `New message in the partnership: ${german}`,
      `Interest in: ${german}`,
      `Published: ${german}`,
      'Verified: Pachelbel-Gymnasium',
    ]);
    for (const title of (await titles.all()).slice(0, 3)) expect(await languageOf(title.getByText(german))).toBe('de');
    const bodies = panel.locator('.bell__body');
    expect(await bodies.allInnerTexts()).toEqual([
      'Ala Chórzystka: Próba w sobotę o 10.',
      'Szkoła Muzyczna nr 2 (Kraków, Poland): Nasz chór chętnie dołączy do projektu.',
      'Everyone can see the initiative now.',
      'You can publish initiatives now.',
    ]);
    // The message carries the language its author wrote it in.
    expect(await languageOf(bodies.first().getByText('Próba w sobotę o 10.'))).toBe('pl');
    await expectNoAccessibilityViolations(page);

    // Switching to Polish words the same notifications again, now with the Polish version.
    await page.getByRole('button', { name: 'Polski' }).click();
    await waitForText(() => h1.textContent(), `Partnerstwo: ${polish}`);
    expect(await languageOf(h1.getByText(polish))).toBe('pl');
    if ((await bell.getAttribute('aria-expanded')) !== 'true') await bell.click();
    const polishPanel = page.getByRole('dialog', { name: 'Powiadomienia' });
    const polishTitles = polishPanel.locator('.bell__title');
    await waitUntil(
      () => polishTitles.allInnerTexts(),
      (texts) =>
        JSON.stringify(texts) ===
        JSON.stringify([
          `Nowa wiadomość w partnerstwie: ${polish}`,
          `Zainteresowanie: ${polish}`,
          `Opublikowano: ${polish}`,
          'Zweryfikowano: Pachelbel-Gymnasium',
        ]),
      'the notifications in Polish',
    );
    for (const title of (await polishTitles.all()).slice(0, 3))
      expect(await languageOf(title.getByText(polish))).toBe('pl');
    expect(await polishPanel.locator('.bell__body').allInnerTexts()).toEqual([
      'Ala Chórzystka: Próba w sobotę o 10.',
      'Szkoła Muzyczna nr 2 (Kraków, Polska): Nasz chór chętnie dołączy do projektu.',
      'Inicjatywa jest widoczna dla wszystkich.',
      'Możecie publikować inicjatywy.',
    ]);
    await expectNoAccessibilityViolations(page);
  });
  it('marks a letter, its reply, a meeting message and a chat message with the language their author wrote them in', async () => {
    const moderator = await signUp(harness.t, address('mod3'), { role: 'moderator' });
    const polishOwner = await signUp(harness.t, address('zosia'), { displayName: 'Zosia Ogrodniczka', locale: 'pl' });
    const englishOwner = await signUp(harness.t, address('tom'), { displayName: 'Tom Gardener', locale: 'en' });
    const krakow = await verifiedOrganization(harness.t, polishOwner, moderator, { name: 'Szkoła Ogrodnicza nr 5' });
    const nuremberg = await verifiedOrganization(harness.t, englishOwner, moderator, {
      name: 'Garden School Nuremberg',
      cityKey: 'nuremberg',
      languages: ['de', 'en'],
    });
    const created = await api()
      .post('/api/v1/initiatives')
      .set(englishOwner.auth)
      .send({
        organizationId: nuremberg.id,
        kind: 'exchange',
        language: 'en',
        title: 'School gardens across borders',
        summary: 'Pupils from Nuremberg and Kraków grow vegetables together and compare their harvests.',
        areas: ['education'],
        languages: ['en', 'pl'],
      })
      .expect(201);
    const initiativeId = created.body.id as string;
    await api().post(`/api/v1/initiatives/${initiativeId}/submit`).set(englishOwner.auth).expect(200);
    await api().post(`/api/v1/initiatives/${initiativeId}/publish`).set(moderator.auth).send({}).expect(200);
    const letter = 'Nasi uczniowie chętnie posadzą z wami warzywa.';
    await api()
      .post(`/api/v1/initiatives/${initiativeId}/interests`)
      .set(polishOwner.auth)
      .send({ organizationId: krakow.id, message: letter, lang: 'pl' })
      .expect(201);

    // In English, the Polish letter is marked Polish; the answer typed here goes out as English.
    const english = await loggedIn(englishOwner.email, '/interests', 'en');
    const incoming = english.locator('section[aria-labelledby="incoming-heading"]');
    const letterText = incoming.getByText(letter);
    await letterText.waitFor();
    expect(await letterText.getAttribute('lang')).toBe('pl');
    await expectNoAccessibilityViolations(english);
    const answer = 'Welcome aboard, our gardens are waiting for you.';
    await incoming.getByLabel('Answer').fill(answer);
    await incoming.getByRole('button', { name: 'Accept and start a partnership' }).click();
    await incoming.getByText(answer).waitFor();

    // In Polish, the English answer is the one marked (the Polish letter takes the page's language).
    const polish = await loggedIn(polishOwner.email, '/interests', 'pl');
    const sent = polish.locator('section[aria-labelledby="sent-heading"]');
    const answerText = sent.getByText(answer);
    await answerText.waitFor();
    expect(await answerText.getAttribute('lang')).toBe('en');
    expect(await languageOf(sent.getByText(letter))).toBe('pl');
    await expectNoAccessibilityViolations(polish);

    // A chat message in the partnership's channel, written in Polish, read in English.
    const partnership = (await api().get('/api/v1/me/partnerships').set(englishOwner.auth).expect(200)).body
      .items[0] as { channelId: number };
    await api()
      .post(`/api/v1/channels/${partnership.channelId}/messages`)
      .set(polishOwner.auth)
      .send({ body: 'Sadzimy pomidory w piątek.', clientId: 'browser-language-letters-1', lang: 'pl' })
      .expect(201);
    await english.goto(`/channels/${partnership.channelId}`);
    const chat = english.locator('.message__body').filter({ hasText: 'Sadzimy pomidory w piątek.' });
    await chat.waitFor();
    expect(await chat.getAttribute('lang')).toBe('pl');
    // A moderator hides it with a reason written in Polish: the English reader sees it go, the reason marked Polish.
    const hiddenId = (
      await api()
        .post(`/api/v1/channels/${partnership.channelId}/messages`)
        .set(polishOwner.auth)
        .send({ body: 'Kup tanie zegarki!', clientId: 'browser-language-letters-2', lang: 'pl' })
        .expect(201)
    ).body.id as number;
    await english.locator('.message__body').filter({ hasText: 'Kup tanie zegarki!' }).waitFor();
    await api()
      .post(`/api/v1/moderation/messages/${hiddenId}/hide`)
      .set(moderator.auth)
      .send({ reason: 'Reklama, nie rozmowa.', lang: 'pl' })
      .expect(200);
    const reason = english.locator('.message__hidden-reason').filter({ hasText: 'Reklama, nie rozmowa.' });
    await reason.waitFor();
    expect(await reason.getAttribute('lang')).toBe('pl');
    expect(await english.locator('.message__body').filter({ hasText: 'Kup tanie zegarki!' }).count()).toBe(0);

    // A forum meeting request's message, written in Polish, read in English.
    const edition = await api()
      .post('/api/v1/forum/editions')
      .set(moderator.auth)
      .send({
        year: 2033,
        themePl: 'Ogrody miast',
        themeEn: 'City gardens',
        startsOn: '2033-05-20',
        endsOn: '2033-05-21',
        venue: 'ICE Kraków',
        languages: ['pl', 'en'],
        meetingTables: 2,
      })
      .expect(201);
    const editionId = edition.body.id as string;
    for (let step = 0; step < 2; step++)
      await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(moderator.auth).expect(200);
    const slots = await api()
      .post(`/api/v1/forum/editions/${editionId}/slots`)
      .set(moderator.auth)
      .send({ slots: [{ startsAt: '2033-05-20T09:00:00+02:00', endsAt: '2033-05-20T09:20:00+02:00' }] })
      .expect(201);
    await api()
      .post(`/api/v1/forum/editions/${editionId}/meetings`)
      .set(polishOwner.auth)
      .send({
        slotId: slots.body.items[0].id,
        organizationId: krakow.id,
        withOrganizationId: nuremberg.id,
        message: 'Porozmawiajmy o nasionach.',
        lang: 'pl',
      })
      .expect(201);
    await english.goto(`/forum/editions/${editionId}/my`);
    const meetingMessage = english
      .locator('.forum-meetings__message')
      .filter({ hasText: 'Porozmawiajmy o nasionach.' });
    await meetingMessage.waitFor();
    expect(await meetingMessage.getAttribute('lang')).toBe('pl');
    await expectNoAccessibilityViolations(english);
  });
});
