import request from 'supertest';
import { preferredLanguage } from '../src/common/i18n/reader-language';
import { clearAddressLimits, lastMail, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

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
    t = await startTestApp();
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
      expect(match.reasons).toContainEqual({ code: 'city_tier', text: 'Norymberga to miasto bliźniacze Krakowa' });

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
});
