import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { lastMail, PASSWORD, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, connect, connected } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Personal data is whole: a person who did everything the platform offers finds each kind of it
 * in their export, and deleting the account removes or anonymises all of it, in one transaction.
 */
describe('personal data, whole', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  const sockets: Socket[] = [];
  const open = async (user: SignedIn) => {
    const socket = connect(t.baseUrl!, user.accessToken);
    sockets.push(socket);
    await connected(socket);
    return socket;
  };
  // Unique, so that a search of the whole database for them finds only what is theirs.
  const name = `Pat Quillfeather ${randomUUID().slice(0, 6)}`;
  let pat: SignedIn;
  let olga: SignedIn;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    staff = await signUp(t, email('staff'), { role: 'moderator' });
    olga = await signUp(t, email('olga'), { displayName: 'Olga' });
    pat = await signUp(t, email('pat'), { displayName: name });
  });
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });
  afterAll(() => t.close());

  /**
   * Every row of every table of the database, as text, that contains this, in a fixed order: the
   * catalogue's order of tables changes when a trigger is created on one (as the test below does).
   */
  const rowsContaining = async (text: string): Promise<{ table: string; row: string }[]> => {
    const tables = await t.dataSource.query<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const found: { table: string; row: string }[] = [];
    for (const { name: table } of tables) {
      const rows = await t.dataSource.query<{ row: string }[]>(
        `SELECT t::text AS row FROM "${table}" t WHERE strpos(lower(t::text), lower($1)) > 0 ORDER BY 1`,
        [text],
      );
      found.push(...rows.map((row) => ({ table, row: row.row })));
    }
    return found;
  };

  it('exports everything a person wrote or did; deletion keeps all of it when a step fails, then removes or anonymises it', async () => {
    // Pat's organisation (Olga owns it too, so Pat may leave) and Olga's, with a published initiative.
    const patsOrg = await verifiedOrganization(t, pat, staff, { name: 'Quill Society', type: 'ngo' });
    await t.dataSource.query(
      `INSERT INTO organization_members (organization_id, user_id, role) VALUES ($1, $2, 'owner')`,
      [patsOrg.id, olga.id],
    );
    const olgasOrg = await verifiedOrganization(t, olga, staff, { name: 'Olga School', type: 'school' });
    const initiative = (
      await api()
        .post('/api/v1/initiatives')
        .set(olga.auth)
        .send({
          organizationId: olgasOrg.id,
          title: 'Choirs of partner cities',
          summary: 'Choirs of Kraków and its partner cities sing together.',
          kind: 'exchange',
          areas: ['culture'],
          languages: ['pl'],
        })
        .expect(201)
    ).body;
    await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(olga.auth).expect(200);
    const { channelId } = (
      await api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(staff.auth).send({}).expect(200)
    ).body;

    // What Pat wrote and did.
    await api()
      .post(`/api/v1/channels/${channelId}/messages`)
      .set(pat.auth)
      .send({ body: 'We would love to sing along.', clientId: randomUUID() })
      .expect(201);
    await api()
      .post(`/api/v1/initiatives/${initiative.id}/interests`)
      .set(pat.auth)
      .send({ organizationId: patsOrg.id, message: 'Our society has a choir of forty voices.', lang: 'en' })
      .expect(201);
    await api()
      .post('/api/v1/saved-searches')
      .set(pat.auth)
      .send({ name: 'Choirs', filters: { area: 'culture' } })
      .expect(201);
    await api()
      .post('/api/v1/reports')
      .set(pat.auth)
      .send({ targetType: 'initiative', targetId: initiative.id, reason: 'other', comment: 'A date is wrong.' })
      .expect(201);
    await api()
      .post(`/api/v1/organizations/${patsOrg.id}/invitations`)
      .set(pat.auth)
      .send({ email: email('friend'), role: 'editor' })
      .expect(201);

    const edition = (
      await api()
        .post('/api/v1/forum/editions')
        .set(staff.auth)
        .send({
          year: 2029,
          themePl: 'Miasta razem',
          themeEn: 'Cities together',
          startsOn: '2029-05-20',
          endsOn: '2029-05-21',
          venue: 'ICE Kraków',
          languages: ['pl', 'en'],
          meetingTables: 3,
        })
        .expect(201)
    ).body;
    await api().post(`/api/v1/forum/editions/${edition.id}/advance`).set(staff.auth).expect(200); // call open
    const session = (
      await api()
        .post(`/api/v1/forum/editions/${edition.id}/sessions`)
        .set(pat.auth)
        .send({
          organizationId: patsOrg.id,
          kind: 'workshop',
          title: 'Singing across borders',
          abstract: 'A workshop for choirs of partner cities.',
          areas: ['culture'],
          speakers: ['P. Q.'],
          language: 'en',
          partnerCities: ['nuremberg'],
        })
        .expect(201)
    ).body;
    await api()
      .post(`/api/v1/forum/sessions/${session.id}/accept`)
      .set(staff.auth)
      .send({
        room: 'Sala A',
        startsAt: '2029-05-20T10:00:00+02:00',
        endsAt: '2029-05-20T11:00:00+02:00',
        capacity: 40,
      })
      .expect(200);
    await api().post(`/api/v1/forum/editions/${edition.id}/advance`).set(staff.auth).expect(200); // agenda published
    await api().post(`/api/v1/forum/editions/${edition.id}/register`).set(pat.auth).expect(200);
    await api().post(`/api/v1/forum/sessions/${session.id}/register`).set(pat.auth).expect(200);
    const slot = (
      await api()
        .post(`/api/v1/forum/editions/${edition.id}/slots`)
        .set(staff.auth)
        .send({ slots: [{ startsAt: '2029-05-20T14:00:00+02:00', endsAt: '2029-05-20T14:20:00+02:00' }] })
        .expect(201)
    ).body.items[0];
    await api()
      .post(`/api/v1/forum/editions/${edition.id}/meetings`)
      .set(pat.auth)
      .send({
        slotId: slot.id,
        organizationId: patsOrg.id,
        withOrganizationId: olgasOrg.id,
        message: 'Coffee?',
        lang: 'en',
      })
      .expect(201);
    const onOlga = await open(olga);
    await ask(onOlga, 'qa:join', { sessionId: session.id });
    const olgasQuestion = (await ask(onOlga, 'qa:ask', { sessionId: session.id, body: 'Which songs?' })).question;
    const onPat = await open(pat);
    await ask(onPat, 'qa:join', { sessionId: session.id });
    expect(await ask(onPat, 'qa:ask', { sessionId: session.id, body: 'Is there a rehearsal?' })).toMatchObject({
      ok: true,
    });
    expect(await ask(onPat, 'qa:vote', { questionId: olgasQuestion.id })).toMatchObject({ ok: true });

    // A public consultation: Pat comments on a section and supports Olga's comment.
    const admin = await signUp(t, email('admin'), { role: 'admin' });
    await api().put(`/api/v1/staff/${staff.id}/grants/registry_editor`).set(admin.auth).expect(204);
    const draft = (
      await api()
        .post('/api/v1/consultations')
        .set(staff.auth)
        .send({
          subject: 'goals',
          titlePl: 'Konsultacje celów',
          titleEn: 'Consultation on the goals',
          descriptionPl: 'Skomentuj cele współpracy.',
          descriptionEn: 'Comment on the cooperation goals.',
          opensAt: new Date(Date.now() - 3600_000).toISOString(),
          closesAt: new Date(Date.now() + 48 * 3600_000).toISOString(),
        })
        .expect(201)
    ).body;
    const consultation = (await api().post(`/api/v1/consultations/${draft.id}/open`).set(staff.auth).expect(200)).body;
    const commentOn = (who: SignedIn, body: string) =>
      api()
        .post(`/api/v1/consultations/${consultation.id}/comments`)
        .set(who.auth)
        .send({ sectionId: consultation.sections[0].id, body, lang: 'en' })
        .expect(201);
    await commentOn(pat, 'Culture deserves a goal of its own.');
    const olgasComment = (await commentOn(olga, 'Schools need exchanges.')).body;
    await api().post(`/api/v1/consultation-comments/${olgasComment.id}/supports`).set(pat.auth).expect(201);

    // The export holds every kind.
    const exported = (await api().get('/api/v1/me/export').set(pat.auth).expect(200)).body;
    expect(exported.messages).toEqual([expect.objectContaining({ channelId, body: 'We would love to sing along.' })]);
    expect(exported.interests).toEqual([
      expect.objectContaining({
        initiativeId: initiative.id,
        letter: 'Our society has a choir of forty voices.',
        letterLanguage: 'en',
      }),
    ]);
    expect(exported.questions).toEqual([expect.objectContaining({ body: 'Is there a rehearsal?' })]);
    expect(exported.votes).toEqual([{ questionId: Number(olgasQuestion.id), question: 'Which songs?' }]);
    expect(exported.forumRegistrations).toHaveLength(2);
    expect(exported.meetingsRequested).toEqual([
      expect.objectContaining({ withOrganizationId: olgasOrg.id, message: 'Coffee?', messageLanguage: 'en' }),
    ]);
    expect(exported.sessionProposals).toEqual([expect.objectContaining({ title: 'Singing across borders' })]);
    expect(exported.reports).toEqual([
      expect.objectContaining({ targetId: initiative.id, comment: 'A date is wrong.' }),
    ]);
    expect(exported.savedSearches).toEqual([expect.objectContaining({ name: 'Choirs', filters: { area: 'culture' } })]);
    expect(exported.invitationsSent).toEqual([expect.objectContaining({ organizationId: patsOrg.id, role: 'editor' })]);
    expect(exported.consultationComments).toEqual([
      expect.objectContaining({ consultationId: consultation.id, body: 'Culture deserves a goal of its own.' }),
    ]);
    expect(exported.consultationSupports).toEqual([
      expect.objectContaining({ commentId: olgasComment.id, comment: 'Schools need exchanges.' }),
    ]);
    expect(exported.notifications.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported)).not.toContain('#token=');

    const before = await rowsContaining(pat.id);

    // A step of the deletion fails (the database refuses one of its statements): nothing is deleted.
    await t.dataSource.query(`CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER refuse_for_test BEFORE DELETE ON saved_searches FOR EACH ROW EXECUTE FUNCTION refuse_for_test()`,
    );
    try {
      await api().delete('/api/v1/me').set(pat.auth).send({ currentPassword: PASSWORD }).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER refuse_for_test ON saved_searches`);
      await t.dataSource.query(`DROP FUNCTION refuse_for_test()`);
    }
    expect(await rowsContaining(pat.id)).toEqual(before);
    await api().get('/api/v1/me').set(pat.auth).expect(200);

    // Deleted: no row holds the address or the name ...
    await api().delete('/api/v1/me').set(pat.auth).send({ currentPassword: PASSWORD }).expect(204);
    // ... but the outbox: the confirmation of the deletion, on its way to the address, and the
    // copy of a mail already delivered to someone else (the invitation Pat sent a friend).
    const named = await rowsContaining(name);
    expect(named.map((row) => row.table)).toEqual(['mail_outbox', 'mail_outbox']);
    expect(named.some((row) => row.row.includes('account_deleted'))).toBe(true);
    expect(named.some((row) => row.row.includes('organization_invitation'))).toBe(true);
    const withAddress = await rowsContaining(pat.email);
    expect(withAddress).toHaveLength(1);
    expect((await lastMail(t, pat.email)).template).toBe('account_deleted');
    // What only concerned Pat is gone; what others read stays, by "deleted user", the questions unsigned.
    const remaining = [...new Set((await rowsContaining(pat.id)).map((row) => row.table))];
    const keptForOthers = [
      'users',
      'messages',
      'interests',
      'qa_questions',
      'meetings',
      'forum_sessions',
      'reports',
      'consultation_comments',
    ];
    // Records of the organisation's history name the account by id only: who created it, invited, was audited.
    const history = ['organizations', 'organization_invitations', 'audit_log'];
    for (const table of remaining) expect([...keptForOthers, ...history]).toContain(table);
    for (const kept of keptForOthers) expect(remaining).toContain(kept);
    for (const gone of [
      'qa_votes',
      'consultation_supports',
      'forum_registrations',
      'saved_searches',
      'notifications',
      'sessions',
    ])
      expect(remaining).not.toContain(gone);
    const [question] = await t.dataSource.query<{ anonymous: boolean }[]>(
      `SELECT anonymous FROM qa_questions WHERE author_id = $1`,
      [pat.id],
    );
    expect(question.anonymous).toBe(true);
    const [voted] = await t.dataSource.query<{ votes: number }[]>(`SELECT votes FROM qa_questions WHERE id = $1`, [
      olgasQuestion.id,
    ]);
    expect(voted.votes).toBe(0);
    const [user] = await t.dataSource.query(`SELECT email, display_name, password_hash FROM users WHERE id = $1`, [
      pat.id,
    ]);
    expect(user).toEqual({ email: null, display_name: null, password_hash: null });
    await api().get('/api/v1/me').set(pat.auth).expect(401);
  });
});
