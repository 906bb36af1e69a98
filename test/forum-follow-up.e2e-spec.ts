import request from 'supertest';
import { clearAddressLimits, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * After a forum 1:1 meeting, either side says "we will work together": the partnership starts on
 * one of either side's initiatives (or a new draft), marked as started by the forum edition, with
 * no id to paste; once per meeting.
 */
describe('the forum meeting follow-up: "we will work together"', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let staff: SignedIn;
  let editionId: string;
  /** Slots that have begun (the forum has met) and one still to come. */
  let past: number[];
  let future: number;
  type Side = { id: string; name: string; owner: SignedIn };
  let sides: Record<'alpha' | 'beta' | 'gamma' | 'delta' | 'outsider', Side>;

  const counts = async () =>
    (
      await t.dataSource.query<{ partnerships: number; initiatives: number; claimed: number }[]>(
        `SELECT (SELECT count(*)::int FROM partnerships) AS partnerships, (SELECT count(*)::int FROM initiatives) AS initiatives,
                (SELECT count(*)::int FROM meetings WHERE partnership_id IS NOT NULL) AS claimed`,
      )
    )[0];

  /** A meeting `from` asked `to` for in `slot`, accepted by `to`. */
  const acceptedMeeting = async (from: Side, to: Side, slot: number): Promise<string> => {
    const meeting = await api()
      .post(`/api/v1/forum/editions/${editionId}/meetings`)
      .set(from.owner.auth)
      .send({ slotId: slot, organizationId: from.id, withOrganizationId: to.id, message: 'Shall we meet?' })
      .expect(201);
    await api().post(`/api/v1/forum/meetings/${meeting.body.id}/accept`).set(to.owner.auth).expect(200);
    return meeting.body.id;
  };

  const initiative = async (side: Side, title: string, publish: boolean): Promise<string> => {
    const created = await api()
      .post('/api/v1/initiatives')
      .set(side.owner.auth)
      .send({
        organizationId: side.id,
        title,
        summary: 'A joint project of schools in two partner cities.',
        language: 'en',
        kind: 'exchange',
        areas: ['education'],
        languages: ['en'],
      })
      .expect(201);
    if (publish) {
      await api().post(`/api/v1/initiatives/${created.body.id}/submit`).set(side.owner.auth).expect(200);
      await api().post(`/api/v1/initiatives/${created.body.id}/publish`).set(staff.auth).send({}).expect(200);
    }
    return created.body.id;
  };

  const workTogether = (side: Side, meetingId: string, body: Record<string, unknown>) =>
    api().post(`/api/v1/forum/meetings/${meetingId}/work-together`).set(side.owner.auth).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    staff = await signUp(t, email('staff'), { role: 'moderator' });
    const edition = await api()
      .post('/api/v1/forum/editions')
      .set(staff.auth)
      .send({
        year: 2026,
        themePl: 'Miasta razem',
        themeEn: 'Cities together',
        startsOn: '2026-05-20',
        endsOn: '2026-05-21',
        venue: 'ICE Kraków',
        languages: ['pl', 'en'],
        meetingTables: 5,
      })
      .expect(201);
    editionId = edition.body.id;
    for (let step = 0; step < 2; step++)
      await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(staff.auth).expect(200); // agenda published
    const slots = await api()
      .post(`/api/v1/forum/editions/${editionId}/slots`)
      .set(staff.auth)
      .send({
        slots: [
          { startsAt: '2026-05-20T14:00:00+02:00', endsAt: '2026-05-20T14:20:00+02:00' },
          { startsAt: '2026-05-20T14:20:00+02:00', endsAt: '2026-05-20T14:40:00+02:00' },
          { startsAt: '2026-05-20T14:40:00+02:00', endsAt: '2026-05-20T15:00:00+02:00' },
          { startsAt: '2026-05-20T15:00:00+02:00', endsAt: '2026-05-20T15:20:00+02:00' },
          { startsAt: '2099-05-20T14:00:00+02:00', endsAt: '2099-05-20T14:20:00+02:00' },
        ],
      })
      .expect(201);
    const ids = slots.body.items.map((slot: { id: number }) => slot.id);
    past = ids.slice(0, 4);
    future = ids[4];
    const made: Partial<typeof sides> = {};
    for (const [key, name] of [
      ['alpha', 'Alpha School'],
      ['beta', 'Beta Gymnasium'],
      ['gamma', 'Gamma NGO'],
      ['delta', 'Delta NGO'],
      ['outsider', 'Outsider NGO'],
    ] as const) {
      const owner = await signUp(t, email(key));
      const organization = await verifiedOrganization(t, owner, staff, { name, type: 'school' });
      made[key] = { id: organization.id, name, owner };
    }
    sides = made as typeof sides;
  });
  beforeEach(() => clearAddressLimits(t));
  afterAll(() => t.close());

  it("starts the partnership on one of either side's initiatives, marked as started by the edition, and tells the other side", async () => {
    const { alpha, beta, outsider } = sides;
    const exchange = await initiative(alpha, 'Pupil exchange Alpha–Beta', true);
    const alphaDraft = await initiative(alpha, 'An idea Alpha keeps to itself', false);
    const betaDraft = await initiative(beta, 'A draft of Beta', false);
    const meeting = await acceptedMeeting(alpha, beta, past[0]);

    // Beta may choose its own drafts and Alpha's initiatives under way, never Alpha's drafts.
    const choices = await api().get(`/api/v1/forum/meetings/${meeting}/initiatives`).set(beta.owner.auth).expect(200);
    const chosen = choices.body.items.map((item: { id: string }) => item.id);
    expect(chosen).toEqual(expect.arrayContaining([exchange, betaDraft]));
    expect(chosen).not.toContain(alphaDraft);
    expect(choices.body.items).toContainEqual(
      expect.objectContaining({ id: exchange, organizationName: 'Alpha School', title: 'Pupil exchange Alpha–Beta' }),
    );
    // Nobody else sees what the two could work on.
    await api().get(`/api/v1/forum/meetings/${meeting}/initiatives`).set(outsider.owner.auth).expect(404);

    const said = await workTogether(beta, meeting, { initiativeId: exchange }).expect(200);
    expect(said.body).toMatchObject({ id: meeting, status: 'accepted', partnershipId: expect.any(String) });
    const partnership = await api()
      .get(`/api/v1/partnerships/${said.body.partnershipId}`)
      .set(alpha.owner.auth)
      .expect(200);
    expect(partnership.body).toMatchObject({ initiativeId: exchange, channelId: expect.any(Number) });
    // The initiative's organisation leads; both are in it, and both see its private channel.
    expect(partnership.body.organizations.map((o: { name: string; lead: boolean }) => [o.name, o.lead])).toEqual([
      ['Alpha School', true],
      ['Beta Gymnasium', false],
    ]);
    const forBeta = await api().get(`/api/v1/partnerships/${said.body.partnershipId}`).set(beta.owner.auth).expect(200);
    expect(forBeta.body.channelId).toBe(partnership.body.channelId);
    // The edition started it: the column the outcomes report reads, set without staff pasting an id.
    const [row] = await t.dataSource.query(`SELECT forum_edition_id AS "editionId" FROM partnerships WHERE id = $1`, [
      said.body.partnershipId,
    ]);
    expect(row.editionId).toBe(editionId);
    // Both schedules show where the meeting led.
    const schedule = await api()
      .get(`/api/v1/forum/editions/${editionId}/meetings?organizationId=${alpha.id}`)
      .set(alpha.owner.auth)
      .expect(200);
    expect(schedule.body.items).toContainEqual(
      expect.objectContaining({ id: meeting, partnershipId: said.body.partnershipId }),
    );
    const [told] = await t.dataSource.query(
      `SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'forum' AND payload->>'link' = $2`,
      [alpha.owner.id, `/partnerships/${said.body.partnershipId}`],
    );
    expect(told.payload.title).toEqual({
      pl: 'Beta Gymnasium: będziemy współpracować – Pupil exchange Alpha–Beta',
      en: 'Beta Gymnasium: we will work together – Pupil exchange Alpha–Beta',
    });

    // Once per meeting: the other side saying it too is a 409, and changes nothing.
    const before = await counts();
    const again = await workTogether(alpha, meeting, { initiativeId: exchange }).expect(409);
    expect(again.body.message).toMatch(/already led to a partnership/);
    expect(await counts()).toEqual(before);
  });

  it('extends the partnership an initiative already has, its lead unchanged', async () => {
    const { alpha, gamma } = sides;
    const [{ id: existing, initiativeId }] = await t.dataSource.query(
      `SELECT p.id, p.initiative_id AS "initiativeId" FROM partnerships p JOIN initiatives i ON i.id = p.initiative_id WHERE i.title = 'Pupil exchange Alpha–Beta'`,
    );
    const meeting = await acceptedMeeting(gamma, alpha, past[1]);
    const said = await workTogether(gamma, meeting, { initiativeId }).expect(200);
    expect(said.body.partnershipId).toBe(existing);
    const partnership = await api().get(`/api/v1/partnerships/${existing}`).set(gamma.owner.auth).expect(200);
    expect(partnership.body.organizations.map((o: { name: string; lead: boolean }) => [o.name, o.lead])).toEqual([
      ['Alpha School', true],
      ['Beta Gymnasium', false],
      ['Gamma NGO', false],
    ]);
  });

  it("starts it on a new draft initiative of the speaker's organisation when neither side has one to offer", async () => {
    const { gamma, delta } = sides;
    const meeting = await acceptedMeeting(delta, gamma, past[2]);
    const said = await workTogether(delta, meeting, { title: '  Green roofs in two cities  ' }).expect(200);
    const partnership = await api()
      .get(`/api/v1/partnerships/${said.body.partnershipId}`)
      .set(gamma.owner.auth)
      .expect(200);
    expect(partnership.body.initiativeTitle).toBe('Green roofs in two cities');
    expect(partnership.body.organizations.map((o: { name: string; lead: boolean }) => [o.name, o.lead])).toEqual([
      ['Delta NGO', true],
      ['Gamma NGO', false],
    ]);
    // A draft of Delta: nothing unmoderated is public, and Delta completes it and submits it later.
    const draft = await api()
      .get(`/api/v1/initiatives/${partnership.body.initiativeId}`)
      .set(delta.owner.auth)
      .expect(200);
    expect(draft.body).toMatchObject({ status: 'draft', organization: { id: delta.id } });
    await api().get(`/api/v1/initiatives/${partnership.body.initiativeId}`).expect(404);
  });

  it('refuses bad input, a meeting not held or not accepted, and strangers, and changes nothing', async () => {
    const { alpha, beta, gamma, outsider } = sides;
    const [{ id: exchange }] = await t.dataSource.query(
      `SELECT id FROM initiatives WHERE title = 'Pupil exchange Alpha–Beta'`,
    );
    const outsiders = await initiative(outsider, 'An initiative of neither side', true);
    const betaDraft = (await t.dataSource.query(`SELECT id FROM initiatives WHERE title = 'A draft of Beta'`))[0].id;
    // A fresh pair in a slot that has begun; neither has said anything yet.
    const held = await acceptedMeeting(beta, gamma, past[3]);
    const before = await counts();

    const refused = async (side: SignedIn, meeting: string, body: Record<string, unknown>, status: number) =>
      (await api().post(`/api/v1/forum/meetings/${meeting}/work-together`).set(side.auth).send(body).expect(status))
        .body.message as string;
    expect(await refused(beta.owner, held, {}, 400)).toMatch(/give initiativeId .* or title/);
    expect(await refused(beta.owner, held, { initiativeId: exchange, title: 'Both at once' }, 400)).toMatch(
      /give initiativeId .* or title/,
    );
    expect(await refused(beta.owner, held, { initiativeId: outsiders }, 400)).toMatch(
      /initiativeId must be an initiative of Beta Gymnasium or one of Gamma NGO under way/,
    );
    // Gamma may not build on Beta's draft (the other side's drafts are Beta's own business).
    expect(await refused(gamma.owner, held, { initiativeId: betaDraft }, 400)).toMatch(/initiativeId must be/);
    expect(await refused(beta.owner, held, { title: 'No' }, 400)).toMatch(/title must be 3 to 140/);
    expect(await refused(beta.owner, held, { initiativeId: 'not-an-id' }, 400)).toMatch(/initiativeId must be/);
    expect(await refused(beta.owner, held, { title: 'An extra field', partnershipId: exchange }, 400)).toMatch(
      /partnershipId is not a known parameter or field/,
    );
    // Neither a stranger nor an unknown meeting: a 404, as for a meeting one cannot see.
    await refused(outsider.owner, held, { title: 'Not my meeting' }, 404);
    await refused(beta.owner, '00000000-0000-4000-8000-000000000000', { title: 'No such meeting' }, 404);

    // A meeting only requested, and one accepted that has not begun yet.
    const requested = await api()
      .post(`/api/v1/forum/editions/${editionId}/meetings`)
      .set(alpha.owner.auth)
      .send({ slotId: past[3], organizationId: alpha.id, withOrganizationId: outsider.id })
      .expect(201);
    expect(await refused(alpha.owner, requested.body.id, { title: 'Too early' }, 409)).toMatch(
      /Only an accepted meeting/,
    );
    const tomorrow = await acceptedMeeting(alpha, outsider, future);
    expect(await refused(alpha.owner, tomorrow, { title: 'Too early' }, 409)).toMatch(/has not taken place yet/);

    expect(await counts()).toEqual(before);
  });

  it('lets one of two sides saying it at once win, and keeps nothing of the other', async () => {
    const { beta, gamma } = sides;
    const [{ id: meeting }] = await t.dataSource.query(
      `SELECT m.id FROM meetings m WHERE m.requester_id = $1 AND m.invitee_id = $2 AND m.status = 'accepted' AND m.partnership_id IS NULL`,
      [beta.id, gamma.id],
    );
    const betaOwn = await initiative(beta, 'Beta says: our exchange', true);
    const gammaOwn = await initiative(gamma, 'Gamma says: our exchange', true);
    const before = await counts();
    const answers = await Promise.all([
      workTogether(beta, meeting, { initiativeId: betaOwn }),
      workTogether(gamma, meeting, { initiativeId: gammaOwn }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const after = await counts();
    // One partnership more, one meeting claimed: the loser's partnership was rolled back with it.
    expect(after).toEqual({ ...before, partnerships: before.partnerships + 1, claimed: before.claimed + 1 });
  });
});
