import request from 'supertest';
import { ReferenceDataImporter } from '../src/registry/reference-data/reference-data.importer';
import { signUp, type SignedIn } from './support/accounts';
import { KRAKOW_REFERENCE_DATA, startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const JUSTIFICATION = 'Resolution of the City Council of 12 March 2026 decided so';

describe('registry editing: staff change partner cities and their documents', () => {
  let t: TestApp;
  let admin: SignedIn;
  let editor: SignedIn;
  let moderator: SignedIn;
  let member: SignedIn;
  const api = () => request(t.app.getHttpServer());
  const city = async (key: string): Promise<Json> => (await api().get(`/api/v1/cities/${key}`).expect(200)).body;
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM (${sql}) x`, params))[0].n);
  const history = async (key: string) =>
    (await api().get(`/api/v1/cities/${key}/history`).set(editor.auth).expect(200)).body.items as Json[];
  /** Nothing written: the registry's history and the audit log's registry rows. */
  const writes = () =>
    Promise.all([
      count(`SELECT 1 FROM registry_changes`),
      count(`SELECT 1 FROM audit_log WHERE action LIKE 'registry.%'`),
    ]);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp(t, 'admin@registry.test', { role: 'admin', displayName: 'Anna Admin' });
    editor = await signUp(t, 'editor@registry.test', { role: 'moderator', displayName: 'Ewa Editor' });
    moderator = await signUp(t, 'moderator@registry.test', { role: 'moderator' });
    member = await signUp(t, 'member@registry.test');
    await api().put(`/api/v1/staff/${editor.id}/grants/registry_editor`).set(admin.auth).expect(204);
  });
  afterAll(() => t.close());

  describe('the registry_editor role', () => {
    it('is granted by an admin, shown on the account and audited', async () => {
      const me = await api().get('/api/v1/me').set(editor.auth).expect(200);
      expect(me.body.grants).toEqual(['registry_editor']);
      expect((await api().get('/api/v1/me').set(moderator.auth).expect(200)).body.grants).toEqual([]);
      const [row] = await t.dataSource.query(
        `SELECT actor_id, target_id, details FROM audit_log WHERE action = 'staff_role.grant'`,
      );
      expect(row).toEqual({ actor_id: admin.id, target_id: editor.id, details: { grant: 'registry_editor' } });
      const staff = await api().get('/api/v1/staff').set(admin.auth).expect(200);
      expect(staff.body.items.find((s: Json) => s.id === editor.id)).toMatchObject({ grants: ['registry_editor'] });
      expect(staff.body.items.map((s: Json) => s.id)).not.toContain(member.id);
    });

    it('is needed on every registry write: a moderator or an admin without it gets a 403', async () => {
      const version = (await city('nuremberg')).version;
      for (const who of [moderator, admin]) {
        const res = await api()
          .patch('/api/v1/cities/nuremberg')
          .set(who.auth)
          .send({ version, status: 'limited' })
          .expect(403);
        expect(res.body.message).toMatch(/registry editor role/);
        await api()
          .post('/api/v1/cities/nuremberg/documents')
          .set(who.auth)
          .send({ kind: 'protocol', signedOn: '2026-01-10' })
          .expect(403);
        await api()
          .post('/api/v1/cities')
          .set(who.auth)
          .send({
            key: 'kyoto',
            name: 'Kyoto',
            namePl: 'Kioto',
            country: 'JP',
            lat: 35,
            lon: 135,
            inEurope: false,
            relationship: 'partner',
            status: null,
            areas: [],
          })
          .expect(403);
      }
      await api().patch('/api/v1/cities/nuremberg').send({ version, status: 'limited' }).expect(401);
      await api().patch('/api/v1/cities/nuremberg').set(member.auth).send({ version, status: 'limited' }).expect(403);
      expect((await city('nuremberg')).status).toBe('active');
    });

    it('only admins grant it, only to staff, and withdrawing it takes effect at once (audited)', async () => {
      await api().put(`/api/v1/staff/${moderator.id}/grants/registry_editor`).set(editor.auth).expect(403);
      const toMember = await api().put(`/api/v1/staff/${member.id}/grants/registry_editor`).set(admin.auth).expect(422);
      expect(toMember.body.message).toMatch(/Only city staff/);
      await api().put(`/api/v1/staff/${moderator.id}/grants/registry_viewer`).set(admin.auth).expect(400);

      await api().put(`/api/v1/staff/${moderator.id}/grants/registry_editor`).set(admin.auth).expect(204);
      const version = (await city('leuven')).version;
      await api().patch('/api/v1/cities/leuven').set(moderator.auth).send({ version, lat: 50.88 }).expect(200);
      await api().delete(`/api/v1/staff/${moderator.id}/grants/registry_editor`).set(admin.auth).expect(204);
      await api()
        .patch('/api/v1/cities/leuven')
        .set(moderator.auth)
        .send({ version: version + 1, lat: 50.9 })
        .expect(403);
      const actions = await t.dataSource.query(
        `SELECT action FROM audit_log WHERE target_id = $1 AND action LIKE 'staff_role.%' ORDER BY id`,
        [moderator.id],
      );
      expect(actions.map((a: Json) => a.action)).toEqual(['staff_role.grant', 'staff_role.withdraw']);
      expect((await api().get('/api/v1/me').set(moderator.auth).expect(200)).body.grants).toEqual([]);
    });
  });

  describe('editing a city', () => {
    it('saves the change, keeps who changed what in the history and the audit log, and the import then keeps it', async () => {
      const before = await city('edinburgh');
      const res = await api()
        .patch('/api/v1/cities/edinburgh')
        .set(editor.auth)
        .send({ version: before.version, status: 'developing', areas: ['culture', 'science'], lat: 55.96 })
        .expect(200);
      expect(res.body).toMatchObject({ status: 'developing', areas: ['culture', 'science'], lat: 55.96 });
      expect(res.body.version).toBe(before.version + 1);

      const [change] = await history('edinburgh');
      expect(change).toMatchObject({
        action: 'city.update',
        actorName: 'Ewa Editor',
        documentId: null,
        changes: {
          status: { from: 'active', to: 'developing' },
          areas: { from: before.areas, to: ['culture', 'science'] },
          lat: { from: before.lat, to: 55.96 },
        },
        overriddenRules: [],
        justification: null,
      });
      const [audit] = await t.dataSource.query(
        `SELECT actor_id, target_type, details FROM audit_log WHERE action = 'registry.city.update' AND target_id = 'edinburgh'`,
      );
      expect(audit).toMatchObject({ actor_id: editor.id, target_type: 'city' });
      expect(audit.details.changes.status).toEqual({ from: 'active', to: 'developing' });

      const report = await t.app.get(ReferenceDataImporter).importFile(KRAKOW_REFERENCE_DATA);
      expect(report.skipped.cities).toContain('edinburgh');
      expect(report.cities.kept).toBe(report.skipped.cities.length);
      expect((await city('edinburgh')).status).toBe('developing');
    });

    it('keeps the notes in their language with a version in the other, and readers get theirs', async () => {
      const { version } = await city('solothurn');
      await api()
        .patch('/api/v1/cities/solothurn')
        .set(editor.auth)
        .send({
          version,
          facts: ['Wymiana chórów szkolnych od 2024 roku.'],
          factsLanguage: 'pl',
          factsTranslation: ['School choir exchanges since 2024.'],
        })
        .expect(200);
      const polish = await api().get('/api/v1/cities/solothurn').set('Accept-Language', 'pl').expect(200);
      expect(polish.body).toMatchObject({ facts: ['Wymiana chórów szkolnych od 2024 roku.'], factsLang: 'pl' });
      const english = await api().get('/api/v1/cities/solothurn').set('Accept-Language', 'en').expect(200);
      expect(english.body).toMatchObject({ facts: ['School choir exchanges since 2024.'], factsLang: 'en' });
      expect((await history('solothurn'))[0].changes.factsLanguage).toEqual({ from: 'en', to: 'pl' });
    });

    it('refuses a save over a newer version: of two saves at once, one wins and the other is told', async () => {
      const { version } = await city('bordeaux');
      const [a, b] = await Promise.all([
        api().patch('/api/v1/cities/bordeaux').set(editor.auth).send({ version, status: 'active' }),
        api().patch('/api/v1/cities/bordeaux').set(editor.auth).send({ version, status: 'inactive' }),
      ]);
      const statuses = [a.status, b.status].sort();
      expect(statuses).toEqual([200, 409]);
      const lost = a.status === 409 ? a : b;
      const won = a.status === 200 ? a : b;
      expect(lost.body.code).toBe('version_conflict');
      expect(lost.body.message).toMatch(/changed by someone else since you opened it/);
      const now = await city('bordeaux');
      expect(now.status).toBe(won.body.status);
      expect(now.version).toBe(version + 1);
      expect((await history('bordeaux')).length).toBe(1);
    });

    it('answers bad input with a 4xx naming the field, and changes nothing', async () => {
      const { version } = await city('vilnius');
      const before = await writes();
      const unknown = await api()
        .patch('/api/v1/cities/atlantis')
        .set(editor.auth)
        .send({ version: 1, lat: 1 })
        .expect(404);
      expect(unknown.body.message).toMatch(/atlantis/);
      const field = await api()
        .patch('/api/v1/cities/vilnius')
        .set(editor.auth)
        .send({ version, population: 500000 })
        .expect(400);
      expect(field.body.fields).toHaveProperty('population');
      const lat = await api().patch('/api/v1/cities/vilnius').set(editor.auth).send({ version, lat: 123 }).expect(400);
      expect(lat.body.fields.lat).toEqual(['lat must be a number from -90 to 90']);
      const area = await api()
        .patch('/api/v1/cities/vilnius')
        .set(editor.auth)
        .send({ version, areas: ['basket_weaving'] })
        .expect(400);
      expect(area.body.fields).toHaveProperty('areas');
      await api().patch('/api/v1/cities/vilnius').set(editor.auth).send({ lat: 54 }).expect(400);
      await api().patch('/api/v1/cities/vilnius').set(editor.auth).send({ version, name: null }).expect(400);
      // A city's key is its address: an edit cannot change it.
      const key = await api()
        .patch('/api/v1/cities/vilnius')
        .set(editor.auth)
        .send({ version, key: 'wilno' })
        .expect(400);
      expect(key.body.fields).toHaveProperty('key');
      expect(await writes()).toEqual(before);
      expect((await city('vilnius')).version).toBe(version);
    });
  });

  describe("the programme's rules", () => {
    it('one twin city per country: a second German twin is a 409 naming the rule, allowed with a justification', async () => {
      const { version } = await city('frankfurt');
      const refused = await api()
        .patch('/api/v1/cities/frankfurt')
        .set(editor.auth)
        .send({ version, relationship: 'twin' })
        .expect(409);
      expect(refused.body.code).toBe('programme_rule');
      expect(refused.body.message).toMatch(/one_twin_city_per_country/);
      expect(refused.body.rules).toEqual([
        expect.objectContaining({ name: 'one_twin_city_per_country', pl: expect.stringMatching(/jednym miastem/) }),
      ]);
      const short = await api()
        .patch('/api/v1/cities/frankfurt')
        .set(editor.auth)
        .send({ version, relationship: 'twin', overrideJustification: 'because' })
        .expect(400);
      expect(short.body.fields).toHaveProperty('overrideJustification');
      expect((await city('frankfurt')).relationship).toBe('partner');

      await api()
        .patch('/api/v1/cities/frankfurt')
        .set(editor.auth)
        .send({ version, relationship: 'twin', overrideJustification: JUSTIFICATION })
        .expect(200);
      const [change] = await history('frankfurt');
      expect(change).toMatchObject({
        overriddenRules: ['one_twin_city_per_country'],
        justification: JUSTIFICATION,
        changes: { relationship: { from: 'partner', to: 'twin' } },
      });
      const [audit] = await t.dataSource.query(
        `SELECT reason, details FROM audit_log WHERE action = 'registry.city.update' AND target_id = 'frankfurt'`,
      );
      expect(audit.reason).toBe(JUSTIFICATION);
      expect(audit.details.overriddenRules).toEqual(['one_twin_city_per_country']);
    });

    it('the honorary title only outside Europe: a European honorary twin is a 422, nothing created', async () => {
      const body = {
        key: 'ljubljana',
        name: 'Ljubljana',
        namePl: 'Lublana',
        country: 'SI',
        lat: 46.05,
        lon: 14.51,
        inEurope: true,
        relationship: 'honorary_twin',
        status: 'developing',
        areas: ['culture'],
      };
      const refused = await api().post('/api/v1/cities').set(editor.auth).send(body).expect(422);
      expect(refused.body.rules.map((r: Json) => r.name)).toEqual(['honorary_title_outside_europe']);
      await api().get('/api/v1/cities/ljubljana').expect(404);
      await api()
        .post('/api/v1/cities')
        .set(editor.auth)
        .send({ ...body, overrideJustification: JUSTIFICATION })
        .expect(201);
      expect((await history('ljubljana'))[0]).toMatchObject({
        action: 'city.create',
        overriddenRules: ['honorary_title_outside_europe'],
      });
    });

    it('a twin-city agreement only with a twin city, the honorary title only for an honorary twin', async () => {
      const twin = await api()
        .post('/api/v1/cities/seville/documents')
        .set(editor.auth)
        .send({ kind: 'twin_city_agreement', signedOn: '2026-05-04' })
        .expect(422);
      expect(twin.body.rules.map((r: Json) => r.name)).toEqual(['twin_agreement_only_with_twin_city']);
      const title = await api()
        .post('/api/v1/cities/rochester/documents')
        .set(editor.auth)
        .send({ kind: 'honorary_twin_title', signedOn: '2026-05-04' })
        .expect(422);
      expect(title.body.rules.map((r: Json) => r.name)).toEqual(['honorary_title_only_for_honorary_twin']);
      expect((await city('seville')).documents).toHaveLength(1);
      expect((await city('rochester')).documents).toHaveLength(1);
    });

    it('informal cooperation holds working documents only; an old record that breaks a rule can still be corrected', async () => {
      const refused = await api()
        .post('/api/v1/cities/vienna/documents')
        .set(editor.auth)
        .send({ kind: 'sectoral_agreement', signedOn: '2026-03' })
        .expect(422);
      expect(refused.body.rules.map((r: Json) => r.name)).toEqual(['informal_cooperation_without_agreements']);
      await api()
        .post('/api/v1/cities/vienna/documents')
        .set(editor.auth)
        .send({ kind: 'declaration', signedOn: '2026-03' })
        .expect(201);
      await api()
        .post('/api/v1/cities/vienna/documents')
        .set(editor.auth)
        .send({ kind: 'sectoral_agreement', signedOn: '2026-03', overrideJustification: JUSTIFICATION })
        .expect(201);
      // Moscow (informal) already holds a sectoral agreement in the reference data.
      const moscow = await city('moscow');
      await api()
        .patch('/api/v1/cities/moscow')
        .set(editor.auth)
        .send({ version: moscow.version, status: 'inactive' })
        .expect(200);
    });
  });

  describe('documents', () => {
    it('adds a document with its term and edits it, with deadlines computed and history kept', async () => {
      const created = await api()
        .post('/api/v1/cities/innsbruck/documents')
        .set(editor.auth)
        .send({
          kind: 'sectoral_agreement',
          title: 'Umowa o współpracy w dziedzinie ochrony środowiska',
          signedOn: '2025-09-15',
          term: 'fixed_auto_renew',
          termYears: 3,
          noticeMonths: 6,
          areas: ['environment'],
          source: 'Uchwała Rady Miasta Krakowa nr XII/345/25',
        })
        .expect(201);
      const document = created.body.documents.find((d: Json) => d.kind === 'sectoral_agreement');
      expect(document).toMatchObject({
        signedOn: '2025-09-15',
        signedOnPrecision: 'day',
        nextExpiryOn: '2028-09-15',
        noticeDeadlineOn: '2028-03-15',
        source: 'Uchwała Rady Miasta Krakowa nr XII/345/25',
        version: 1,
      });
      const edited = await api()
        .patch(`/api/v1/cities/innsbruck/documents/${document.id}`)
        .set(editor.auth)
        .send({ version: 1, noticeMonths: 3, signedOn: '2025-09' })
        .expect(200);
      expect(edited.body.documents.find((d: Json) => d.id === document.id)).toMatchObject({
        noticeMonths: 3,
        signedOn: '2025-09-01',
        signedOnPrecision: 'month',
        version: 2,
      });
      const stale = await api()
        .patch(`/api/v1/cities/innsbruck/documents/${document.id}`)
        .set(editor.auth)
        .send({ version: 1, noticeMonths: 2 })
        .expect(409);
      expect(stale.body.message).toMatch(/changed by someone else since you opened it/);
      const [change, creation] = await history('innsbruck');
      expect(change).toMatchObject({
        action: 'document.update',
        documentId: document.id,
        changes: {
          noticeMonths: { from: 6, to: 3 },
          signedOn: { from: '2025-09-15', to: '2025-09-01' },
          signedOnPrecision: { from: 'day', to: 'month' },
        },
      });
      expect(creation).toMatchObject({ action: 'document.create', documentId: document.id });
      const edits = await t.dataSource.query(`SELECT edited_at FROM city_documents WHERE id = $1`, [document.id]);
      expect(edits[0].edited_at).not.toBeNull();
    });

    it('answers bad input with a 4xx naming the field, and records nothing', async () => {
      const before = await writes();
      const documentsBefore = (await city('pecs')).documents.length;
      const send = (body: Json, key = 'pecs') =>
        api().post(`/api/v1/cities/${key}/documents`).set(editor.auth).send(body);

      expect((await send({ kind: 'protocol' }, 'atlantis').expect(404)).body.message).toMatch(/atlantis/);
      expect((await send({ kind: 'protocol', signedOn: '2023-02-30' }).expect(400)).body.fields).toHaveProperty(
        'signedOn',
      );
      expect((await send({ kind: 'protocol', signedOn: '2023-13' }).expect(400)).body.fields).toHaveProperty(
        'signedOn',
      );
      expect((await send({ kind: 'protocol', validFrom: '2023-02-29' }).expect(400)).body.fields).toHaveProperty(
        'validFrom',
      );
      const endBeforeStart = await send({
        kind: 'cooperation_agreement',
        signedOn: '2024-05-01',
        term: 'fixed',
        validUntil: '2023-05-01',
      }).expect(400);
      expect(endBeforeStart.body.fields.validUntil[0]).toMatch(/before the document starts/);
      const notice = await send({
        kind: 'cooperation_agreement',
        signedOn: '2024-05-01',
        term: 'fixed_auto_renew',
        termYears: 1,
        noticeMonths: 18,
      }).expect(400);
      expect(notice.body.fields.noticeMonths[0]).toBe(
        'a notice period of 18 months is longer than the term (12 months)',
      );
      // Pécs's partnership agreement of 27 April 1998 is in the reference data.
      const duplicate = await send({ kind: 'partnership_agreement', signedOn: '1998-04-27' }).expect(409);
      expect(duplicate.body.code).toBe('duplicate_document');
      expect((await send({ kind: 'treaty' }).expect(400)).body.fields).toHaveProperty('kind');
      expect((await send({ kind: 'protocol', pages: 3 }).expect(400)).body.fields).toHaveProperty('pages');
      await api()
        .patch('/api/v1/cities/pecs/documents/999999')
        .set(editor.auth)
        .send({ version: 1, title: 'x' })
        .expect(404);

      expect(await writes()).toEqual(before);
      expect((await city('pecs')).documents).toHaveLength(documentsBefore);
    });
  });

  it('shows the history to staff only', async () => {
    await api().get('/api/v1/cities/edinburgh/history').expect(401);
    await api().get('/api/v1/cities/edinburgh/history').set(member.auth).expect(403);
    await api().get('/api/v1/cities/edinburgh/history').set(moderator.auth).expect(200);
  });
});
