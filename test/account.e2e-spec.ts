import request from 'supertest';
import { DEMO_PASSWORD, seedDemoActivity, seedDemoData } from '../scripts/demo-data';
import { createOrPromoteAdmin } from '../src/auth/admin-accounts';
import { clearAddressLimits, lastMail, logIn, PASSWORD, signUp } from './support/accounts';
import { KRAKOW_REFERENCE_DATA, startTestApp, type TestApp } from './support/test-app';

describe('my account', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;

  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  it('changes my name and language', async () => {
    const user = await signUp(t, email('profile'));
    const res = await api().patch('/api/v1/me').set(user.auth).send({ displayName: 'Zofia', locale: 'pl' }).expect(200);
    expect(res.body).toMatchObject({ displayName: 'Zofia', locale: 'pl' });
    await api().patch('/api/v1/me').set(user.auth).send({ role: 'admin' }).expect(400);
    expect((await api().get('/api/v1/me').set(user.auth)).body.role).toBe('member');
  });

  it('exports exactly my data', async () => {
    const mine = await signUp(t, email('exporter'), { displayName: 'Exporter' });
    const theirs = await signUp(t, email('neighbour'), { displayName: 'Neighbour' });
    const myOrganization = (
      await api()
        .post('/api/v1/organizations')
        .set(mine.auth)
        .send({ name: 'My NGO', type: 'ngo', cityKey: 'krakow', areas: ['culture'], languages: ['pl'] })
        .expect(201)
    ).body;
    const theirOrganization = (
      await api()
        .post('/api/v1/organizations')
        .set(theirs.auth)
        .send({ name: 'Their NGO', type: 'ngo', cityKey: 'lviv', areas: ['youth'], languages: ['uk'] })
        .expect(201)
    ).body;

    const res = await api().get('/api/v1/me/export').set(mine.auth).expect(200);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    expect(res.body.account).toMatchObject({ id: mine.id, email: mine.email, displayName: 'Exporter' });
    expect(res.body.sessions).toHaveLength(1);
    expect(res.body.organizationMemberships).toEqual([
      { organizationId: myOrganization.id, name: 'My NGO', role: 'owner', since: expect.any(String) },
    ]);
    expect(res.body.emailsSent.map((m: { kind: string }) => m.kind)).toEqual(['verify_email']);
    const text = JSON.stringify(res.body);
    for (const foreign of [theirs.id, theirs.email, 'Neighbour', theirOrganization.id, 'Their NGO'])
      expect(text).not.toContain(foreign);
    // No live link tokens in a file that may be kept for years.
    expect(text).not.toContain('#token=');
  });

  it('deletes my account: sessions revoked, personal data erased, contributions kept, no more logging in', async () => {
    const address = email('leaver');
    const user = await signUp(t, address, { displayName: 'Leaver' });
    const other = await signUp(t, email('stayer'));
    const organization = (
      await api()
        .post('/api/v1/organizations')
        .set(other.auth)
        .send({ name: 'Shared NGO', type: 'ngo', cityKey: 'krakow', areas: ['culture'], languages: ['pl'] })
        .expect(201)
    ).body;
    await t.dataSource.query(
      `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'editor')`,
      [organization.id, user.id],
    );
    await t.dataSource.query(`UPDATE organizations SET created_by = $2 WHERE id = $1`, [organization.id, user.id]);

    await api().delete('/api/v1/me').set(user.auth).send({ currentPassword: 'not my password' }).expect(400);
    await api().delete('/api/v1/me').set(user.auth).send({ currentPassword: PASSWORD }).expect(204);

    await api().get('/api/v1/me').set(user.auth).expect(401);
    await api().post('/api/v1/auth/refresh').set('Cookie', user.refreshCookie).expect(401);
    await api().post('/api/v1/auth/login').send({ email: address, password: PASSWORD }).expect(401);
    const [row] = await t.dataSource.query(
      `SELECT email, display_name, password_hash, deleted_at FROM users WHERE id = $1`,
      [user.id],
    );
    expect(row).toEqual({ email: null, display_name: null, password_hash: null, deleted_at: expect.any(Date) });
    expect(await t.dataSource.query(`SELECT * FROM organization_members WHERE user_id = $1`, [user.id])).toEqual([]);
    // Public contributions stay, attributed to the erased account.
    expect(
      (await t.dataSource.query(`SELECT created_by FROM organizations WHERE id = $1`, [organization.id]))[0].created_by,
    ).toBe(user.id);
    expect((await lastMail(t, address)).template).toBe('account_deleted');
    // The address is free for a new account.
    await signUp(t, address);
  });

  it('refuses to delete the account of the only owner of an organisation', async () => {
    const user = await signUp(t, email('sole-owner'));
    await api()
      .post('/api/v1/organizations')
      .set(user.auth)
      .send({ name: 'Only Mine', type: 'ngo', cityKey: 'krakow', areas: ['culture'], languages: ['pl'] })
      .expect(201);
    const res = await api().delete('/api/v1/me').set(user.auth).send({ currentPassword: PASSWORD }).expect(409);
    expect(res.body.message).toMatch(/only owner of "Only Mine"/);
    await api().get('/api/v1/me').set(user.auth).expect(200);
  });

  it('creates the first admin from the command line, or promotes an existing user', async () => {
    const created = await createOrPromoteAdmin(t.dataSource, {
      email: 'Chief@Example.org',
      password: 'city hall tower clock',
    });
    expect(created.created).toBe(true);
    const admin = await logIn(t, 'chief@example.org', 'city hall tower clock');
    expect((await api().get('/api/v1/me').set(admin.auth)).body.role).toBe('admin');

    const member = await signUp(t, email('promoted'));
    expect(await createOrPromoteAdmin(t.dataSource, { email: member.email })).toEqual({
      id: member.id,
      created: false,
    });
    expect(
      (
        await api()
          .get('/api/v1/me')
          .set((await logIn(t, member.email)).auth)
      ).body.role,
    ).toBe('admin');

    await expect(
      createOrPromoteAdmin(t.dataSource, { email: 'weak@example.org', password: 'password1234' }),
    ).rejects.toThrow(/too common/);
    await expect(createOrPromoteAdmin(t.dataSource, { email: 'nobody@example.org' })).rejects.toThrow(
      /give --password/,
    );
  });

  it('seeds demo data once: every role can log in and organisations exist in the partner cities', async () => {
    const first = await seedDemoData(t.dataSource, KRAKOW_REFERENCE_DATA);
    expect(first.accounts).toBe(7);
    expect(first.organizations).toBeGreaterThan(80);
    expect(await seedDemoData(t.dataSource, KRAKOW_REFERENCE_DATA)).toEqual({ organizations: 0, accounts: 0 });
    for (const role of ['admin', 'moderator', 'owner', 'editor', 'member', 'partner']) {
      await logIn(t, `${role}@demo.cooperation-forum.example`, DEMO_PASSWORD);
    }
    const schools = await api().get('/api/v1/organizations?type=school&city=nuremberg').expect(200);
    expect(schools.body.items.map((o: { name: string }) => o.name)).toContain('Peter-Vischer-Schule Nürnberg');
    expect((await seedDemoActivity(t.dataSource)).initiatives).toBe(10);
    expect((await seedDemoActivity(t.dataSource)).initiatives).toBe(0);
    const found = await api().get('/api/v1/initiatives').query({ q: 'wymiana' }).expect(200);
    expect(found.body.items.map((i: { title: string }) => i.title)).toContain(
      'Szkoła partnerska w Norymberdze: wymiana uczniów 2027',
    );
    const moderator = await logIn(t, 'moderator@demo.cooperation-forum.example', DEMO_PASSWORD);
    const queue = await api().get('/api/v1/moderation/organizations').set(moderator.auth).expect(200);
    expect(queue.body.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['Stowarzyszenie Nowa Szkoła (pending)']),
    );
  });
});
