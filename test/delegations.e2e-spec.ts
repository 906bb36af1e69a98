import request from 'supertest';
import { signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HEADER = 'direction,starts_on,ends_on,city,place,purpose,people,areas,host,public';

describe('the delegations and visits register', () => {
  let t: TestApp;
  let editor: SignedIn;
  let moderator: SignedIn;
  let admin: SignedIn;
  let member: SignedIn;
  let school: { id: string; name: string };
  const api = () => request(t.app.getHttpServer());
  const count = async (sql: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM (${sql}) x`))[0].n);
  /** What a failed write must leave untouched: the visits and their audit rows. */
  const writes = () =>
    Promise.all([
      count(`SELECT 1 FROM delegations`),
      count(`SELECT 1 FROM audit_log WHERE action LIKE 'delegation.%'`),
    ]);
  const visit = (overrides: Json = {}): Json => ({
    direction: 'incoming',
    startsOn: '2026-05-12',
    endsOn: '2026-05-14',
    city: 'nuremberg',
    purpose: 'Wizyta studyjna: gospodarka odpadami',
    peopleCount: 6,
    areas: ['environment'],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp(t, 'admin@delegations.test', { role: 'admin' });
    editor = await signUp(t, 'editor@delegations.test', { role: 'moderator', displayName: 'Ewa Editor' });
    moderator = await signUp(t, 'moderator@delegations.test', { role: 'moderator' });
    member = await signUp(t, 'member@delegations.test');
    await api().put(`/api/v1/staff/${editor.id}/grants/registry_editor`).set(admin.auth).expect(204);
    school = await verifiedOrganization(t, member, moderator);
  });
  afterAll(() => t.close());

  it('is kept by registry editors only: others get a 403 (401 without an account) and change nothing', async () => {
    const before = await writes();
    for (const who of [moderator, admin, member]) {
      await api().post('/api/v1/delegations').set(who.auth).send(visit()).expect(403);
      await api().get('/api/v1/delegations').set(who.auth).expect(403);
      await api().get('/api/v1/delegations/summary/all').set(who.auth).expect(403);
      await api()
        .post('/api/v1/delegations/import')
        .set(who.auth)
        .send({ csv: `${HEADER}\nincoming,2026-01-01,2026-01-02,lviv,,Visit,3,,,yes` })
        .expect(403);
    }
    await api().post('/api/v1/delegations').send(visit()).expect(401);
    expect(await writes()).toEqual(before);
  });

  it('stores a visit with its audit row, and gives it back as entered', async () => {
    const created = await api()
      .post('/api/v1/delegations')
      .set(editor.auth)
      .send(visit({ organizationIds: [school.id], host: 'Wydział Gospodarki Komunalnej', isPublic: true }))
      .expect(201);
    expect(created.body).toMatchObject({
      direction: 'incoming',
      startsOn: '2026-05-12',
      endsOn: '2026-05-14',
      city: { key: 'nuremberg', name: 'Nuremberg', namePl: 'Norymberga' },
      place: null,
      language: 'pl',
      organizations: [{ id: school.id, name: school.name }],
      peopleCount: 6,
      isPublic: true,
      version: 1,
    });
    const [audit] = await t.dataSource.query(
      `SELECT actor_id, target_id FROM audit_log WHERE action = 'delegation.create' AND target_id = $1`,
      [String(created.body.id)],
    );
    expect(audit).toEqual({ actor_id: editor.id, target_id: String(created.body.id) });
    const listed = await api().get('/api/v1/delegations?year=2026').set(editor.auth).expect(200);
    expect(listed.body.items.map((item: Json) => item.id)).toContain(created.body.id);
  });

  it.each([
    [{ endsOn: '2026-05-11' }, 'endsOn', /before startsOn/],
    [{ startsOn: '2026-02-30' }, 'startsOn', /date written YYYY-MM-DD/],
    [{ place: 'Brussels' }, 'place', /not both/],
    [{ city: null }, 'city', /give city .* or place/],
    [{ city: 'atlantis' }, 'city', /not a partner city/],
    [{ city: 'krakow' }, 'city', /not a partner city/],
    [{ areas: ['astrology'] }, 'areas', /unknown value/],
    [{ organizationIds: ['7b0e2f3c-1a2b-4c3d-8e9f-0a1b2c3d4e5f'] }, 'organizationIds', /no organisation/],
    [{ peopleCount: 0 }, 'peopleCount', /1 to 10000/],
    [{ direction: 'sideways' }, 'direction', /incoming, outgoing/],
    [{ purpose: null }, 'purpose', /may not be null|must be a text/],
  ])('refuses %j with a 400 naming the field, and stores nothing', async (change, field, message) => {
    const before = await writes();
    const res = await api().post('/api/v1/delegations').set(editor.auth).send(visit(change)).expect(400);
    expect(res.body.fields[field][0]).toMatch(message);
    expect(await writes()).toEqual(before);
  });

  it('has the database refuse an end before the start, whoever writes', async () => {
    await expect(
      t.dataSource.query(
        `INSERT INTO delegations (direction, starts_on, ends_on, place, purpose, people_count) VALUES ('incoming', '2026-03-02', '2026-03-01', 'Brussels', 'x', 1)`,
      ),
    ).rejects.toThrow(/delegations_dates_in_order/);
    await expect(
      t.dataSource.query(
        `INSERT INTO delegations (direction, starts_on, ends_on, purpose, people_count) VALUES ('incoming', '2026-03-01', '2026-03-01', 'x', 1)`,
      ),
    ).rejects.toThrow(/delegations_city_or_place/);
  });

  it('tells the second of two saves of the same version that the visit changed, and keeps the first', async () => {
    const { body } = await api().post('/api/v1/delegations').set(editor.auth).send(visit()).expect(201);
    await api()
      .patch(`/api/v1/delegations/${body.id}`)
      .set(editor.auth)
      .send({ version: body.version, peopleCount: 8 })
      .expect(200);
    const before = await writes();
    const second = await api()
      .patch(`/api/v1/delegations/${body.id}`)
      .set(editor.auth)
      .send({ version: body.version, peopleCount: 12 })
      .expect(409);
    expect(second.body.code).toBe('version_conflict');
    expect(second.body.message).toMatch(/changed by someone else/);
    expect(await writes()).toEqual(before);
    const now = await api().get(`/api/v1/delegations/${body.id}`).set(editor.auth).expect(200);
    expect(now.body).toMatchObject({ peopleCount: 8, version: 2 });
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'delegation.update' AND target_id = $1`,
      [String(body.id)],
    );
    expect(audit.details.changes).toEqual({ peopleCount: { from: 6, to: 8 } });
  });

  it('moves a visit from a partner city to another place, and refuses an end before the start on an edit', async () => {
    const { body } = await api().post('/api/v1/delegations').set(editor.auth).send(visit()).expect(201);
    const moved = await api()
      .patch(`/api/v1/delegations/${body.id}`)
      .set(editor.auth)
      .send({ version: 1, place: 'Bruksela, Komitet Regionów' })
      .expect(200);
    expect(moved.body).toMatchObject({ city: null, place: 'Bruksela, Komitet Regionów', version: 2 });
    const res = await api()
      .patch(`/api/v1/delegations/${body.id}`)
      .set(editor.auth)
      .send({ version: 2, endsOn: '2026-01-01' })
      .expect(400);
    expect(res.body.fields.endsOn[0]).toMatch(/before startsOn/);
    await api().patch('/api/v1/delegations/999999').set(editor.auth).send({ version: 1, peopleCount: 2 }).expect(404);
  });

  describe('CSV import', () => {
    const importCsv = (csv: string) => api().post('/api/v1/delegations/import').set(editor.auth).send({ csv });

    it('names the columns expected when the header is wrong, and stores nothing', async () => {
      const before = await writes();
      const res = await importCsv('kierunek,od,do\nincoming,2026-01-01,2026-01-02').expect(400);
      expect(res.body.message).toMatch(/direction, starts_on, ends_on, city, place, purpose, people/);
      expect(res.body.message).toMatch(/Not known: kierunek, od, do/);
      expect(await writes()).toEqual(before);
    });

    it('stores nothing when one row is wrong, and reports each rejected row with why', async () => {
      const before = await writes();
      const res = await importCsv(
        [
          HEADER,
          'incoming,2025-03-03,2025-03-05,lviv,,Wizyta lekarzy ze Lwowa,12,health,Szpital Żeromskiego,yes',
          'outgoing,2025-04-10,2025-04-08,leipzig,,Szkolenie: fundusze UE,4,,,no',
          'outgoing,2025-06-01,2025-06-02,atlantis,,Nowhere,2,,,no',
          'incoming,2025-09-09,2025-09-09,,"Bruksela, Komitet Regionów",Posiedzenie,3,,,maybe',
        ].join('\n'),
      ).expect(422);
      expect(res.body.code).toBe('rows_rejected');
      expect(res.body.message).toMatch(/3 of 4 rows .* nothing was imported/);
      expect(res.body.rejected).toEqual([
        { line: 3, errors: [expect.stringMatching(/^ends_on: .*before startsOn/)] },
        { line: 4, errors: [expect.stringMatching(/^city: city "atlantis" is not a partner city/)] },
        { line: 5, errors: [expect.stringMatching(/^public: isPublic must be true or false/)] },
      ]);
      expect(await writes()).toEqual(before);
    });

    it('stores every row of a correct file in one go, with one audit row', async () => {
      const [visits, audits] = await writes();
      const res = await importCsv(
        [
          HEADER,
          'incoming,2005-03-03,2005-03-05,lviv,,Wizyta lekarzy ze Lwowa,12,health;social,Szpital Żeromskiego,tak',
          'outgoing,2005-04-10,2005-04-12,leipzig,,Szkolenie: fundusze UE,4,,,nie',
          'incoming,2005-09-09,2005-09-09,,"Bruksela, Komitet Regionów",Posiedzenie,3,,,',
        ].join('\r\n'),
      ).expect(201);
      expect(res.body.imported).toBe(3);
      expect(await writes()).toEqual([visits + 3, audits + 1]);
      const year = await api().get('/api/v1/delegations?year=2005').set(editor.auth).expect(200);
      expect(
        year.body.items.map((item: Json) => [item.direction, item.city?.key ?? item.place, item.isPublic]),
      ).toEqual([
        ['incoming', 'Bruksela, Komitet Regionów', false],
        ['outgoing', 'leipzig', false],
        ['incoming', 'lviv', true],
      ]);
    });
  });

  describe('what the public sees', () => {
    beforeAll(async () => {
      await api()
        .post('/api/v1/delegations')
        .set(editor.auth)
        .send(
          visit({
            startsOn: '2024-10-01',
            endsOn: '2024-10-03',
            city: 'kyiv',
            purpose: 'Public visit',
            isPublic: true,
          }),
        )
        .expect(201);
      await api()
        .post('/api/v1/delegations')
        .set(editor.auth)
        .send(
          visit({
            startsOn: '2024-11-05',
            endsOn: '2024-11-05',
            city: 'kyiv',
            direction: 'outgoing',
            purpose: 'Confidential talks on the reconstruction fund',
            organizationIds: [school.id],
          }),
        )
        .expect(201);
    });

    it('counts by year, direction and city the public visits only', async () => {
      const res = await api().get('/api/v1/delegations/summary').expect(200);
      const kyiv = res.body.counts.filter((row: Json) => row.year === 2024);
      expect(kyiv).toEqual([
        {
          year: 2024,
          direction: 'incoming',
          city: { key: 'kyiv', name: 'Kyiv', namePl: 'Kijów' },
          visits: 1,
          people: 6,
        },
      ]);
      expect(res.body.years.find((row: Json) => row.year === 2024)).toEqual({ year: 2024, incoming: 1, outgoing: 0 });
      // Staff see every visit counted.
      const all = await api().get('/api/v1/delegations/summary/all').set(editor.auth).expect(200);
      expect(all.body.years.find((row: Json) => row.year === 2024)).toEqual({ year: 2024, incoming: 1, outgoing: 1 });
    });

    it('lists the public visits and never a private one, nor what only staff see', async () => {
      const res = await api().get('/api/v1/delegations/public?year=2024').expect(200);
      expect(res.body.items.map((item: Json) => item.purpose)).toEqual(['Public visit']);
      const everything = JSON.stringify([
        (await api().get('/api/v1/delegations/public').expect(200)).body,
        (await api().get('/api/v1/delegations/summary').expect(200)).body,
      ]);
      expect(everything).not.toMatch(/Confidential/);
      expect(everything).not.toMatch(/isPublic|version|organizationIds/);
      await api().get('/api/v1/delegations/public?year=twenty').expect(400);
    });
  });
});
