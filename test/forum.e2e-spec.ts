import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { clearAddressLimits, signedInCrowd, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, collect, connect, connected, during } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

describe('the annual forum', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let staff: SignedIn;
  let anna: SignedIn;
  let school: { id: string };
  let editionId: string;
  const sockets: Socket[] = [];
  const open = async (user: SignedIn) => {
    const socket = connect(t.baseUrl!, user.accessToken);
    sockets.push(socket);
    await connected(socket);
    return socket;
  };
  const proposal = (overrides: Record<string, unknown> = {}) => ({
    organizationId: school.id,
    kind: 'workshop',
    title: 'Twinning schools: how to start',
    abstract: 'A workshop on starting school partnerships with twin cities.',
    areas: ['education'],
    speakers: ['Anna Kowalska'],
    language: 'en',
    partnerCities: ['nuremberg'],
    ...overrides,
  });
  const propose = async (overrides: Record<string, unknown> = {}) =>
    (
      await api()
        .post(`/api/v1/forum/editions/${editionId}/sessions`)
        .set(anna.auth)
        .send(proposal(overrides))
        .expect(201)
    ).body;
  const place = (id: string, room: string, startsAt: string, endsAt: string, extra: Record<string, unknown> = {}) =>
    api()
      .post(`/api/v1/forum/sessions/${id}/accept`)
      .set(staff.auth)
      .send({ room, startsAt, endsAt, capacity: 40, ...extra });
  const people = (count: number) => signedInCrowd(t, count, 'Attendee');

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    staff = await signUp(t, email('staff'), { role: 'moderator' });
    anna = await signUp(t, email('anna'), { displayName: 'Anna' });
    school = await verifiedOrganization(t, anna, staff);
  });
  beforeEach(() => clearAddressLimits(t));
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });
  afterAll(() => t.close());

  it('lets staff create an edition and move it through its states, one step at a time', async () => {
    await api().post('/api/v1/forum/editions').set(anna.auth).send({}).expect(403);
    const created = await api()
      .post('/api/v1/forum/editions')
      .set(staff.auth)
      .send({
        year: 2027,
        themePl: 'Miasta razem',
        themeEn: 'Cities together',
        startsOn: '2027-05-20',
        endsOn: '2027-05-21',
        venue: 'ICE Kraków',
        languages: ['pl', 'en'],
        meetingTables: 1,
      })
      .expect(201);
    editionId = created.body.id;
    expect(created.body.status).toBe('planning');
    await api()
      .post('/api/v1/forum/editions')
      .set(staff.auth)
      .send({
        year: 2027,
        themePl: 'x x x',
        themeEn: 'x x x',
        startsOn: '2027-05-20',
        endsOn: '2027-05-21',
        venue: 'Elsewhere',
        languages: ['pl'],
      })
      .expect(409);
    await api().post(`/api/v1/forum/editions/${editionId}/sessions`).set(anna.auth).send(proposal()).expect(409);
    expect(
      (await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(staff.auth).expect(200)).body.status,
    ).toBe('call_open');
  });

  it('takes proposals from verified organisations, and never puts two sessions in one room at once', async () => {
    const first = await propose();
    const second = await propose({
      title: 'Economic missions with Milan',
      kind: 'panel',
      areas: ['economy'],
      language: 'pl',
    });
    const third = await propose({ title: 'Youth exchanges with Lviv', kind: 'presentation', areas: ['youth'] });
    await api()
      .post(`/api/v1/forum/editions/${editionId}/sessions`)
      .set(anna.auth)
      .send(proposal({ areas: ['astrology'] }))
      .expect(400);
    expect((await api().get(`/api/v1/forum/editions/${editionId}/sessions`).expect(200)).body.items).toEqual([]);

    await place(first.id, 'Sala A', '2027-05-20T10:00:00+02:00', '2027-05-20T11:30:00+02:00').expect(200);
    const clash = await place(second.id, 'Sala A', '2027-05-20T11:00:00+02:00', '2027-05-20T12:00:00+02:00').expect(
      409,
    );
    expect(clash.body.message).toBe('Sala A is already taken by another session at that time.');
    await place(second.id, 'Sala A', '2027-05-20T11:30:00+02:00', '2027-05-20T12:30:00+02:00').expect(200);
    await place(third.id, 'Sala B', '2027-05-21T10:00:00+02:00', '2027-05-21T11:00:00+02:00', {
      capacity: 5,
      qaModerated: true,
    }).expect(200);
    await place(third.id, 'Sala B', '2027-08-21T10:00:00+02:00', '2027-08-21T11:00:00+02:00').expect(400);
    const declined = await propose({ title: 'Off topic', kind: 'networking' });
    await api()
      .post(`/api/v1/forum/sessions/${declined.id}/decline`)
      .set(staff.auth)
      .send({ reason: 'Not about international cooperation.' })
      .expect(200);
  });

  it('publishes the agenda by day and room, filterable, and as iCalendar', async () => {
    await api().get(`/api/v1/forum/editions/${editionId}/agenda`).expect(404);
    await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(staff.auth).expect(200);
    const agenda = await api().get(`/api/v1/forum/editions/${editionId}/agenda`).expect(200);
    expect(agenda.body.days.map((d: { day: string }) => d.day)).toEqual(['2027-05-20', '2027-05-21']);
    expect(
      agenda.body.days[0].rooms.map((r: { room: string; sessions: { title: string }[] }) => [
        r.room,
        r.sessions.map((s) => s.title),
      ]),
    ).toEqual([['Sala A', ['Twinning schools: how to start', 'Economic missions with Milan']]]);
    const polish = await api().get(`/api/v1/forum/editions/${editionId}/agenda?lang=pl`).expect(200);
    expect(
      polish.body.days.flatMap((d: { rooms: { sessions: { title: string }[] }[] }) =>
        d.rooms.flatMap((r) => r.sessions.map((s) => s.title)),
      ),
    ).toEqual(['Economic missions with Milan']);
    await api().get(`/api/v1/forum/editions/${editionId}/agenda?area=astro-logy`).expect(400);
    const ics = await api().get(`/api/v1/forum/editions/${editionId}/agenda.ics`).expect(200);
    expect(ics.headers['content-type']).toMatch(/text\/calendar/);
    expect(ics.text).toContain('DTSTART:20270520T080000Z');
    expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  });

  it('gives every session a join code that opens it, unique in the edition, and a public Q&A once published', async () => {
    const sessions: { id: string; title: string; joinCode: string; status: string }[] = (
      await api().get(`/api/v1/forum/editions/${editionId}/sessions`).set(staff.auth).expect(200)
    ).body.items;
    const codes = sessions.map((session) => session.joinCode);
    // Six characters, none of them a look-alike (0/O, 1/I/L), no two alike.
    for (const code of codes) expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(new Set(codes).size).toBe(codes.length);
    const [unique] = await t.dataSource.query<{ indexdef: string }[]>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'forum_sessions_join_code_idx'`,
    );
    expect(unique.indexdef).toContain('UNIQUE');

    const published = sessions.find((session) => session.status === 'accepted')!;
    // Typed as a person types it: lower case, with a space.
    const typed = `${published.joinCode.slice(0, 3).toLowerCase()} ${published.joinCode.slice(3)}`;
    const found = await api()
      .get(`/api/v1/forum/editions/${editionId}/sessions/by-code/${encodeURIComponent(typed)}`)
      .expect(200);
    expect(found.body).toMatchObject({ id: published.id, title: published.title, joinCode: published.joinCode });

    const unknown = await api().get(`/api/v1/forum/editions/${editionId}/sessions/by-code/ZZZZZZ`).expect(404);
    expect(unknown.body.message).toBe(
      'No session of this Forum has the code ZZZZZZ: check the code on the screen in the room.',
    );
    // A declined session has a code too, but it opens nothing for the public.
    const declined = sessions.find((session) => session.status === 'declined')!;
    await api().get(`/api/v1/forum/editions/${editionId}/sessions/by-code/${declined.joinCode}`).expect(404);
    await api().get(`/api/v1/forum/sessions/${declined.id}/questions`).expect(404);

    // The projector's data, without logging in: the published session and its questions.
    await api().get(`/api/v1/forum/sessions/${published.id}`).expect(200);
    expect((await api().get(`/api/v1/forum/sessions/${published.id}/questions`).expect(200)).body.items).toEqual([]);
  });

  it('gives exactly 5 confirmed and 45 waiting when 50 register at once for the last 5 places, and promotes on cancellation', async () => {
    const [session] = (await api().get(`/api/v1/forum/editions/${editionId}/sessions`).expect(200)).body.items.filter(
      (s: { capacity: number }) => s.capacity === 5,
    );
    const crowd = await people(50);
    const results = await Promise.all(
      crowd.map((person) => api().post(`/api/v1/forum/sessions/${session.id}/register`).set(person.auth)),
    );
    expect(results.map((r) => r.status).every((status) => status === 200)).toBe(true);
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(5);
    expect(results.filter((r) => r.body.status === 'waiting')).toHaveLength(45);
    const [{ confirmed, waiting }] = await t.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waiting')::int AS waiting FROM forum_registrations WHERE session_id = $1`,
      [session.id],
    );
    expect({ confirmed, waiting }).toEqual({ confirmed: 5, waiting: 45 });

    const firstInLine = await t.dataSource.query(
      `SELECT user_id FROM forum_registrations WHERE session_id = $1 AND status = 'waiting' ORDER BY id LIMIT 1`,
      [session.id],
    );
    const leaving = crowd.find((p) => results[crowd.indexOf(p)].body.status === 'confirmed')!;
    await api().delete(`/api/v1/forum/sessions/${session.id}/register`).set(leaving.auth).expect(200);
    const [promoted] = await t.dataSource.query(
      `SELECT status FROM forum_registrations WHERE session_id = $1 AND user_id = $2 AND status <> 'cancelled'`,
      [session.id, firstInLine[0].user_id],
    );
    expect(promoted.status).toBe('confirmed');
    const [told] = await t.dataSource.query(`SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'forum'`, [
      firstInLine[0].user_id,
    ]);
    expect(told.payload.title.en).toBe('You have a place: Youth exchanges with Lviv');
    // Registering twice changes nothing.
    const again = await api().post(`/api/v1/forum/sessions/${session.id}/register`).set(crowd[49].auth).expect(200);
    expect(again.body.status).toBe('waiting');
  });

  describe('live Q&A', () => {
    let moderated: string;
    let open_: string;
    beforeAll(async () => {
      const sessions = (await api().get(`/api/v1/forum/editions/${editionId}/sessions`).set(staff.auth).expect(200))
        .body.items;
      moderated = sessions.find(
        (s: { qaModerated: boolean; status: string }) => s.qaModerated && s.status === 'accepted',
      ).id;
      open_ = sessions.find((s: { title: string }) => s.title === 'Twinning schools: how to start').id;
    });

    it('shows questions to everyone at once, sorted by votes, one vote each, and hides anonymous authors from participants', async () => {
      const [a, b] = await people(2);
      const onA = await open(a);
      const onB = await open(b);
      const onStaff = await open(staff);
      await ask(onA, 'qa:join', { sessionId: open_ });
      await ask(onB, 'qa:join', { sessionId: open_ });
      await ask(onStaff, 'qa:join', { sessionId: open_ });
      const seenByB = collect(onB, 'qa:question', 1);
      const seenByStaff = collect(onStaff, 'qa:question', 1);
      const asked = await ask(onA, 'qa:ask', {
        sessionId: open_,
        body: 'How do we find a partner school?',
        anonymous: true,
        lang: 'en',
      });
      // With the language its author said it is in, so pages can mark it.
      expect(asked).toMatchObject({
        ok: true,
        question: { body: 'How do we find a partner school?', status: 'visible', lang: 'en' },
      });
      expect((await seenByB)[0]).toMatchObject({
        body: 'How do we find a partner school?',
        author: null,
        anonymous: true,
      });
      expect((await seenByStaff)[0]).toMatchObject({ author: 'Attendee 0' });

      const second = (await ask(onB, 'qa:ask', { sessionId: open_, body: 'Is there funding for travel?' })).question;
      expect(second.lang).toBeNull();
      expect(await ask(onB, 'qa:ask', { sessionId: open_, body: 'Which language?', lang: 'english' })).toMatchObject({
        ok: false,
        error: { status: 400, message: 'lang must be a two-letter ISO 639-1 code such as pl, en or de' },
      });
      const updates = collect(onA, 'qa:votes', 1);
      expect(await ask(onA, 'qa:vote', { questionId: second.id })).toMatchObject({ ok: true, question: { votes: 1 } });
      expect(await ask(onA, 'qa:vote', { questionId: second.id })).toMatchObject({ ok: false, error: { status: 409 } });
      expect((await updates)[0]).toEqual({ sessionId: open_, votes: [{ id: second.id, votes: 1 }] });
      const voters = await people(3);
      await Promise.all(voters.map(async (voter) => ask(await open(voter), 'qa:vote', { questionId: second.id })));
      const list = await api().get(`/api/v1/forum/sessions/${open_}/questions`).set(a.auth).expect(200);
      expect(list.body.items.map((q: { body: string; votes: number }) => [q.body, q.votes])).toEqual([
        ['Is there funding for travel?', 4],
        ['How do we find a partner school?', 0],
      ]);
    });

    it('counts every one of many votes sent at once, and tells the room in a few events that end with the full count', async () => {
      const [asker, watcher, ...voters] = await people(42);
      const onWatcher = await open(watcher);
      await ask(onWatcher, 'qa:join', { sessionId: open_ });
      const question = (await ask(await open(asker), 'qa:ask', { sessionId: open_, body: 'Who pays for the buses?' }))
        .question;
      const seen: { id: number; votes: number }[][] = [];
      const allCounted = new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`saw ${JSON.stringify(seen)}`)), 10_000);
        onWatcher.on('qa:votes', (event: { votes: { id: number; votes: number }[] }) => {
          seen.push(event.votes);
          if (event.votes.some((q) => q.id === question.id && q.votes === voters.length)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      const sockets = await Promise.all(voters.map(open));
      const answers = await Promise.all(sockets.map((s) => ask(s, 'qa:vote', { questionId: question.id })));
      expect(answers.filter((answer) => answer.ok)).toHaveLength(voters.length);
      await allCounted;
      // Coalesced: far fewer events than votes, and no count ever went back.
      expect(seen.length).toBeLessThan(voters.length);
      const counts = seen
        .flat()
        .filter((q) => q.id === question.id)
        .map((q) => q.votes);
      expect(counts).toEqual([...counts].sort((x, y) => x - y));
      const list = await api().get(`/api/v1/forum/sessions/${open_}/questions`).set(watcher.auth).expect(200);
      expect(list.body.items.find((q: { id: number }) => q.id === question.id).votes).toBe(voters.length);
    });

    it('holds questions of a moderated session until a moderator approves them; moderators pin, answer and hide', async () => {
      const [a, b] = await people(2);
      const onA = await open(a);
      const onB = await open(b);
      const onStaff = await open(staff);
      for (const s of [onA, onB, onStaff]) await ask(s, 'qa:join', { sessionId: moderated });
      const nothingForB = during(onB, 'qa:question', 400);
      const pendingForStaff = collect(onStaff, 'qa:question', 1);
      const asked = (await ask(onA, 'qa:ask', { sessionId: moderated, body: 'Can partner cities co-fund the camp?' }))
        .question;
      expect(asked.status).toBe('pending');
      expect((await pendingForStaff)[0]).toMatchObject({ id: asked.id, status: 'pending' });
      expect(await nothingForB).toEqual([]);
      expect(
        (await api().get(`/api/v1/forum/sessions/${moderated}/questions`).set(b.auth).expect(200)).body.items,
      ).toEqual([]);

      const approved = collect(onB, 'qa:question', 1);
      await api()
        .post(`/api/v1/forum/questions/${asked.id}/moderate`)
        .set(a.auth)
        .send({ action: 'approve' })
        .expect(403);
      await api()
        .post(`/api/v1/forum/questions/${asked.id}/moderate`)
        .set(staff.auth)
        .send({ action: 'approve' })
        .expect(200);
      expect((await approved)[0]).toMatchObject({ id: asked.id, status: 'visible' });
      const pinned = collect(onB, 'qa:updated', 2);
      await api()
        .post(`/api/v1/forum/questions/${asked.id}/moderate`)
        .set(staff.auth)
        .send({ action: 'pin' })
        .expect(200);
      await api()
        .post(`/api/v1/forum/questions/${asked.id}/moderate`)
        .set(staff.auth)
        .send({ action: 'answered' })
        .expect(200);
      expect((await pinned).map((q) => [q.pinned, q.answered])).toEqual([
        [true, false],
        [true, true],
      ]);
      await api()
        .post(`/api/v1/forum/questions/${asked.id}/moderate`)
        .set(staff.auth)
        .send({ action: 'hide' })
        .expect(400);
      await api()
        .post(`/api/v1/forum/questions/${asked.id}/moderate`)
        .set(staff.auth)
        .send({ action: 'hide', reason: 'Answered off-line.' })
        .expect(200);
      expect(
        (await api().get(`/api/v1/forum/sessions/${moderated}/questions`).set(b.auth).expect(200)).body.items,
      ).toEqual([]);
    });
  });

  describe('1:1 meetings', () => {
    let slot: number;
    let orgs: { id: string; owner: SignedIn }[];
    beforeAll(async () => {
      const slots = await api()
        .post(`/api/v1/forum/editions/${editionId}/slots`)
        .set(staff.auth)
        .send({
          slots: [
            { startsAt: '2027-05-20T14:00:00+02:00', endsAt: '2027-05-20T14:20:00+02:00' },
            { startsAt: '2027-05-20T14:20:00+02:00', endsAt: '2027-05-20T14:40:00+02:00' },
          ],
        })
        .expect(201);
      slot = slots.body.items[0].id;
      await api()
        .post(`/api/v1/forum/editions/${editionId}/slots`)
        .set(staff.auth)
        .send({ slots: [{ startsAt: '2027-05-20T14:10:00+02:00', endsAt: '2027-05-20T14:30:00+02:00' }] })
        .expect(409);
      orgs = [];
      for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon']) {
        const owner = await signUp(t, email(name.toLowerCase()));
        orgs.push({
          id: (await verifiedOrganization(t, owner, staff, { name: `${name} NGO`, type: 'ngo' })).id,
          owner,
        });
      }
    });
    const requestMeeting = (from: number, to: number, slotId = slot) =>
      api()
        .post(`/api/v1/forum/editions/${editionId}/meetings`)
        .set(orgs[from].owner.auth)
        .send({ slotId, organizationId: orgs[from].id, withOrganizationId: orgs[to].id, message: 'Shall we meet?' });

    it('gives an accepted meeting a table, and never double-books an organisation or a table', async () => {
      const ab = (await requestMeeting(0, 1).expect(201)).body;
      await api().post(`/api/v1/forum/meetings/${ab.id}/accept`).set(orgs[0].owner.auth).expect(403);
      const accepted = await api().post(`/api/v1/forum/meetings/${ab.id}/accept`).set(orgs[1].owner.auth).expect(200);
      expect(accepted.body).toMatchObject({ status: 'accepted', tableNo: 1 });

      const ac = (await requestMeeting(0, 2).expect(201)).body;
      expect(
        (await api().post(`/api/v1/forum/meetings/${ac.id}/accept`).set(orgs[2].owner.auth).expect(409)).body.message,
      ).toMatch(/already has a meeting in this slot/);
      const de = (await requestMeeting(3, 4).expect(201)).body;
      expect(
        (await api().post(`/api/v1/forum/meetings/${de.id}/accept`).set(orgs[4].owner.auth).expect(409)).body.message,
      ).toMatch(/All tables are taken/);
      expect(
        (await t.dataSource.query(`SELECT count(*)::int AS n FROM meeting_participants WHERE slot_id = $1`, [slot]))[0]
          .n,
      ).toBe(2);
    });

    it('lets only one of two concurrent acceptances for the same organisation win', async () => {
      const second = (await api().get(`/api/v1/forum/editions/${editionId}/slots`).expect(200)).body.items[1].id;
      await t.dataSource.query(`UPDATE forum_editions SET meeting_tables = 5 WHERE id = $1`, [editionId]);
      const one = (await requestMeeting(2, 3, second).expect(201)).body;
      const two = (await requestMeeting(4, 3, second).expect(201)).body;
      const results = await Promise.all(
        [one, two].map((m) => api().post(`/api/v1/forum/meetings/${m.id}/accept`).set(orgs[3].owner.auth)),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const schedule = await api()
        .get(`/api/v1/forum/editions/${editionId}/meetings?organizationId=${orgs[3].id}`)
        .set(orgs[3].owner.auth)
        .expect(200);
      expect(schedule.body.items.filter((m: { status: string }) => m.status === 'accepted')).toHaveLength(1);
      await api()
        .get(`/api/v1/forum/editions/${editionId}/meetings?organizationId=${orgs[3].id}`)
        .set(orgs[0].owner.auth)
        .expect(404);
      const ics = await api()
        .get(`/api/v1/forum/editions/${editionId}/my-meetings.ics`)
        .set(orgs[3].owner.auth)
        .expect(200);
      expect(ics.text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    });
  });

  it('publishes an outcomes report after the edition, as JSON and CSV', async () => {
    await api()
      .post(`/api/v1/forum/editions/${editionId}/outcomes`)
      .set(staff.auth)
      .send({ summary: 'Three sessions and many meetings.' })
      .expect(409);
    await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(staff.auth).expect(200); // live
    await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(staff.auth).expect(200); // closed
    await api().post(`/api/v1/forum/editions/${editionId}/advance`).set(staff.auth).expect(409);
    await api().get(`/api/v1/forum/editions/${editionId}/outcomes`).expect(404);
    const initiative = (
      await api()
        .post('/api/v1/initiatives')
        .set(anna.auth)
        .send({
          organizationId: school.id,
          title: 'Born at the Forum',
          summary: 'An exchange agreed at the forum meetings.',
          language: 'en',
          translations: { pl: { title: 'Narodzone na Forum' } },
          kind: 'exchange',
          areas: ['education'],
          languages: ['en'],
        })
        .expect(201)
    ).body;
    await api().post(`/api/v1/initiatives/${initiative.id}/submit`).set(anna.auth).expect(200);
    await api().post(`/api/v1/initiatives/${initiative.id}/publish`).set(staff.auth).send({}).expect(200);
    await api()
      .post(`/api/v1/forum/editions/${editionId}/origins`)
      .set(staff.auth)
      .send({ initiativeId: initiative.id })
      .expect(204);
    await api()
      .post(`/api/v1/forum/editions/${editionId}/outcomes`)
      .set(staff.auth)
      .send({ summary: 'Three sessions and many meetings.' })
      .expect(200);
    const report = await api()
      .get(`/api/v1/forum/editions/${editionId}/outcomes`)
      .set('Accept-Language', 'en')
      .expect(200);
    expect(report.body).toMatchObject({
      sessionsHeld: 3,
      attendance: 5,
      meetingsHeld: 2,
      questionsAsked: 3, // the visible ones the live Q&A tests asked
      questionsAnswered: 1,
      summary: 'Three sessions and many meetings.',
    });
    expect(report.body.initiatives).toEqual([{ id: initiative.id, title: 'Born at the Forum', language: 'en' }]);
    // Each title in the reader's language when it has that version, with the language it is in.
    const inPolish = await api()
      .get(`/api/v1/forum/editions/${editionId}/outcomes`)
      .set('Accept-Language', 'pl')
      .expect(200);
    expect(inPolish.body.initiatives).toEqual([{ id: initiative.id, title: 'Narodzone na Forum', language: 'pl' }]);
    for (const session of report.body.sessions as { title: string; titleLang: string }[])
      expect(session.titleLang).toMatch(/^[a-z]{2}$/);
    const csv = await api().get(`/api/v1/forum/editions/${editionId}/outcomes.csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text).toContain('meetingsHeld,2');
    expect(csv.text.split('\r\n')[0]).toBe('session_id,title,kind,room,capacity,confirmed,questions,answered');
  });
});
