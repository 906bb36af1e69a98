import request from 'supertest';
import { signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HOUR = 3600_000;
const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/**
 * Public consultation (issue 21 item 5) against a real PostgreSQL: staff open a consultation for a
 * period, anyone signed in comments and supports while it runs, reports reach the moderation queue,
 * staff respond to groups of comments and write the final report, and the data of a closed one is
 * open data without its authors.
 */
describe('public consultation', () => {
  let t: TestApp;
  let admin: SignedIn;
  let editor: SignedIn;
  let moderator: SignedIn;
  let resident: SignedIn;
  let neighbour: SignedIn;
  let orgOwner: SignedIn;
  const api = () => request(t.app.getHttpServer());
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await t.dataSource.query(`SELECT count(*) AS n FROM (${sql}) x`, params))[0].n);
  /** What a refused write must leave as it was. */
  const writes = () =>
    Promise.all([
      count(`SELECT 1 FROM consultations`),
      count(`SELECT 1 FROM consultation_sections`),
      count(`SELECT 1 FROM consultation_comments`),
      count(`SELECT 1 FROM consultation_supports`),
      count(`SELECT 1 FROM consultation_responses`),
      count(`SELECT 1 FROM consultation_response_comments`),
      count(`SELECT 1 FROM audit_log WHERE action LIKE 'consultation.%'`),
    ]);
  const draft = (overrides: Json = {}): Json => ({
    subject: 'goals',
    titlePl: 'Konsultacje celów współpracy 2027',
    titleEn: 'Consultation on the cooperation goals 2027',
    descriptionPl: 'Czy cele współpracy międzynarodowej miasta są właściwe? Skomentuj każdy z nich.',
    descriptionEn: "Are the city's international cooperation goals the right ones? Comment on each of them.",
    opensAt: at(-HOUR),
    closesAt: at(48 * HOUR),
    ...overrides,
  });
  const section = (headingPl: string, headingEn: string): Json => ({
    headingPl,
    headingEn,
    bodyPl: `Treść: ${headingPl}`,
    bodyEn: `Text: ${headingEn}`,
  });
  /** A consultation created and opened by the editor; its sections and id. */
  const opened = async (overrides: Json = {}): Promise<Json> => {
    const created = await api().post('/api/v1/consultations').set(editor.auth).send(draft(overrides)).expect(201);
    return (await api().post(`/api/v1/consultations/${created.body.id}/open`).set(editor.auth).expect(200)).body;
  };
  const comment = (who: SignedIn, consultation: Json, body: string, section = consultation.sections[0].id) =>
    api()
      .post(`/api/v1/consultations/${consultation.id}/comments`)
      .set(who.auth)
      .send({ sectionId: section, body, lang: 'pl' });
  const clearCommentLimits = () =>
    t.dataSource.query(`DELETE FROM rate_limit_buckets WHERE key LIKE 'consultation-comments:%'`);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp(t, 'admin@consult.test', { role: 'admin' });
    editor = await signUp(t, 'editor@consult.test', { role: 'moderator', displayName: 'Ewa Redaktorka' });
    moderator = await signUp(t, 'moderator@consult.test', { role: 'moderator' });
    resident = await signUp(t, 'resident@consult.test', { displayName: 'Jan Mieszkaniec' });
    neighbour = await signUp(t, 'neighbour@consult.test', { displayName: 'Anna Sąsiadka' });
    orgOwner = await signUp(t, 'owner@consult.test', { displayName: 'Olga Owner' });
    await verifiedOrganization(t, orgOwner, moderator);
    await api().put(`/api/v1/staff/${editor.id}/grants/registry_editor`).set(admin.auth).expect(204);
  });
  beforeEach(clearCommentLimits);
  afterAll(() => t.close());

  it('is run by registry editors only: others get a 403 (401 without an account) and change nothing', async () => {
    const consultation = await opened();
    const [first] = consultation.sections;
    const posted = await comment(resident, consultation, 'Cel jest dobry, ale brakuje w nim szkół zawodowych.').expect(
      201,
    );
    const before = await writes();
    for (const who of [moderator, admin, resident, orgOwner]) {
      await api().post('/api/v1/consultations').set(who.auth).send(draft()).expect(403);
      await api().get('/api/v1/consultations/all').set(who.auth).expect(403);
      await api()
        .patch(`/api/v1/consultations/${consultation.id}`)
        .set(who.auth)
        .send({ titleEn: 'Hijacked' })
        .expect(403);
      await api().post(`/api/v1/consultations/${consultation.id}/close`).set(who.auth).expect(403);
      await api()
        .post(`/api/v1/consultations/${consultation.id}/responses`)
        .set(who.auth)
        .send({ commentIds: [posted.body.id], bodyPl: 'Dziękujemy.', bodyEn: 'Thank you.' })
        .expect(403);
      await api()
        .put(`/api/v1/consultations/${consultation.id}/final-report`)
        .set(who.auth)
        .send({ finalReportPl: 'Raport końcowy konsultacji.', finalReportEn: 'The final report of it.' })
        .expect(403);
    }
    await api().post('/api/v1/consultations').send(draft()).expect(401);
    await api()
      .post(`/api/v1/consultations/${consultation.id}/comments`)
      .send({ sectionId: first.id, body: 'Anonymous' })
      .expect(401);
    expect(await writes()).toEqual(before);
  });

  it('opens a consultation on the goals with one section per goal, public to read without an account; a draft is not', async () => {
    const created = await api().post('/api/v1/consultations').set(editor.auth).send(draft()).expect(201);
    expect(created.body).toMatchObject({ status: 'draft', phase: 'draft', sections: [] });
    await api().get(`/api/v1/consultations/${created.body.id}`).expect(404);
    expect((await api().get('/api/v1/consultations').expect(200)).body.items.map((c: Json) => c.id)).not.toContain(
      created.body.id,
    );
    const open = (await api().post(`/api/v1/consultations/${created.body.id}/open`).set(editor.auth).expect(200)).body;
    const goals = await t.dataSource.query<{ name_pl: string; name_en: string; key: string }[]>(
      `SELECT key, name_pl, name_en FROM goals ORDER BY scope, position, key`,
    );
    expect(open.phase).toBe('open');
    expect(open.sections.map((s: Json) => [s.goalKey, s.headingPl, s.headingEn])).toEqual(
      goals.map((g) => [g.key, g.name_pl, g.name_en]),
    );
    const anonymous = await api().get(`/api/v1/consultations/${created.body.id}`).expect(200);
    expect(anonymous.body).toMatchObject({ titlePl: draft().titlePl, titleEn: draft().titleEn, phase: 'open' });
    const list = (await api().get('/api/v1/consultations').expect(200)).body.items;
    expect(list.find((c: Json) => c.id === created.body.id)).toMatchObject({ phase: 'open', comments: 0 });
    const [audit] = await t.dataSource.query(
      `SELECT actor_id FROM audit_log WHERE action = 'consultation.open' AND target_id = $1`,
      [created.body.id],
    );
    expect(audit).toEqual({ actor_id: editor.id });
    // Opening twice is refused.
    await api().post(`/api/v1/consultations/${created.body.id}/open`).set(editor.auth).expect(409);
  });

  it('takes a document in sections given by staff, in order', async () => {
    const consultation = await opened({
      subject: 'document',
      sections: [
        { headingPl: '1. Cele', headingEn: '1. Goals', bodyPl: 'Treść celów.', bodyEn: 'The goals.' },
        { headingPl: '2. Formy', headingEn: '2. Forms', bodyPl: 'Treść form.', bodyEn: 'The forms.' },
      ],
    });
    expect(consultation.sections.map((s: Json) => [s.position, s.headingEn, s.bodyPl])).toEqual([
      [1, '1. Goals', 'Treść celów.'],
      [2, '2. Forms', 'Treść form.'],
    ]);
    // A document without sections cannot open; goals take no sections.
    const empty = await api()
      .post('/api/v1/consultations')
      .set(editor.auth)
      .send(draft({ subject: 'document' }));
    const refused = await api().post(`/api/v1/consultations/${empty.body.id}/open`).set(editor.auth).expect(409);
    expect(refused.body.message).toMatch(/needs its sections/);
    const withSections = await api()
      .post('/api/v1/consultations')
      .set(editor.auth)
      .send(draft({ sections: [{ headingPl: 'A', headingEn: 'A', bodyPl: 'A', bodyEn: 'A' }] }))
      .expect(400);
    expect(withSections.body.fields.sections[0]).toMatch(/one section per goal/);
  });

  it('refuses a period that ends before it begins, in the API and in the database', async () => {
    const before = await writes();
    const res = await api()
      .post('/api/v1/consultations')
      .set(editor.auth)
      .send(draft({ opensAt: at(2 * HOUR), closesAt: at(HOUR) }))
      .expect(400);
    expect(res.body.fields.closesAt[0]).toMatch(/must be after opensAt/);
    const bad = await api()
      .post('/api/v1/consultations')
      .set(editor.auth)
      .send(draft({ opensAt: 'tomorrow' }))
      .expect(400);
    expect(bad.body.fields.opensAt[0]).toMatch(/ISO 8601/);
    expect(await writes()).toEqual(before);
    await expect(
      t.dataSource.query(
        `INSERT INTO consultations (subject, title_pl, title_en, description_pl, description_en, opens_at, closes_at)
         VALUES ('goals', 'a', 'a', 'a', 'a', now(), now() - interval '1 day')`,
      ),
    ).rejects.toThrow(/consultations_period/);
  });

  it('lets anyone signed in comment, a person without an organisation too, shown by their display name and never an e-mail address', async () => {
    const consultation = await opened();
    const [noOrgs] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM organization_members WHERE user_id = $1`,
      [resident.id],
    );
    expect(noOrgs.n).toBe(0);
    const posted = await comment(resident, consultation, '  Warto dodać wymianę seniorów.  ').expect(201);
    expect(posted.body).toMatchObject({
      body: 'Warto dodać wymianę seniorów.',
      lang: 'pl',
      author: 'Jan Mieszkaniec',
      supports: 0,
      mine: true,
    });
    const read = await api().get(`/api/v1/consultations/${consultation.id}`).expect(200);
    const first = read.body.sections[0];
    expect(first.comments).toEqual([
      expect.objectContaining({ id: posted.body.id, author: 'Jan Mieszkaniec', mine: false, supportedByMe: false }),
    ]);
    expect(read.text).not.toContain('@consult.test');
    expect(read.text).not.toContain(resident.id);
    await comment(orgOwner, consultation, 'Jako organizacja popieramy ten cel.').expect(201);
  });

  it.each([
    ['an empty comment', { body: '' }, 'body', /1 to 2,000 characters/],
    ['a comment of spaces', { body: '    ' }, 'body', /1 to 2,000 characters/],
    ['an overlong comment', { body: 'x'.repeat(2001) }, 'body', /1 to 2,000 characters/],
    ['no section', { sectionId: undefined }, 'sectionId', /id of a section/],
    ['an unknown field', { author: 'someone else' }, 'author', /not a known parameter or field/],
    // Two letters are not enough: the page puts it in a lang attribute.
    ['an unknown language', { lang: 'zz' }, 'lang', /two-letter ISO 639-1 code/],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_what, change, field, message) => {
    const consultation = await opened();
    const before = await writes();
    const res = await api()
      .post(`/api/v1/consultations/${consultation.id}/comments`)
      .set(resident.auth)
      .send({ sectionId: consultation.sections[0].id, body: 'A comment.', ...change })
      .expect(400);
    expect(res.body.fields[field][0]).toMatch(message);
    expect(await writes()).toEqual(before);
  });

  it("refuses a comment on another consultation's section with a 400, and stores nothing", async () => {
    const one = await opened();
    const other = await opened();
    const before = await writes();
    const res = await comment(resident, one, 'Wrong section.', other.sections[0].id).expect(400);
    expect(res.body.fields.sectionId[0]).toMatch(/section of this consultation/);
    expect(await writes()).toEqual(before);
  });

  it('takes comments and supports only within the period: before it opens and after it closes they are refused, naming the time', async () => {
    const upcoming = await opened({ opensAt: at(24 * HOUR), closesAt: at(72 * HOUR) });
    expect(upcoming.phase).toBe('upcoming');
    const ended = await opened({ opensAt: at(-HOUR), closesAt: at(HOUR) });
    const posted = await comment(resident, ended, 'Posted in time.').expect(201);
    // Its period ends (the clock moved on): the database's now() is past closes_at.
    await t.dataSource.query(
      `UPDATE consultations SET opens_at = now() - interval '3 days', closes_at = now() - interval '1 day' WHERE id = $1`,
      [ended.id],
    );
    const [{ closes_at: closesAt }] = await t.dataSource.query<{ closes_at: Date }[]>(
      `SELECT closes_at FROM consultations WHERE id = $1`,
      [ended.id],
    );
    const before = await writes();
    const early = await comment(resident, upcoming, 'Too early.').expect(409);
    expect(early.body.message).toContain(`opens at ${new Date(upcoming.opensAt).toISOString()}`);
    const late = await comment(resident, ended, 'Too late.').expect(409);
    expect(late.body.message).toContain(`closed at ${closesAt.toISOString()}`);
    const lateSupport = await api()
      .post(`/api/v1/consultation-comments/${posted.body.id}/supports`)
      .set(neighbour.auth)
      .expect(409);
    expect(lateSupport.body.message).toMatch(/closed at/);
    expect(await writes()).toEqual(before);
  });

  it('closes early on staff request: from then a comment is refused with the moment it closed', async () => {
    const consultation = await opened();
    await comment(resident, consultation, 'Before closing.').expect(201);
    const closed = (await api().post(`/api/v1/consultations/${consultation.id}/close`).set(editor.auth).expect(200))
      .body;
    expect(closed.phase).toBe('closed');
    const before = await writes();
    const res = await comment(neighbour, consultation, 'After closing.').expect(409);
    expect(res.body.message).toContain(`closed at ${closed.closesAt}`);
    await api().post(`/api/v1/consultations/${consultation.id}/close`).set(editor.auth).expect(409);
    // The period is fixed once public.
    await api()
      .patch(`/api/v1/consultations/${consultation.id}`)
      .set(editor.auth)
      .send({ closesAt: at(HOUR * 24) })
      .expect(409);
    expect(await writes()).toEqual(before);
  });

  it('is corrected by staff: a draft in full, an upcoming one in its period, an open one only by a later end; the rest a 409 that changes nothing', async () => {
    const patch = (id: string, body: Json) => api().patch(`/api/v1/consultations/${id}`).set(editor.auth).send(body);
    // A draft: texts, period and a document's sections.
    const created = (
      await api()
        .post('/api/v1/consultations')
        .set(editor.auth)
        .send(draft({ subject: 'document', sections: [section('1. Cele', '1. Goals')] }))
        .expect(201)
    ).body;
    const fixed = await patch(created.id, {
      titlePl: 'Projekt programu 2027 (poprawiony)',
      opensAt: at(2 * HOUR),
      closesAt: at(72 * HOUR),
      sections: [section('1. Cele', '1. Goals'), section('2. Formy', '2. Forms')],
    }).expect(200);
    expect(fixed.body).toMatchObject({ titlePl: 'Projekt programu 2027 (poprawiony)', phase: 'draft' });
    expect(fixed.body.sections.map((s: Json) => s.headingEn)).toEqual(['1. Goals', '2. Forms']);

    // Upcoming (public, not open yet): the period still moves; the sections do not.
    const upcoming = (await api().post(`/api/v1/consultations/${created.id}/open`).set(editor.auth).expect(200)).body;
    expect(upcoming.phase).toBe('upcoming');
    const later = at(4 * HOUR);
    expect((await patch(created.id, { opensAt: later }).expect(200)).body.opensAt).toBe(later);
    let before = await writes();
    const sections = await patch(created.id, { sections: [section('X', 'X')] }).expect(409);
    expect(sections.body.message).toMatch(/sections no longer change/);
    const past = await patch(created.id, { opensAt: at(-3 * HOUR), closesAt: at(-2 * HOUR) }).expect(400);
    expect(past.body.fields.closesAt[0]).toMatch(/must be in the future/);
    expect(await writes()).toEqual(before);

    // Open: the end moves later, never earlier, and the start stays.
    const open = await opened();
    const extended = at(96 * HOUR);
    expect((await patch(open.id, { closesAt: extended }).expect(200)).body).toMatchObject({
      closesAt: extended,
      phase: 'open',
    });
    before = await writes();
    const shortened = await patch(open.id, { closesAt: at(24 * HOUR) }).expect(409);
    expect(shortened.body.message).toContain(`open until ${extended}`);
    const moved = await patch(open.id, { opensAt: at(-2 * HOUR) }).expect(409);
    expect(moved.body.message).toMatch(/start no longer changes/);
    expect(await writes()).toEqual(before);
    // The same start sent back with a later end (as the edit form does) is an extension.
    const again = at(120 * HOUR);
    await patch(open.id, { opensAt: open.opensAt, closesAt: again, titleEn: 'The goals 2027, extended' }).expect(200);
    const [row] = await t.dataSource.query(`SELECT closes_at, title_en FROM consultations WHERE id = $1`, [open.id]);
    expect([new Date(row.closes_at).toISOString(), row.title_en]).toEqual([again, 'The goals 2027, extended']);
    expect(
      await count(`SELECT 1 FROM audit_log WHERE action = 'consultation.update' AND target_id = $1`, [open.id]),
    ).toBe(2);
  });

  it("takes one support per person: a second is a 409, two at once give one 201 and one 409, and one's own comment cannot be supported", async () => {
    const consultation = await opened();
    const posted = await comment(resident, consultation, 'Proszę o więcej wymian szkolnych.').expect(201);
    const support = (who: SignedIn) =>
      api().post(`/api/v1/consultation-comments/${posted.body.id}/supports`).set(who.auth);
    expect((await support(neighbour).expect(201)).body).toEqual({ commentId: posted.body.id, supports: 1 });
    const again = await support(neighbour).expect(409);
    expect(again.body.message).toMatch(/already support/);
    const own = await support(resident).expect(403);
    expect(own.body.message).toMatch(/your own comment/);
    const statuses = (await Promise.all([support(orgOwner), support(orgOwner)])).map((res) => res.status).sort();
    expect(statuses).toEqual([201, 409]);
    const read = await api().get(`/api/v1/consultations/${consultation.id}`).set(orgOwner.auth).expect(200);
    expect(read.body.sections[0].comments[0]).toMatchObject({ supports: 2, supportedByMe: true });
    expect(await count(`SELECT 1 FROM consultation_supports WHERE comment_id = $1`, [posted.body.id])).toBe(2);
    await api()
      .post(`/api/v1/consultation-comments/00000000-0000-4000-8000-000000000000/supports`)
      .set(neighbour.auth)
      .expect(404);
  });

  it("withdraws one's own support: the count drops, a second withdrawal or one never given is a 404, nothing else changes", async () => {
    const consultation = await opened();
    const posted = await comment(resident, consultation, 'Więcej wymian uczniów szkół zawodowych.').expect(201);
    const supports = `/api/v1/consultation-comments/${posted.body.id}/supports`;
    await api().post(supports).set(neighbour.auth).expect(201);
    await api().post(supports).set(orgOwner.auth).expect(201);
    const withdrawn = await api().delete(supports).set(neighbour.auth).expect(200);
    expect(withdrawn.body).toEqual({ commentId: posted.body.id, supports: 1 });
    const read = await api().get(`/api/v1/consultations/${consultation.id}`).set(neighbour.auth).expect(200);
    expect(read.body.sections[0].comments[0]).toMatchObject({ supports: 1, supportedByMe: false });
    const before = await writes();
    const again = await api().delete(supports).set(neighbour.auth).expect(404);
    expect(again.body.message).toMatch(/do not support this comment/);
    // The author never supported their own comment: nothing of anyone else's is taken.
    await api().delete(supports).set(resident.auth).expect(404);
    await api()
      .delete(`/api/v1/consultation-comments/00000000-0000-4000-8000-000000000000/supports`)
      .set(neighbour.auth)
      .expect(404);
    await api().delete(supports).expect(401);
    expect(await writes()).toEqual(before);
    // Supporting again after withdrawing is allowed (one support per person at a time).
    await api().post(supports).set(neighbour.auth).expect(201);
    // Once closed, the supports stand as they were counted.
    await api().post(`/api/v1/consultations/${consultation.id}/close`).set(editor.auth).expect(200);
    const closed = await api().delete(supports).set(neighbour.auth).expect(409);
    expect(closed.body.message).toMatch(/no longer taken/);
    expect(await count(`SELECT 1 FROM consultation_supports WHERE comment_id = $1`, [posted.body.id])).toBe(2);
  });

  it('limits comments per person: past 10 in 10 minutes a 429 says when to try again, and nothing more is stored', async () => {
    const consultation = await opened();
    for (let i = 1; i <= 10; i++) await comment(neighbour, consultation, `Uwaga numer ${i}.`).expect(201);
    const before = await writes();
    const res = await comment(neighbour, consultation, 'One too many.').expect(429);
    expect(res.body.message).toMatch(/at most 10 in 10 minutes/);
    expect(await writes()).toEqual(before);
    // Another person is not held back.
    await comment(resident, consultation, 'Mine still counts.').expect(201);
  });

  it('sends a reported comment to the moderation queue; hidden there, it is gone from the consultation', async () => {
    const consultation = await opened();
    const rude = await comment(resident, consultation, 'To jest obraźliwy komentarz.').expect(201);
    const fine = await comment(neighbour, consultation, 'Rzeczowa uwaga.').expect(201);
    await api()
      .post('/api/v1/reports')
      .set(orgOwner.auth)
      .send({ targetType: 'consultation_comment', targetId: rude.body.id, reason: 'offensive' })
      .expect(201);
    await api()
      .post('/api/v1/reports')
      .set(orgOwner.auth)
      .send({ targetType: 'consultation_comment', targetId: rude.body.id, reason: 'offensive' })
      .expect(409);
    const queue = await api().get('/api/v1/moderation/queue').set(moderator.auth).expect(200);
    expect(queue.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'reported',
        targetType: 'consultation_comment',
        targetId: rude.body.id,
        title: 'To jest obraźliwy komentarz.',
        titleLang: 'pl',
        consultationId: consultation.id,
        hidden: false,
      }),
    );
    await api()
      .post(`/api/v1/moderation/consultation_comment/${rude.body.id}/hide`)
      .set(moderator.auth)
      .send({ reason: 'Offensive to other residents.' })
      .expect(200);
    const read = await api().get(`/api/v1/consultations/${consultation.id}`).expect(200);
    expect(read.body.sections[0].comments.map((c: Json) => c.id)).toEqual([fine.body.id]);
    expect(read.text).not.toContain('obraźliwy');
    expect(read.body.comments).toBe(1);
    await api().post(`/api/v1/consultation-comments/${rude.body.id}/supports`).set(neighbour.auth).expect(404);
    const [audit] = await t.dataSource.query(
      `SELECT actor_id FROM audit_log WHERE action = 'consultation_comment.hide' AND target_id = $1`,
      [rude.body.id],
    );
    expect(audit).toEqual({ actor_id: moderator.id });
    const after = await api().get('/api/v1/moderation/queue').set(moderator.auth).expect(200);
    expect(after.body.items.map((item: Json) => item.targetId)).not.toContain(rude.body.id);
  });

  it('publishes a response to a group of comments, shown with each of them, and a final report once closed', async () => {
    const consultation = await opened();
    const [first, second] = consultation.sections;
    const a = await comment(resident, consultation, 'Więcej wymian młodzieży.', first.id).expect(201);
    const b = await comment(neighbour, consultation, 'Wymiany młodzieży z Lwowem.', second.id).expect(201);
    const c = await comment(orgOwner, consultation, 'Inny temat.', second.id).expect(201);
    const other = await opened();
    const foreign = await comment(resident, other, 'Elsewhere.').expect(201);
    const before = await writes();
    const refused = await api()
      .post(`/api/v1/consultations/${consultation.id}/responses`)
      .set(editor.auth)
      .send({ commentIds: [a.body.id, foreign.body.id], bodyPl: 'Odpowiedź.', bodyEn: 'A response.' })
      .expect(400);
    expect(refused.body.fields.commentIds[0]).toContain(foreign.body.id);
    await api()
      .post(`/api/v1/consultations/${consultation.id}/responses`)
      .set(editor.auth)
      .send({ commentIds: [], bodyPl: 'Odpowiedź.', bodyEn: 'A response.' })
      .expect(400);
    expect(await writes()).toEqual(before);
    const response = await api()
      .post(`/api/v1/consultations/${consultation.id}/responses`)
      .set(editor.auth)
      .send({
        commentIds: [a.body.id, b.body.id],
        bodyPl: 'Program na 2027 rok obejmie wymiany młodzieży.',
        bodyEn: 'The 2027 programme will include youth exchanges.',
      })
      .expect(201);
    expect(response.body.commentIds).toEqual([a.body.id, b.body.id]);
    const read = await api().get(`/api/v1/consultations/${consultation.id}`).expect(200);
    expect(read.body.responses).toEqual([
      expect.objectContaining({
        bodyEn: 'The 2027 programme will include youth exchanges.',
        commentIds: [a.body.id, b.body.id],
      }),
    ]);
    expect(read.body.responses[0].commentIds).not.toContain(c.body.id);
    expect(
      await count(`SELECT 1 FROM audit_log WHERE action = 'consultation.respond' AND target_id = $1`, [
        consultation.id,
      ]),
    ).toBe(1);

    const report = {
      finalReportPl: 'Wpłynęły 3 komentarze; cele uzupełniono.',
      finalReportEn: '3 comments came; goals completed.',
    };
    const early = await api()
      .put(`/api/v1/consultations/${consultation.id}/final-report`)
      .set(editor.auth)
      .send(report)
      .expect(409);
    expect(early.body.message).toMatch(/follows the consultation/);
    await api().post(`/api/v1/consultations/${consultation.id}/close`).set(editor.auth).expect(200);
    const done = await api()
      .put(`/api/v1/consultations/${consultation.id}/final-report`)
      .set(editor.auth)
      .send(report)
      .expect(200);
    expect(done.body).toMatchObject({ ...report, hasFinalReport: true, phase: 'closed' });
  });

  it("opens a closed consultation's comments, supports and responses as data, without its authors; an open one's stay out", async () => {
    const closed = await opened();
    const stillOpen = await opened();
    const a = await comment(resident, closed, 'Komentarz do danych otwartych.').expect(201);
    await comment(neighbour, closed, 'Drugi komentarz.').expect(201);
    await comment(resident, closed, 'Trzeci, tej samej osoby.', closed.sections[1].id).expect(201);
    const hidden = await comment(neighbour, closed, 'Ukryty przez moderację.').expect(201);
    await comment(resident, stillOpen, 'Wciąż otwarte.').expect(201);
    await api().post(`/api/v1/consultation-comments/${a.body.id}/supports`).set(orgOwner.auth).expect(201);
    await api()
      .post(`/api/v1/consultations/${closed.id}/responses`)
      .set(editor.auth)
      .send({ commentIds: [a.body.id], bodyPl: 'Dziękujemy za uwagę.', bodyEn: 'Thank you for the comment.' })
      .expect(201);
    await api()
      .post(`/api/v1/moderation/consultation_comment/${hidden.body.id}/hide`)
      .set(moderator.auth)
      .send({ reason: 'Spam.' })
      .expect(200);
    const catalogue = (await api().get('/api/v1/open-data').expect(200)).body;
    const keys = catalogue.datasets.map((d: Json) => d.key);
    expect(keys).toEqual(expect.arrayContaining(['consultations', 'consultation-comments', 'consultation-responses']));
    // Not while it is open.
    const fetch = async (key: string) => (await api().get(`/api/v1/open-data/${key}.json`).expect(200)).body as Json[];
    expect((await fetch('consultations')).map((row) => row.id)).not.toContain(closed.id);
    expect((await fetch('consultation-comments')).map((row) => row.consultation_id)).not.toContain(closed.id);

    await api().post(`/api/v1/consultations/${closed.id}/close`).set(editor.auth).expect(200);
    expect((await fetch('consultations')).filter((row) => row.id === closed.id)).toEqual([
      expect.objectContaining({ subject: 'goals', comments: 3, sections: closed.sections.length }),
    ]);
    const comments = (await fetch('consultation-comments')).filter((row) => row.consultation_id === closed.id);
    expect(comments.map((row) => [row.comment_number, row.participant, row.body, row.supports])).toEqual([
      [1, 1, 'Komentarz do danych otwartych.', 1],
      [2, 2, 'Drugi komentarz.', 0],
      [3, 1, 'Trzeci, tej samej osoby.', 0],
    ]);
    expect(comments[2].section_position).toBe(2);
    const responses = (await fetch('consultation-responses')).filter((row) => row.consultation_id === closed.id);
    expect(responses).toEqual([
      expect.objectContaining({ comment_numbers: ['1'], body_en: 'Thank you for the comment.' }),
    ]);
    const everything = [
      ...(await Promise.all(
        ['consultations', 'consultation-comments', 'consultation-responses'].flatMap((key) => [
          api().get(`/api/v1/open-data/${key}.json`),
          api().get(`/api/v1/open-data/${key}.csv`),
        ]),
      )),
    ]
      .map((res) => res.text)
      .join('\n');
    for (const personal of [resident, neighbour, orgOwner, editor])
      for (const value of [personal.id, personal.email]) expect(everything).not.toContain(value);
    for (const name of ['Jan Mieszkaniec', 'Anna Sąsiadka', 'Olga Owner', 'Ewa Redaktorka', a.body.id])
      expect(everything).not.toContain(name);
    expect(everything).not.toContain('Ukryty przez moderację');
    expect(everything).not.toContain('Wciąż otwarte');
  });
});
