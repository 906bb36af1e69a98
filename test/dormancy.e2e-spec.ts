import request from 'supertest';
import { DEMO_DOMAIN, DEMO_PASSWORD, seedDemoActivity, seedDemoData, seedDemoDelegations } from '../scripts/demo-data';
import { logIn, type SignedIn } from './support/accounts';
import { KRAKOW_REFERENCE_DATA, startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('dormant partnerships, found from evidence on the demo data', () => {
  let t: TestApp;
  let editor: SignedIn;
  let moderator: SignedIn;
  const api = () => request(t.app.getHttpServer());
  const list = async (query = ''): Promise<Json> =>
    (await api().get(`/api/v1/dormancy${query}`).set(editor.auth).expect(200)).body;
  const city = async (key: string): Promise<Json> => (await list()).items.find((item: Json) => item.key === key);

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.dataSource, KRAKOW_REFERENCE_DATA);
    await seedDemoActivity(t.dataSource);
    await seedDemoDelegations(t.dataSource);
    // The demo admin holds the registry editor role; the demo moderator does not.
    editor = await logIn(t, `admin@${DEMO_DOMAIN}`, DEMO_PASSWORD);
    moderator = await logIn(t, `moderator@${DEMO_DOMAIN}`, DEMO_PASSWORD);
  });
  afterAll(() => t.close());

  it('flags the quiet partner cities and not the busy ones, with the evidence', async () => {
    const body = await list();
    expect(body).toMatchObject({ windowMonths: 24, minimum: 3 });
    const flagged = body.items.filter((item: Json) => item.flagged).map((item: Json) => item.key);
    expect(flagged).toEqual(expect.arrayContaining(['cusco', 'fez', 'gothenburg', 'zagreb']));
    expect(flagged).not.toContain('nuremberg');
    expect(flagged).not.toContain('lviv');
    const nuremberg = body.items.find((item: Json) => item.key === 'nuremberg');
    expect(nuremberg.activity).toMatchObject({ delegations: 3, initiatives: 1 });
    expect(nuremberg.activity.organizations).toBeGreaterThanOrEqual(3);
    expect((await city('lviv')).activity.delegations).toBe(3);
    expect((await city('cusco')).activity).toEqual({
      initiatives: 0,
      organizations: 0,
      partnerships: 0,
      messages: 0,
      forumSessions: 0,
      meetings: 0,
      delegations: 0,
    });
    // A visit older than the window does not count: La Serena's of 2005.
    expect((await city('la_serena')).activity.delegations).toBe(0);
    await api().get('/api/v1/dormancy?windowMonths=0').set(editor.auth).expect(400);
  });

  it('is for registry editors: a moderator without the role gets a 403, for the boost too', async () => {
    await api().get('/api/v1/dormancy').set(moderator.auth).expect(403);
    await api().post('/api/v1/dormancy/cusco/confirm').set(moderator.auth).send({}).expect(403);
    await api().put('/api/v1/cities/cusco/boost').set(moderator.auth).send({ boost: 5 }).expect(403);
    expect((await city('cusco')).review).toBeNull();
  });

  it('confirming sets the status dormant, with the history and audit rows', async () => {
    const confirmed = await api()
      .post('/api/v1/dormancy/cusco/confirm')
      .set(editor.auth)
      .send({ reason: 'No contact since 2019' })
      .expect(200);
    expect(confirmed.body).toMatchObject({ key: 'cusco', status: 'dormant', review: { decision: 'confirmed' } });
    expect((await api().get('/api/v1/cities/cusco').expect(200)).body.status).toBe('dormant');
    const [review] = await t.dataSource.query(`SELECT decision, evidence FROM dormancy_reviews`);
    expect(review).toMatchObject({ decision: 'confirmed', evidence: { delegations: 0, initiatives: 0 } });
    const [audit] = await t.dataSource.query(
      `SELECT actor_id, reason, details FROM audit_log WHERE action = 'dormancy.confirm' AND target_id = 'cusco'`,
    );
    expect(audit).toMatchObject({ actor_id: editor.id, reason: 'No contact since 2019' });
    expect(audit.details.status).toEqual({ from: 'inactive', to: 'dormant' });
  });

  it('dismissing needs a reason and takes the flag away', async () => {
    const refused = await api().post('/api/v1/dormancy/fez/dismiss').set(editor.auth).send({}).expect(400);
    expect(refused.body.fields.reason[0]).toMatch(/3 to 2000 characters/);
    expect((await city('fez')).flagged).toBe(true);
    const dismissed = await api()
      .post('/api/v1/dormancy/fez/dismiss')
      .set(editor.auth)
      .send({ reason: 'The medina restoration project runs outside the platform' })
      .expect(200);
    expect(dismissed.body).toMatchObject({ flagged: false, possiblyDormant: true, review: { decision: 'dismissed' } });
  });

  it('marking for revival sets the matching boost, audited', async () => {
    await api().post('/api/v1/dormancy/zagreb/revive').set(editor.auth).send({ boost: 21 }).expect(400);
    const revived = await api().post('/api/v1/dormancy/zagreb/revive').set(editor.auth).send({}).expect(200);
    expect(revived.body).toMatchObject({ matchBoost: 10, review: { decision: 'revival' } });
    const [audit] = await t.dataSource.query(
      `SELECT details FROM audit_log WHERE action = 'dormancy.revive' AND target_id = 'zagreb'`,
    );
    expect(audit.details.matchBoost).toEqual({ from: 0, to: 10 });
    await api().post('/api/v1/dormancy/atlantis/revive').set(editor.auth).send({}).expect(404);
  });
});
