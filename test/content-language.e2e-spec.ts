import type { Pool } from 'pg';
import request from 'supertest';
import { preferredLanguage } from '../src/common/i18n/reader-language';
import { clearAddressLimits, lastMail, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, collect, connect, connected, during } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';
import { NotificationEventsAndChannelSubjects1796515600816 as NotificationEvents } from '../migrations/1796515600816-NotificationEventsAndChannelSubjects';

/** Issue 19, item 2: places named in the reader's language, texts marked with theirs, versions in the other. */
describe('content in both languages', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let krakowOwner: SignedIn;
  let nurembergOwner: SignedIn;
  let krakowSchool: { id: string };
  let nurembergSchool: { id: string };

  const draft = (overrides: Record<string, unknown> = {}) => ({
    organizationId: krakowSchool.id,
    title: 'Szkoła partnerska do wymiany o klimacie',
    summary: 'Nasza szkoła podstawowa w Krakowie szuka szkoły partnerskiej do wymian uczniów o klimacie.',
    body: 'Planujemy **dwie wizyty** w roku.',
    kind: 'partner_search',
    areas: ['education', 'environment'],
    targetCities: ['nuremberg'],
    soughtOrgTypes: ['school'],
    languages: ['pl', 'de', 'en'],
    ...overrides,
  });
  const publish = async (body: Record<string, unknown>, by: SignedIn = krakowOwner) => {
    const created = (await api().post('/api/v1/initiatives').set(by.auth).send(body).expect(201)).body;
    await api().post(`/api/v1/initiatives/${created.id}/submit`).set(by.auth).expect(200);
    await api().post(`/api/v1/initiatives/${created.id}/publish`).set(moderator.auth).send({}).expect(200);
    return created as { id: string };
  };

  beforeAll(async () => {
    // Listening: the hide reason's language is checked over the socket too.
    t = await startTestApp({ listen: true });
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    krakowOwner = await signUp(t, email('krakow'), { locale: 'pl' });
    nurembergOwner = await signUp(t, email('nuremberg'), { locale: 'pl' });
    krakowSchool = await verifiedOrganization(t, krakowOwner, moderator);
    nurembergSchool = await verifiedOrganization(t, nurembergOwner, moderator, {
      name: 'Dürer-Gymnasium',
      cityKey: 'nuremberg',
      languages: ['de', 'en'],
    });
  });
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  describe("the reader's language", () => {
    it('is the first of Polish and English in Accept-Language, by weight', () => {
      expect(preferredLanguage('pl-PL,pl;q=0.9,en;q=0.8')).toBe('pl');
      expect(preferredLanguage('de-DE,en-GB;q=0.9,pl;q=0.5')).toBe('en');
      expect(preferredLanguage('pl;q=0.5, en;q=0.9')).toBe('en');
      expect(preferredLanguage('de, fr')).toBeNull();
      expect(preferredLanguage(undefined)).toBeNull();
    });
  });

  describe('place names', () => {
    it("name an organisation's partner city in the reader's language in initiatives, search and matches", async () => {
      const initiative = await publish(
        draft({ organizationId: nurembergSchool.id, title: 'Schulpartnerschaft gesucht' }),
        nurembergOwner,
      );
      const inPolish = await api().get(`/api/v1/initiatives/${initiative.id}`).set('Accept-Language', 'pl').expect(200);
      expect(inPolish.body.organization).toMatchObject({ cityKey: 'nuremberg', cityName: 'Norymberga', country: 'DE' });
      const inEnglish = await api()
        .get(`/api/v1/initiatives/${initiative.id}`)
        .set('Accept-Language', 'en')
        .expect(200);
      expect(inEnglish.body.organization).toMatchObject({ cityKey: 'nuremberg', cityName: 'Nuremberg' });

      const found = await api()
        .get('/api/v1/initiatives?q=schulpartnerschaft')
        .set('Accept-Language', 'pl-PL,pl;q=0.9')
        .expect(200);
      expect(found.body.items.map((i: { organization: { cityName: string } }) => i.organization.cityName)).toEqual([
        'Norymberga',
      ]);

      const seeking = await publish(draft());
      const matches = await api()
        .get(`/api/v1/initiatives/${seeking.id}/matches`)
        .set('Accept-Language', 'pl')
        .expect(200);
      const match = matches.body.organizations.find(
        (m: { organization: { id: string } }) => m.organization.id === nurembergSchool.id,
      );
      expect(match.organization.cityName).toBe('Norymberga');
      // The target city names the place once; its tier does not repeat it.
      expect(match.reasons).toEqual(
        expect.arrayContaining([
          { code: 'target_city', text: 'w docelowym mieście: Norymberga' },
          { code: 'city_tier', text: 'miasto bliźniacze Krakowa' },
        ]),
      );

      // Without Accept-Language, a signed-in reader's account language decides.
      const english = await signUp(t, email('reader'), { locale: 'en' });
      const byAccount = await api().get(`/api/v1/initiatives/${initiative.id}`).set(english.auth).expect(200);
      expect(byAccount.body.organization.cityName).toBe('Nuremberg');
    });

    it("name the interested organisation's place in each owner's language in the notification and its e-mail", async () => {
      const initiative = await publish(draft());
      await api()
        .put('/api/v1/me/notification-preferences')
        .set(krakowOwner.auth)
        .send({ items: [{ kind: 'interest', delivery: 'email' }] })
        .expect(200);
      await api()
        .post(`/api/v1/initiatives/${initiative.id}/interests`)
        .set(nurembergOwner.auth)
        .send({ organizationId: nurembergSchool.id, message: 'Wir möchten gern mitmachen.' })
        .expect(201);
      const [notification] = await t.dataSource.query<{ payload: { body: { pl: string; en: string } } }[]>(
        `SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'interest' ORDER BY id DESC LIMIT 1`,
        [krakowOwner.id],
      );
      expect(notification.payload.body.pl).toBe('Dürer-Gymnasium (Norymberga, Niemcy): Wir möchten gern mitmachen.');
      expect(notification.payload.body.en).toBe('Dürer-Gymnasium (Nuremberg, Germany): Wir möchten gern mitmachen.');
      const mail = await lastMail(t, krakowOwner.email);
      expect(mail.text).toContain('Dürer-Gymnasium (Norymberga, Niemcy)');
    });
  });

  describe('city notes', () => {
    it("are in the reader's language when they exist in it, else the original, with their language", async () => {
      const inPolish = await api().get('/api/v1/cities/nuremberg').set('Accept-Language', 'pl').expect(200);
      expect(inPolish.body).toMatchObject({ factsLang: 'pl', factsOriginal: false });
      expect(inPolish.body.facts).toContain('Dom Krakowski w Norymberdze i Dom Norymberski w Krakowie od 1996 r.');
      const inEnglish = await api().get('/api/v1/cities/nuremberg').set('Accept-Language', 'en').expect(200);
      expect(inEnglish.body).toMatchObject({ factsLang: 'en', factsOriginal: true });
      expect(inEnglish.body.facts).toContain('124 tram cars donated to MPK since 1988');

      // Notes without a Polish version: a Polish reader gets the English original, marked as such.
      await t.dataSource.query(`UPDATE cities SET translations = '{}' WHERE key = 'nuremberg'`);
      const untranslated = await api().get('/api/v1/cities/nuremberg').set('Accept-Language', 'pl').expect(200);
      expect(untranslated.body).toMatchObject({ factsLang: 'en', factsOriginal: true });
      expect(untranslated.body.facts).toEqual(inEnglish.body.facts);
    });

    it('cannot have a second-language version in their own language (the database refuses it)', async () => {
      // Straight through pg's pool: a violation provoked on purpose stays out of the app's error log.
      const pool = (t.dataSource.driver as unknown as { master: Pool }).master;
      const setTranslations = (json: string) =>
        pool.query(`UPDATE cities SET translations = $1::jsonb WHERE key = 'kyiv'`, [json]);
      await expect(setTranslations('{"en": {"facts": ["x"]}}')).rejects.toThrow(/cities_translations_other_language/);
      await expect(setTranslations('{"de": {"facts": ["x"]}}')).rejects.toThrow(/cities_translations_other_language/);
      await setTranslations('{"pl": {"facts": ["wzajemne prezentacje"]}}');
    });
  });

  describe('second-language versions of initiatives', () => {
    const english = {
      title: 'Partner school wanted for a climate exchange',
      summary: 'Our primary school in Kraków is looking for a partner school for pupil exchanges on climate.',
    };
    const read = async (id: string, language: string, by?: SignedIn) => {
      const call = api().get(`/api/v1/initiatives/${id}`).set('Accept-Language', language);
      return (await (by ? call.set(by.auth) : call).expect(200)).body;
    };

    it("give each reader their language's version, else the original, with the language of each text", async () => {
      const initiative = await publish(draft({ language: 'pl', translations: { en: { title: english.title } } }));
      const inEnglish = await read(initiative.id, 'en');
      expect(inEnglish).toMatchObject({
        language: 'pl',
        title: english.title,
        titleLang: 'en',
        titleOriginal: false,
        // No English summary: the Polish original, marked as such.
        summary: draft().summary,
        summaryLang: 'pl',
        summaryOriginal: true,
      });
      expect(inEnglish.source).toBeUndefined();
      const inPolish = await read(initiative.id, 'pl');
      expect(inPolish).toMatchObject({ title: draft().title, titleLang: 'pl', titleOriginal: true });

      // The author adds the English summary; the search answers with the reader's version too.
      const edited = await api()
        .patch(`/api/v1/initiatives/${initiative.id}`)
        .set(krakowOwner.auth)
        .set('Accept-Language', 'en')
        .send({ translations: { en: english } })
        .expect(200);
      expect(edited.body).toMatchObject({ summary: english.summary, summaryLang: 'en', summaryOriginal: false });
      expect(edited.body.source).toEqual({
        title: draft().title,
        summary: draft().summary,
        translations: { en: english },
      });
      const found = await api().get('/api/v1/initiatives?q=szkola+partnerska').set('Accept-Language', 'en').expect(200);
      expect(found.body.items.find((i: { id: string }) => i.id === initiative.id)).toMatchObject({
        title: english.title,
        titleLang: 'en',
        summary: english.summary,
        language: 'pl',
      });
      const foundInPolish = await api().get('/api/v1/initiatives?q=szkola+partnerska').set('Accept-Language', 'pl');
      expect(foundInPolish.body.items.find((i: { id: string }) => i.id === initiative.id)).toMatchObject({
        title: draft().title,
        titleLang: 'pl',
      });
    });

    it('default to the language the author writes in, and keep an original in another language', async () => {
      const written = await api()
        .post('/api/v1/initiatives')
        .set(krakowOwner.auth)
        .set('Accept-Language', 'en')
        .send(draft({ title: 'Climate exchange' }))
        .expect(201);
      expect(written.body).toMatchObject({ language: 'en', titleLang: 'en' });

      const german = await publish(
        draft({
          organizationId: nurembergSchool.id,
          title: 'Schulpartnerschaft zum Klima',
          language: 'de',
          translations: { pl: { title: 'Partnerstwo szkół o klimacie' } },
        }),
        nurembergOwner,
      );
      expect(await read(german.id, 'pl')).toMatchObject({ title: 'Partnerstwo szkół o klimacie', titleLang: 'pl' });
      expect(await read(german.id, 'en')).toMatchObject({
        title: 'Schulpartnerschaft zum Klima',
        titleLang: 'de',
        titleOriginal: true,
      });

      // A Kraków school's matches name it the same way, each text with its language.
      const seeking = await publish(draft());
      const matched = async (language: string) =>
        (
          (await api().get(`/api/v1/initiatives/${seeking.id}/matches`).set('Accept-Language', language).expect(200))
            .body as { initiatives: { initiative: Record<string, string> }[] }
        ).initiatives.find((match) => match.initiative.id === german.id)?.initiative;
      expect(await matched('pl')).toMatchObject({
        title: 'Partnerstwo szkół o klimacie',
        titleLang: 'pl',
        summary: draft().summary,
        summaryLang: 'de',
      });
      expect(await matched('en')).toMatchObject({ title: 'Schulpartnerschaft zum Klima', titleLang: 'de' });
    });

    it('refuse a version in the original language, or outside the limits of the original, and change nothing', async () => {
      const initiative = await publish(draft({ language: 'pl', translations: { en: { title: english.title } } }));
      const refused = async (body: Record<string, unknown>, message: RegExp) => {
        const response = await api()
          .patch(`/api/v1/initiatives/${initiative.id}`)
          .set(krakowOwner.auth)
          .send(body)
          .expect(400);
        expect(JSON.stringify(response.body.message)).toMatch(message);
      };
      await refused({ translations: { pl: { title: 'Inny tytuł po polsku' } } }, /original's language \(pl\)/);
      await refused({ language: 'en' }, /translations.en is in the original's language \(en\)/);
      await refused({ translations: { en: { title: 'No' } } }, /title of a translation must be 3 to 140 characters/);
      await refused(
        { translations: { en: { summary: 'x'.repeat(501) } } },
        /summary of a translation must be 10 to 500 characters/,
      );
      await refused(
        { translations: { de: { title: 'Klimaaustausch' } } },
        /translations.de is not a known parameter or field/,
      );
      await refused(
        { translations: { en: { title: english.title, body: 'x' } } },
        /translations.en.body is not a known parameter or field/,
      );

      const unchanged = await read(initiative.id, 'en', krakowOwner);
      expect(unchanged).toMatchObject({ language: 'pl', title: english.title });
      expect(unchanged.source.translations).toEqual({ en: { title: english.title } });

      // Clearing a version: the original again for every reader.
      await api()
        .patch(`/api/v1/initiatives/${initiative.id}`)
        .set(krakowOwner.auth)
        .send({ translations: { en: { title: '', summary: '' } } })
        .expect(200);
      expect(await read(initiative.id, 'en')).toMatchObject({ title: draft().title, titleLang: 'pl' });
    });
  });

  describe('search over both languages', () => {
    type Found = { total: number; items: { id: string; title: string; titleLang: string }[] };
    const search = async (q: string, language = 'en') =>
      (await api().get('/api/v1/initiatives').query({ q }).set('Accept-Language', language).expect(200)).body as Found;
    const ids = (found: Found) => found.items.map((item) => item.id);

    it("finds an initiative by its other language's title and summary, whole words and typed prefixes", async () => {
      const polish = await publish(
        draft({
          title: 'Warsztaty garncarskie dla seniorów',
          summary: 'Seniorzy z Krakowa i Norymbergi lepią naczynia z gliny i uczą się od siebie nawzajem.',
          language: 'pl',
          translations: {
            en: {
              title: 'Pottery workshops for seniors',
              summary: 'Older residents of Kraków and Nuremberg throw clay pots together and learn from each other.',
            },
          },
        }),
      );
      const english = await publish(
        draft({
          title: 'Beekeeping exchange for vocational schools',
          summary: 'Vocational schools keep hives together and compare how their bees survive the winter.',
          language: 'en',
          translations: {
            pl: { summary: 'Szkoły zawodowe wspólnie prowadzą ule i porównują, jak pszczoły przeżywają zimę.' },
          },
        }),
      );

      // In English, the Polish initiative by its English title, shown in English.
      const pottery = await search('pottery');
      expect(ids(pottery)).toEqual([polish.id]);
      expect(pottery.items[0]).toMatchObject({ title: 'Pottery workshops for seniors', titleLang: 'en' });
      // By a word of its English summary, and as typed (prefixes), whatever the reader's language.
      expect(ids(await search('clay pots', 'pl'))).toEqual([polish.id]);
      expect(ids(await search('potter work'))).toEqual([polish.id]);
      // Its Polish original is still found, without diacritics.
      expect(ids(await search('garncarskie seniorow', 'en'))).toEqual([polish.id]);

      // In Polish, the English initiative by its Polish summary, diacritics or not, whole or typed.
      expect(ids(await search('pszczoły', 'pl'))).toEqual([english.id]);
      expect(ids(await search('pszczoly przezyw', 'pl'))).toEqual([english.id]);
      expect(ids(await search('beekeeping', 'pl'))).toEqual([english.id]);
      // A word of neither version finds neither.
      expect((await search('garncarskie pszczoly')).total).toBe(0);
    });

    it('finds a version added later and leaves the counts alone', async () => {
      const later = await publish(
        draft({ title: 'Chór międzypokoleniowy', summary: 'Śpiewamy razem: dzieci, rodzice i dziadkowie.' }),
      );
      const inBody = await publish(
        draft({
          title: 'Wymiana muzyczna',
          summary: 'Młodzieżowe orkiestry grają razem w Krakowie.',
          body: 'Na koniec wystąpi także intergenerational choir z Norymbergi.',
        }),
      );
      const listed = async () =>
        (await api().get('/api/v1/initiatives').query({ area: 'education' }).expect(200)).body as Found & {
          facets: unknown;
        };
      const before = await listed();
      expect(ids(await search('intergenerational'))).toEqual([inBody.id]);
      expect((await search('grandpar')).total).toBe(0);

      // Only the version changes: the search words and the vector follow it.
      await api()
        .patch(`/api/v1/initiatives/${later.id}`)
        .set(krakowOwner.auth)
        .send({
          translations: {
            en: { title: 'Intergenerational choir', summary: 'We sing together: children, parents and grandparents.' },
          },
        })
        .expect(200);
      // Found by the version's words, whole or typed. A match in a version alone ranks like one in
      // the body (search_head holds the originals only: docs/perf/history.md), so no order is asserted.
      expect(ids(await search('intergenerational choir')).sort()).toEqual([later.id, inBody.id].sort());
      expect(ids(await search('intergener', 'pl')).sort()).toEqual([later.id, inBody.id].sort());
      // A word only the new version has, as typed: it became a known word when the version was saved.
      expect((await search('grandpar', 'pl')).items).toEqual([
        expect.objectContaining({ id: later.id, title: 'Chór międzypokoleniowy', titleLang: 'pl' }),
      ]);
      expect((await search('grandparents')).items[0]).toMatchObject({
        id: later.id,
        title: 'Intergenerational choir',
        titleLang: 'en',
      });

      // The listing's kept total and facets do not move for a text's version.
      const after = await listed();
      expect({ total: after.total, facets: after.facets }).toEqual({ total: before.total, facets: before.facets });
    });

    it("does not find a draft by its version's words, and finds it once published", async () => {
      const created = (
        await api()
          .post('/api/v1/initiatives')
          .set(krakowOwner.auth)
          .send(
            draft({
              title: 'Koło origami dla sąsiadów',
              language: 'pl',
              translations: { en: { title: 'Origami circle for neighbours' } },
            }),
          )
          .expect(201)
      ).body as { id: string };
      expect((await search('neighbours')).total).toBe(0);
      expect((await search('neighb', 'pl')).total).toBe(0);
      await api().post(`/api/v1/initiatives/${created.id}/submit`).set(krakowOwner.auth).expect(200);
      expect((await search('neighbours')).total).toBe(0);
      await api().post(`/api/v1/initiatives/${created.id}/publish`).set(moderator.auth).send({}).expect(200);
      expect(ids(await search('neighbours'))).toEqual([created.id]);
    });
  });

  describe('second-language versions of forum texts', () => {
    let editionId: string;
    const advance = () => api().post(`/api/v1/forum/editions/${editionId}/advance`).set(moderator.auth).expect(200);

    beforeAll(async () => {
      const created = await api()
        .post('/api/v1/forum/editions')
        .set(moderator.auth)
        .send({
          year: 2031,
          themePl: 'Miasta razem',
          themeEn: 'Cities together',
          startsOn: '2031-05-20',
          endsOn: '2031-05-21',
          venue: 'ICE Kraków',
          languages: ['pl', 'en'],
        })
        .expect(201);
      editionId = created.body.id;
      await advance(); // the call for proposals is open
    });

    it("give a session's title and abstract in the reader's language, set by its proposers and by staff", async () => {
      const abstract = 'Warsztaty o tym, jak szkoły zaczynają współpracę z miastami partnerskimi.';
      const proposed = await api()
        .post(`/api/v1/forum/editions/${editionId}/sessions`)
        .set(krakowOwner.auth)
        .set('Accept-Language', 'en')
        .send({
          organizationId: krakowSchool.id,
          kind: 'workshop',
          title: 'Partnerstwa szkół: jak zacząć',
          abstract,
          areas: ['education'],
          speakers: ['Anna Kowalska'],
          language: 'pl',
          translations: { en: { title: 'School partnerships: how to start' } },
        })
        .expect(201);
      expect(proposed.body).toMatchObject({
        title: 'School partnerships: how to start',
        titleLang: 'en',
        titleOriginal: false,
        abstract,
        abstractLang: 'pl',
        abstractOriginal: true,
      });
      const id = proposed.body.id as string;
      const read = async (language: string, by: SignedIn = krakowOwner) =>
        (await api().get(`/api/v1/forum/sessions/${id}`).set(by.auth).set('Accept-Language', language).expect(200))
          .body;
      expect(await read('pl')).toMatchObject({ title: 'Partnerstwa szkół: jak zacząć', titleLang: 'pl' });

      const englishAbstract = 'A workshop on how schools start working with partner cities.';
      const set = (by: SignedIn, translations: Record<string, unknown>) =>
        api().put(`/api/v1/forum/sessions/${id}/translations`).set(by.auth).send({ translations });
      await set(krakowOwner, { en: { title: 'School partnerships: how to start', abstract: englishAbstract } }).expect(
        200,
      );
      expect(await read('en')).toMatchObject({ abstract: englishAbstract, abstractLang: 'en' });

      const refused = await set(krakowOwner, { pl: { title: 'Inny tytuł' } }).expect(400);
      expect(refused.body.message).toMatch(/translations.pl is in the original's language \(pl\)/);
      await set(krakowOwner, { en: { abstract: 'Too short' } }).expect(400);
      await set(nurembergOwner, { en: { title: 'Not mine' } }).expect(403);
      expect(await read('en')).toMatchObject({ title: 'School partnerships: how to start', abstract: englishAbstract });

      // Staff correct it; their change is in the audit log.
      await set(moderator, { en: { title: 'Partnering schools: a first step', abstract: englishAbstract } }).expect(
        200,
      );
      expect(await read('en', moderator)).toMatchObject({ title: 'Partnering schools: a first step', titleLang: 'en' });
      const [audit] = await t.dataSource.query<{ action: string; actor_id: string }[]>(
        `SELECT action, actor_id FROM audit_log WHERE target_id = $1 ORDER BY id DESC LIMIT 1`,
        [id],
      );
      expect(audit).toEqual({ action: 'forum.session_translations', actor_id: moderator.id });
    });

    it('give the outcomes summary in the reader’s language, with its language', async () => {
      await advance(); // agenda published
      await advance(); // live
      await advance(); // closed
      const publish = (body: Record<string, unknown>) =>
        api().post(`/api/v1/forum/editions/${editionId}/outcomes`).set(moderator.auth).send(body);
      const summary = 'Trzy sesje, wiele spotkań i dwie nowe współprace szkół.';
      const refused = await publish({ summary, language: 'pl', translations: { pl: { summary: 'Coś innego.' } } });
      expect(refused.status).toBe(400);
      await publish({ summary, language: 'pl', translations: { en: { summary: 'x' } } }).expect(400);
      await api().get(`/api/v1/forum/editions/${editionId}/outcomes`).expect(404);

      await publish({
        summary,
        language: 'pl',
        translations: { en: { summary: 'Three sessions, many meetings and two new school partnerships.' } },
      }).expect(200);
      const inEnglish = await api()
        .get(`/api/v1/forum/editions/${editionId}/outcomes`)
        .set('Accept-Language', 'en')
        .expect(200);
      expect(inEnglish.body).toMatchObject({
        summary: 'Three sessions, many meetings and two new school partnerships.',
        summaryLang: 'en',
        summaryOriginal: false,
      });
      expect(inEnglish.body.source).toBeUndefined();
      const inPolish = await api()
        .get(`/api/v1/forum/editions/${editionId}/outcomes`)
        .set('Accept-Language', 'pl')
        .expect(200);
      expect(inPolish.body).toMatchObject({ summary, summaryLang: 'pl', summaryOriginal: true });
    });
  });

  describe('organisation descriptions', () => {
    it('carry the language they are written in: the account’s by default, or the one given', async () => {
      const read = async () => (await api().get(`/api/v1/organizations/${nurembergSchool.id}`).expect(200)).body;
      expect((await read()).descriptionLanguage).toBe('pl');
      await api()
        .patch(`/api/v1/organizations/${nurembergSchool.id}`)
        .set(nurembergOwner.auth)
        .send({ description: 'Ein Gymnasium in Nürnberg.', descriptionLanguage: 'de' })
        .expect(200);
      expect(await read()).toMatchObject({ descriptionLanguage: 'de' });
      const refused = await api()
        .patch(`/api/v1/organizations/${nurembergSchool.id}`)
        .set(nurembergOwner.auth)
        .send({ descriptionLanguage: 'deutsch' })
        .expect(400);
      expect(refused.body.message).toMatch(/descriptionLanguage must be a two-letter ISO 639-1 code/);
      expect((await read()).descriptionLanguage).toBe('de');
    });
  });

  describe('messages', () => {
    it('carry the language their author said they are in', async () => {
      const initiative = await publish(draft({ title: 'Rozmowa o wymianie szkół' }));
      const { channelId } = (await api().get(`/api/v1/initiatives/${initiative.id}`).expect(200)).body as {
        channelId: number;
      };
      const post = (body: Record<string, unknown>) =>
        api().post(`/api/v1/channels/${channelId}/messages`).set(krakowOwner.auth).send(body);
      const sent = await post({ body: 'Dzień dobry!', clientId: 'language-test-1', lang: 'pl' }).expect(201);
      expect(sent.body).toMatchObject({ body: 'Dzień dobry!', lang: 'pl' });
      const refused = await post({ body: 'Hello', clientId: 'language-test-2', lang: 'english' }).expect(400);
      expect(refused.body.message).toBe('lang must be a two-letter ISO 639-1 code such as pl, en or de');
      const history = await api().get(`/api/v1/channels/${channelId}/messages`).expect(200);
      expect(history.body.items).toEqual([expect.objectContaining({ body: 'Dzień dobry!', lang: 'pl' })]);
    });

    it("carry the language of a moderator's reason for hiding one, over REST and the socket", async () => {
      const initiative = await publish(draft({ title: 'Rozmowa o ukrytych wiadomościach' }));
      const { channelId } = (await api().get(`/api/v1/initiatives/${initiative.id}`).expect(200)).body as {
        channelId: number;
      };
      const sent = async (body: string) =>
        (
          await api()
            .post(`/api/v1/channels/${channelId}/messages`)
            .set(krakowOwner.auth)
            .send({ body, clientId: `hide-language-${++n}`, lang: 'pl' })
            .expect(201)
        ).body as { id: number };
      const hide = (id: number, body: Record<string, unknown>) =>
        api().post(`/api/v1/moderation/messages/${id}/hide`).set(moderator.auth).send(body);
      const reader = connect(t.baseUrl!, nurembergOwner.accessToken);
      try {
        await connected(reader);
        await ask(reader, 'channel:join', { channelId });

        const first = await sent('Tania reklama zegarków!');
        const refused = await hide(first.id, { reason: 'Advertising.', lang: 'english' }).expect(400);
        expect(refused.body.message).toBe('lang must be a two-letter ISO 639-1 code such as pl, en or de');
        expect(await during(reader, 'message:hidden', 300)).toEqual([]);
        const untouched = (await api().get(`/api/v1/channels/${channelId}/messages`).expect(200)).body.items;
        expect(untouched).toEqual([
          expect.objectContaining({ id: first.id, body: 'Tania reklama zegarków!', hidden: false, hiddenReason: null }),
        ]);

        const live = collect(reader, 'message:hidden', 1);
        const hidden = await hide(first.id, { reason: 'Advertising.', lang: 'en' }).expect(200);
        expect(hidden.body).toMatchObject({ hidden: true, hiddenReason: 'Advertising.', hiddenReasonLang: 'en' });
        expect(await live).toEqual([{ channelId, messageId: first.id, reason: 'Advertising.', reasonLang: 'en' }]);

        // A hide request without a language (another client) leaves it unsaid, not guessed.
        const second = await sent('Kolejna reklama.');
        await hide(second.id, { reason: 'Reklama.' }).expect(200);
        const history = (await api().get(`/api/v1/channels/${channelId}/messages`).expect(200)).body.items;
        expect(history).toEqual([
          expect.objectContaining({ id: first.id, body: null, hiddenReason: 'Advertising.', hiddenReasonLang: 'en' }),
          expect.objectContaining({ id: second.id, body: null, hiddenReason: 'Reklama.', hiddenReasonLang: null }),
        ]);
      } finally {
        reader.disconnect();
      }
    });
  });
  describe('letters, replies, meeting messages and notes that people write', () => {
    const unknownLanguage = 'lang must be a two-letter ISO 639-1 code such as pl, en or de';
    const interestsOf = async (initiativeId: string) =>
      t.dataSource.query<{ status: string; reply: string | null; reply_language: string | null }[]>(
        `SELECT status, reply, reply_language FROM interests WHERE initiative_id = $1`,
        [initiativeId],
      );

    it('store the language of an interest letter and of its reply, and refuse an unknown one changing nothing', async () => {
      const initiative = await publish(draft({ title: 'Wspólny ogród szkolny' }));
      const express = (body: Record<string, unknown>) =>
        api()
          .post(`/api/v1/initiatives/${initiative.id}/interests`)
          .set(nurembergOwner.auth)
          .send({ organizationId: nurembergSchool.id, message: 'Wir möchten gern mitgärtnern.', ...body });
      const refused = await express({ lang: 'deutsch' }).expect(400);
      expect(refused.body.message).toBe(unknownLanguage);
      expect(await interestsOf(initiative.id)).toEqual([]);

      const sent = await express({ lang: 'de' }).expect(201);
      expect(sent.body).toMatchObject({ message: 'Wir möchten gern mitgärtnern.', messageLang: 'de', replyLang: null });
      // The owners' notification quotes the letter with its language.
      const [notification] = await t.dataSource.query<{ payload: { params: { text: unknown } } }[]>(
        `SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'interest' ORDER BY id DESC LIMIT 1`,
        [krakowOwner.id],
      );
      expect(notification.payload.params.text).toEqual({ text: 'Wir möchten gern mitgärtnern.', lang: 'de' });

      const answer = (body: Record<string, unknown>) =>
        api().post(`/api/v1/interests/${sent.body.id}/accept`).set(krakowOwner.auth).send(body);
      const wrongReply = await answer({ reply: 'Zapraszamy!', lang: 'polski' }).expect(400);
      expect(wrongReply.body.message).toBe(unknownLanguage);
      expect(await interestsOf(initiative.id)).toEqual([{ status: 'open', reply: null, reply_language: null }]);

      await answer({ reply: 'Zapraszamy do ogrodu!', lang: 'pl' }).expect(200);
      const inbox = await api().get('/api/v1/me/interests?direction=sent').set(nurembergOwner.auth).expect(200);
      expect(inbox.body.items.find((i: { id: string }) => i.id === sent.body.id)).toMatchObject({
        messageLang: 'de',
        reply: 'Zapraszamy do ogrodu!',
        replyLang: 'pl',
        status: 'accepted',
      });

      // A letter from before languages were stored has none: the page's language applies to it.
      await t.dataSource.query(`UPDATE interests SET message_language = NULL WHERE id = $1`, [sent.body.id]);
      const old = await api().get('/api/v1/me/interests?direction=incoming').set(krakowOwner.auth).expect(200);
      expect(old.body.items.find((i: { id: string }) => i.id === sent.body.id)).toMatchObject({ messageLang: null });
    });

    it('store the language of an invitation and of the reply declining it', async () => {
      const initiative = await publish(draft({ title: 'Wymiana nauczycieli' }));
      const invite = (body: Record<string, unknown>) =>
        api()
          .post(`/api/v1/initiatives/${initiative.id}/invitations`)
          .set(krakowOwner.auth)
          .send({ organizationId: nurembergSchool.id, message: 'Zapraszamy do wymiany nauczycieli.', ...body });
      expect((await invite({ lang: 'xx' }).expect(400)).body.message).toBe(unknownLanguage);
      expect(await interestsOf(initiative.id)).toEqual([]);
      const invitation = await invite({ lang: 'pl' }).expect(201);
      expect(invitation.body).toMatchObject({ invitation: true, messageLang: 'pl' });

      const decline = (body: Record<string, unknown>) =>
        api().post(`/api/v1/interests/${invitation.body.id}/decline`).set(nurembergOwner.auth).send(body);
      expect((await decline({ reply: 'Leider nicht.', lang: 'german' }).expect(400)).body.message).toBe(
        unknownLanguage,
      );
      expect(await interestsOf(initiative.id)).toEqual([{ status: 'open', reply: null, reply_language: null }]);
      const declined = await decline({ reply: 'Leider nicht in diesem Jahr.', lang: 'de' }).expect(200);
      expect(declined.body).toMatchObject({ status: 'declined', messageLang: 'pl', replyLang: 'de' });
      // An answer without a reply has no reply language either.
      const again = await invite({ lang: 'pl' }).expect(201);
      const accepted = await api()
        .post(`/api/v1/interests/${again.body.id}/accept`)
        .set(nurembergOwner.auth)
        .send({ lang: 'de' })
        .expect(200);
      expect(accepted.body).toMatchObject({ reply: null, replyLang: null });
    });

    it("store the language of a partnership's outcome note", async () => {
      const initiative = await publish(draft({ title: 'Wspólny projekt o rzece' }));
      const interest = await api()
        .post(`/api/v1/initiatives/${initiative.id}/interests`)
        .set(nurembergOwner.auth)
        .send({ organizationId: nurembergSchool.id, message: 'We would like to join the river project.', lang: 'en' })
        .expect(201);
      const partnershipId = (
        await api().post(`/api/v1/interests/${interest.body.id}/accept`).set(krakowOwner.auth).send({}).expect(200)
      ).body.partnershipId as string;
      const complete = (body: Record<string, unknown>) =>
        api()
          .patch(`/api/v1/partnerships/${partnershipId}`)
          .set(krakowOwner.auth)
          .send({ status: 'completed', outcomeNote: 'Dwie wspólne wyprawy nad rzekę.', ...body });
      expect((await complete({ lang: 'polish' }).expect(400)).body.message).toBe(unknownLanguage);
      const unchanged = await api().get(`/api/v1/partnerships/${partnershipId}`).set(krakowOwner.auth).expect(200);
      expect(unchanged.body).toMatchObject({ status: 'active', outcomeNote: null, outcomeNoteLang: null });
      const completed = await complete({ lang: 'pl' }).expect(200);
      expect(completed.body).toMatchObject({
        status: 'completed',
        outcomeNote: 'Dwie wspólne wyprawy nad rzekę.',
        outcomeNoteLang: 'pl',
      });
    });

    it("store the language of a moderator's comment on an initiative and reason for rejecting an organisation", async () => {
      const created = (await api().post('/api/v1/initiatives').set(krakowOwner.auth).send(draft()).expect(201)).body;
      await api().post(`/api/v1/initiatives/${created.id}/submit`).set(krakowOwner.auth).expect(200);
      const requestChanges = (body: Record<string, unknown>) =>
        api()
          .post(`/api/v1/initiatives/${created.id}/request-changes`)
          .set(moderator.auth)
          .send({ comment: 'Please name the partner school you have in mind.', ...body });
      expect((await requestChanges({ lang: 'EN' }).expect(400)).body.message).toBe(unknownLanguage);
      const read = async () =>
        (await api().get(`/api/v1/initiatives/${created.id}`).set(krakowOwner.auth).expect(200)).body;
      expect(await read()).toMatchObject({
        status: 'submitted',
        statusComment: null,
        statusCommentLang: null,
        history: [{ from: 'draft', to: 'submitted', comment: null, commentLang: null }],
      });
      await requestChanges({ lang: 'en' }).expect(200);
      const changesRequested = {
        from: 'submitted',
        to: 'changes_requested',
        comment: 'Please name the partner school you have in mind.',
        commentLang: 'en',
      };
      expect(await read()).toMatchObject({
        status: 'changes_requested',
        statusComment: 'Please name the partner school you have in mind.',
        statusCommentLang: 'en',
        history: [{ to: 'submitted' }, changesRequested],
      });
      // Submitted again without a comment: the current comment is gone, the history keeps its language.
      await api().post(`/api/v1/initiatives/${created.id}/submit`).set(krakowOwner.auth).expect(200);
      const resubmitted = await read();
      expect(resubmitted).toMatchObject({ status: 'submitted', statusComment: null, statusCommentLang: null });
      expect(resubmitted.history).toEqual([
        expect.objectContaining({ to: 'submitted', commentLang: null }),
        expect.objectContaining(changesRequested),
        expect.objectContaining({ from: 'changes_requested', to: 'submitted', comment: null, commentLang: null }),
      ]);

      const pending = (
        await api()
          .post('/api/v1/organizations')
          .set(nurembergOwner.auth)
          .send({
            name: 'Verein ohne Register',
            type: 'ngo',
            cityKey: 'nuremberg',
            areas: ['culture'],
            languages: ['de'],
          })
          .expect(201)
      ).body as { id: string };
      const reject = (body: Record<string, unknown>) =>
        api()
          .post(`/api/v1/organizations/${pending.id}/reject`)
          .set(moderator.auth)
          .send({ reason: 'Nie znaleźliśmy stowarzyszenia w rejestrze.', ...body });
      expect((await reject({ lang: 'polish' }).expect(400)).body.message).toBe(unknownLanguage);
      const organization = async () =>
        (await api().get(`/api/v1/organizations/${pending.id}`).set(nurembergOwner.auth).expect(200)).body;
      expect(await organization()).toMatchObject({ status: 'pending', statusReason: null, statusReasonLang: null });
      await reject({ lang: 'pl' }).expect(200);
      expect(await organization()).toMatchObject({
        status: 'rejected',
        statusReason: 'Nie znaleźliśmy stowarzyszenia w rejestrze.',
        statusReasonLang: 'pl',
      });
    });

    it('store the language of a forum meeting request, and name the initiatives to work on in the reader’s version', async () => {
      const edition = await api()
        .post('/api/v1/forum/editions')
        .set(moderator.auth)
        .send({
          year: 2032,
          themePl: 'Miasta w ruchu',
          themeEn: 'Cities on the move',
          startsOn: '2032-05-20',
          endsOn: '2032-05-21',
          venue: 'ICE Kraków',
          languages: ['pl', 'en'],
          meetingTables: 3,
        })
        .expect(201);
      const editionId = edition.body.id as string;
      const advance = () => api().post(`/api/v1/forum/editions/${editionId}/advance`).set(moderator.auth).expect(200);
      await advance(); // the call for proposals is open

      // Staff decline a proposal with a reason in their language; its proposers read it so marked.
      const proposal = await api()
        .post(`/api/v1/forum/editions/${editionId}/sessions`)
        .set(krakowOwner.auth)
        .send({
          organizationId: krakowSchool.id,
          kind: 'workshop',
          title: 'Ogrody szkolne w miastach',
          abstract: 'Warsztaty o tym, jak szkoły zakładają ogrody razem z miastami partnerskimi.',
          areas: ['education'],
          speakers: ['Anna Kowalska'],
          language: 'pl',
        })
        .expect(201);
      const decline = (body: Record<string, unknown>) =>
        api()
          .post(`/api/v1/forum/sessions/${proposal.body.id}/decline`)
          .set(moderator.auth)
          .send({ reason: 'The programme is full this year.', ...body });
      expect((await decline({ lang: 'english' }).expect(400)).body.message).toBe(unknownLanguage);
      const proposed = await api().get(`/api/v1/forum/sessions/${proposal.body.id}`).set(krakowOwner.auth).expect(200);
      expect(proposed.body).toMatchObject({ status: 'proposed', decisionReason: null, decisionReasonLang: null });
      await decline({ lang: 'en' }).expect(200);
      const declined = await api().get(`/api/v1/forum/sessions/${proposal.body.id}`).set(krakowOwner.auth).expect(200);
      expect(declined.body).toMatchObject({
        status: 'declined',
        decisionReason: 'The programme is full this year.',
        decisionReasonLang: 'en',
      });

      await advance(); // the agenda is published: meetings can be booked
      const slots = await api()
        .post(`/api/v1/forum/editions/${editionId}/slots`)
        .set(moderator.auth)
        .send({ slots: [{ startsAt: '2032-05-20T14:00:00+02:00', endsAt: '2032-05-20T14:20:00+02:00' }] })
        .expect(201);
      const slotId = slots.body.items[0].id as number;
      const request = (body: Record<string, unknown>) =>
        api()
          .post(`/api/v1/forum/editions/${editionId}/meetings`)
          .set(krakowOwner.auth)
          .send({
            slotId,
            organizationId: krakowSchool.id,
            withOrganizationId: nurembergSchool.id,
            message: 'Porozmawiajmy o wymianie.',
            ...body,
          });
      expect((await request({ lang: 'pl-PL' }).expect(400)).body.message).toBe(unknownLanguage);
      const meetings = () =>
        api()
          .get(`/api/v1/forum/editions/${editionId}/meetings`)
          .query({ organizationId: nurembergSchool.id })
          .set(nurembergOwner.auth)
          .expect(200);
      expect((await meetings()).body.items).toEqual([]);
      const requested = await request({ lang: 'pl' }).expect(201);
      expect(requested.body).toMatchObject({ message: 'Porozmawiajmy o wymianie.', messageLang: 'pl' });
      expect((await meetings()).body.items).toEqual([
        expect.objectContaining({ message: 'Porozmawiajmy o wymianie.', messageLang: 'pl' }),
      ]);

      // "We will work together": the options name each initiative in the reader's version, with its language.
      const translated = await publish(
        draft({
          title: 'Rowerowe miasta partnerskie',
          language: 'pl',
          translations: { en: { title: 'Cycling twin cities' } },
        }),
      );
      const options = async (language: string) =>
        (
          (
            await api()
              .get(`/api/v1/forum/meetings/${requested.body.id}/initiatives`)
              .set(nurembergOwner.auth)
              .set('Accept-Language', language)
              .expect(200)
          ).body.items as { id: string; title: string; titleLang: string }[]
        ).find((item) => item.id === translated.id);
      expect(await options('en')).toMatchObject({ title: 'Cycling twin cities', titleLang: 'en' });
      expect(await options('pl')).toMatchObject({ title: 'Rowerowe miasta partnerskie', titleLang: 'pl' });
    });
  });

  describe("partnership channels and notifications, worded in the reader's language", () => {
    const polishTitle = 'Wymiana chórów szkolnych';
    const englishTitle = 'School choir exchange';
    const subject = { pl: { text: polishTitle, lang: 'pl' }, en: { text: englishTitle, lang: 'en' } };
    let initiative: { id: string };
    let partnership: { id: string; channelId: number };

    interface NotificationItem {
      id: number;
      kind: string;
      event: string | null;
      params: Record<string, unknown> | null;
      title: { pl: string; en: string };
      body: { pl: string; en: string };
      link: string;
    }
    const notifications = async (who: SignedIn) =>
      (await api().get('/api/v1/notifications?limit=100').set(who.auth).expect(200)).body.items as NotificationItem[];
    const eventually = async <T>(find: () => Promise<T | undefined>): Promise<T> => {
      for (let tries = 0; ; tries++) {
        const found = await find();
        if (found !== undefined) return found;
        if (tries > 100) throw new Error('it never came');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    beforeAll(async () => {
      initiative = await publish(
        draft({ title: polishTitle, language: 'pl', translations: { en: { title: englishTitle } } }),
      );
      const interest = await api()
        .post(`/api/v1/initiatives/${initiative.id}/interests`)
        .set(nurembergOwner.auth)
        .send({ organizationId: nurembergSchool.id, message: 'Wir singen gern mit euch.' })
        .expect(201);
      await api().post(`/api/v1/interests/${interest.body.id}/accept`).set(krakowOwner.auth).send({}).expect(200);
      const mine = await api().get('/api/v1/me/partnerships').set(krakowOwner.auth).expect(200);
      partnership = mine.body.items.find((p: { initiativeId: string }) => p.initiativeId === initiative.id);
    });

    it("name a partnership's channel by its initiative's title, in the reader's version with its language", async () => {
      const channel = (language: string) =>
        api().get(`/api/v1/channels/${partnership.channelId}`).set(krakowOwner.auth).set('Accept-Language', language);
      expect((await channel('en').expect(200)).body).toMatchObject({
        title: englishTitle,
        titleLang: 'en',
        partnershipId: partnership.id,
      });
      expect((await channel('pl').expect(200)).body).toMatchObject({
        title: polishTitle,
        titleLang: 'pl',
        partnershipId: partnership.id,
      });
      // Stored without an English "Partnership: " (the client words it in the reader's language).
      const [row] = await t.dataSource.query<{ title: string }[]>(`SELECT title FROM channels WHERE id = $1`, [
        partnership.channelId,
      ]);
      expect(row.title).toBe(polishTitle);

      // An initiative's own discussion: its title with its language; no partnership.
      const { channelId } = (await api().get(`/api/v1/initiatives/${initiative.id}`).expect(200)).body;
      expect(
        (await api().get(`/api/v1/channels/${channelId}`).set('Accept-Language', 'en').expect(200)).body,
      ).toMatchObject({ title: englishTitle, titleLang: 'en', partnershipId: null });
    });

    it('store what happened with the quoted title in each version and its language, worded in both languages', async () => {
      const accepted = (await notifications(nurembergOwner)).find((n) => n.event === 'interest_accepted');
      expect(accepted).toMatchObject({
        kind: 'interest',
        params: { subject },
        title: { pl: `Przyjęto zainteresowanie: ${polishTitle}`, en: `Interest accepted: ${englishTitle}` },
        body: { pl: 'Partnerstwo ma już swój kanał.', en: 'The partnership has its own channel now.' },
      });
      const interest = (await notifications(krakowOwner)).find(
        (n) => n.event === 'interest' && n.params?.text && JSON.stringify(n.params).includes('mit euch'),
      );
      expect(interest).toMatchObject({
        params: {
          subject,
          organization: 'Dürer-Gymnasium',
          place: { pl: 'Norymberga, Niemcy', en: 'Nuremberg, Germany' },
          text: { text: 'Wir singen gern mit euch.', lang: null },
        },
        title: { pl: `Zainteresowanie: ${polishTitle}`, en: `Interest in: ${englishTitle}` },
        body: {
          pl: 'Dürer-Gymnasium (Norymberga, Niemcy): Wir singen gern mit euch.',
          en: 'Dürer-Gymnasium (Nuremberg, Germany): Wir singen gern mit euch.',
        },
      });
    });

    it("tell a partnership's members of a message with the channel named for them and the message's language", async () => {
      await api()
        .post(`/api/v1/channels/${partnership.channelId}/messages`)
        .set(krakowOwner.auth)
        .send({ body: 'Próba w sobotę o 10.', clientId: 'partnership-language-1', lang: 'pl' })
        .expect(201);
      const told = await eventually(async () =>
        (await notifications(nurembergOwner)).find((n) => n.event === 'channel_message'),
      );
      expect(told).toMatchObject({
        link: `/channels/${partnership.channelId}`,
        params: { subject, partnership: true, text: { text: 'Próba w sobotę o 10.', lang: 'pl' } },
        title: {
          pl: `Nowa wiadomość w partnerstwie: ${polishTitle}`,
          en: `New message in the partnership: ${englishTitle}`,
        },
      });
      expect(told.body.en).toMatch(/: Próba w sobotę o 10\.$/);
    });

    it('map the notifications and channel names made before, keeping what no pattern fits', async () => {
      // As the previous version wrote them: an English channel name, and finished sentences.
      await t.dataSource.query(`UPDATE channels SET title = $2 WHERE id = $1`, [
        partnership.channelId,
        `Partnership: ${polishTitle}`,
      ]);
      const [message] = await t.dataSource.query<{ id: number }[]>(
        `SELECT id FROM messages WHERE channel_id = $1 ORDER BY id DESC LIMIT 1`,
        [partnership.channelId],
      );
      const reader = await signUp(t, email('old-rows'), { locale: 'en' });
      const legacy = [
        {
          kind: 'interest',
          payload: {
            title: { pl: `Zainteresowanie: ${polishTitle}`, en: `Interest in: ${polishTitle}` },
            body: {
              pl: 'Dürer-Gymnasium (Norymberga, Niemcy): Hallo!',
              en: 'Dürer-Gymnasium (Nuremberg, Germany): Hallo!',
            },
            link: '/interests',
          },
        },
        {
          kind: 'channel_message',
          payload: {
            title: {
              pl: `Nowa wiadomość: Partnership: ${polishTitle}`,
              en: `New message: Partnership: ${polishTitle}`,
            },
            body: { pl: 'Anna: Próba w sobotę o 10.', en: 'Anna: Próba w sobotę o 10.' },
            link: `/channels/${partnership.channelId}`,
            channelId: partnership.channelId,
            messageId: message.id,
          },
        },
        {
          kind: 'initiative_moderated',
          payload: {
            title: { pl: `Opublikowano: ${polishTitle}`, en: `Published: ${polishTitle}` },
            body: { pl: 'Inicjatywa jest widoczna dla wszystkich.', en: 'Everyone can see the initiative now.' },
            link: `/initiatives/${initiative.id}`,
          },
        },
        {
          kind: 'forum',
          payload: {
            title: { pl: 'Zmiana sali: sesja o 11', en: 'Room change: the 11:00 session' },
            body: { pl: 'Sala B', en: 'Room B' },
            link: '/forum',
          },
        },
      ];
      for (const row of legacy)
        await t.dataSource.query(
          `INSERT INTO notifications (user_id, kind, payload, delivery) VALUES ($1, $2, $3, 'in_app')`,
          [reader.id, row.kind, row.payload],
        );

      const runner = t.dataSource.createQueryRunner();
      try {
        await new NotificationEvents().up(runner);
      } finally {
        await runner.release();
      }

      const [channel] = await t.dataSource.query<{ title: string }[]>(`SELECT title FROM channels WHERE id = $1`, [
        partnership.channelId,
      ]);
      expect(channel.title).toBe(polishTitle);
      const byKind = new Map((await notifications(reader)).map((n) => [n.kind, n]));
      expect(byKind.get('interest')).toMatchObject({
        event: 'interest',
        params: {
          subject,
          organization: 'Dürer-Gymnasium',
          place: { pl: 'Norymberga, Niemcy', en: 'Nuremberg, Germany' },
          text: { text: 'Hallo!', lang: null },
        },
        title: { en: `Interest in: ${englishTitle}`, pl: `Zainteresowanie: ${polishTitle}` },
        body: { en: 'Dürer-Gymnasium (Nuremberg, Germany): Hallo!' },
      });
      expect(byKind.get('channel_message')).toMatchObject({
        event: 'channel_message',
        params: { subject, partnership: true, author: 'Anna', text: { text: 'Próba w sobotę o 10.', lang: 'pl' } },
        title: { pl: `Nowa wiadomość w partnerstwie: ${polishTitle}` },
      });
      expect(byKind.get('initiative_moderated')).toMatchObject({
        event: 'initiative_published',
        params: { subject },
        body: { en: 'Everyone can see the initiative now.' },
      });
      // No pattern fits: its stored texts stay, in both languages.
      expect(byKind.get('forum')).toMatchObject({
        event: null,
        params: null,
        title: { pl: 'Zmiana sali: sesja o 11', en: 'Room change: the 11:00 session' },
        body: { pl: 'Sala B', en: 'Room B' },
      });
    });
  });
});
