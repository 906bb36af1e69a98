import { randomUUID } from 'node:crypto';
import { QA_VOTES_INTERVAL_MS } from '../src/forum/qa/qa.gateway';
import { clearAddressLimits, signedInCrowd, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, testSockets } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

type Votes = { sessionId: string; votes: { id: number; votes: number }[] };

/**
 * A session's live Q&A on two instances of the app sharing Redis (REDIS_URL, default
 * redis://127.0.0.1:6379): the room hears one coalesced `qa:votes` stream, not one per instance,
 * and it ends with every vote counted.
 */
describe('live Q&A on two instances joined by Redis', () => {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisStream = `cooperation-forum-test:${randomUUID()}`;
  let a: TestApp;
  let b: TestApp;
  let sessionId: string;
  const sockets = testSockets();
  const open = (app: TestApp, user: SignedIn) => sockets.open(app, user);
  const people = (count: number) => signedInCrowd(a, count, 'Voter');

  beforeAll(async () => {
    a = await startTestApp({ listen: true, config: { redisUrl, redisStream } });
    b = await startTestApp({ listen: true, seed: false, database: a.database, config: { redisUrl, redisStream } });
    await clearAddressLimits(a);
    const moderator = await signUp(a, `moderator.${randomUUID()}@example.org`, { role: 'moderator' });
    const owner = await signUp(a, `owner.${randomUUID()}@example.org`, { displayName: 'Owner' });
    const organization = await verifiedOrganization(a, owner, moderator);
    // A live edition with one accepted, unmoderated session: the plenary (the forum's own steps are in forum.e2e-spec.ts).
    const [edition] = await a.dataSource.query<{ id: string }[]>(
      `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, languages, status)
       VALUES (2098, 'Forum', 'Forum', current_date, current_date + 1, 'ICE Kraków', '{pl,en}', 'live') RETURNING id`,
    );
    [{ id: sessionId }] = await a.dataSource.query<{ id: string }[]>(
      `INSERT INTO forum_sessions (edition_id, organization_id, proposed_by, kind, title, join_code, abstract, language, status, room, starts_at, ends_at, qa_moderated)
       VALUES ($1, $2, $3, 'panel', 'Plenary', 'PLNRY2', 'Questions to the panel.', 'en', 'accepted', 'Sala plenarna', now(), now() + interval '2 hours', false)
       RETURNING id`,
      [edition.id, organization.id, owner.id],
    );
  });
  afterEach(() => sockets.closeAll());
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('tells a participant on each instance the same single stream of counts, ending with every vote of both', async () => {
    const [asker, watcherA, watcherB, ...voters] = await people(43);
    const onWatcherA = await open(a, watcherA);
    const onWatcherB = await open(b, watcherB);
    for (const s of [onWatcherA, onWatcherB])
      expect(await ask(s, 'qa:join', { sessionId })).toMatchObject({ ok: true });
    const onAsker = await open(a, asker);
    const questions: number[] = [];
    for (const body of ['Who pays for the buses?', 'Which languages will the panel speak?'])
      questions.push((await ask<{ question: { id: number } }>(onAsker, 'qa:ask', { sessionId, body })).question.id);
    const seenA: Votes[] = [];
    const seenB: Votes[] = [];
    onWatcherA.on('qa:votes', (event: Votes) => seenA.push(event));
    onWatcherB.on('qa:votes', (event: Votes) => seenB.push(event));
    // Half the voters on each instance, each voting for both questions.
    const voterSockets = await Promise.all(voters.map((voter, i) => open(i % 2 ? b : a, voter)));

    // Votes spread over about a second and both instances, so that each instance has votes in
    // most periods: one stream per instance would be about twice the periods' number of events.
    const started = Date.now();
    const answers = await Promise.all(
      voterSockets.flatMap((socket, i) =>
        questions.map(async (questionId, q) => {
          await new Promise((wake) => setTimeout(wake, (i * 2 + q) * 12));
          return ask<{ ok: boolean }>(socket, 'qa:vote', { questionId });
        }),
      ),
    );
    expect(answers.filter((answer) => answer.ok)).toHaveLength(voters.length * questions.length);
    const final = (seen: Votes[], id: number) =>
      Math.max(0, ...seen.flatMap((e) => e.votes.filter((q) => q.id === id).map((q) => q.votes)));
    for (let waited = 0; waited < 10_000; waited += 50) {
      if (questions.every((id) => final(seenA, id) === voters.length && final(seenB, id) === voters.length)) break;
      await new Promise((wake) => setTimeout(wake, 50));
    }
    const elapsed = Date.now() - started;
    await new Promise((wake) => setTimeout(wake, 3 * QA_VOTES_INTERVAL_MS)); // any late second stream would arrive now
    for (const seen of [seenA, seenB]) for (const id of questions) expect(final(seen, id)).toBe(voters.length);

    // One stream: both participants heard the same events, and at most one per period.
    expect(seenB).toEqual(seenA);
    expect(seenA.length).toBeGreaterThan(1);
    expect(seenA.length).toBeLessThanOrEqual(Math.floor(elapsed / QA_VOTES_INTERVAL_MS) + 1);
    // Never going back, for either question.
    for (const id of questions) {
      const counts = seenA.flatMap((e) => e.votes.filter((q) => q.id === id).map((q) => q.votes));
      expect(counts).toEqual([...counts].sort((x, y) => x - y));
    }
    const stored = await a.dataSource.query<{ id: string; votes: number }[]>(
      `SELECT id, votes FROM qa_questions WHERE session_id = $1 ORDER BY id`,
      [sessionId],
    );
    expect(stored.map((q) => q.votes)).toEqual([voters.length, voters.length]);
  });

  it('tells a quiet session a vote on the other instance at once, and refuses a second vote of one person on either', async () => {
    const [voter, watcher] = await people(2);
    const onWatcher = await open(a, watcher);
    await ask(onWatcher, 'qa:join', { sessionId });
    const onVoterA = await open(a, voter);
    const onVoterB = await open(b, voter);
    const { question } = await ask<{ question: { id: number } }>(onVoterA, 'qa:ask', {
      sessionId,
      body: 'When is lunch?',
    });
    await new Promise((wake) => setTimeout(wake, 2 * QA_VOTES_INTERVAL_MS)); // the period of the last test is over
    const heard = new Promise<Votes>((resolve) => onWatcher.once('qa:votes', resolve));
    expect(await ask(onVoterB, 'qa:vote', { questionId: question.id })).toMatchObject({
      ok: true,
      question: { votes: 1 },
    });
    expect(await heard).toEqual({ sessionId, votes: [{ id: question.id, votes: 1 }] });
    expect(await ask(onVoterA, 'qa:vote', { questionId: question.id })).toMatchObject({
      ok: false,
      error: { status: 409 },
    });
    expect(await ask(onVoterB, 'qa:vote', { questionId: question.id + 1000 })).toMatchObject({
      ok: false,
      error: { status: 404 },
    });
  });

  it('counts once each of many people voting at once, each sending the same vote twice, on both instances', async () => {
    const [asker, ...voters] = await people(21);
    const { question } = await ask<{ question: { id: number } }>(await open(a, asker), 'qa:ask', {
      sessionId,
      body: 'Will the talks be recorded?',
    });
    const voterSockets = await Promise.all(voters.map((voter, i) => open(i % 2 ? b : a, voter)));
    // Sent together, so that they are stored in batches, with the same person's two votes in one queue.
    const answers = await Promise.all(
      voterSockets.flatMap((socket) => [
        ask<{ ok: boolean; error?: { status: number } }>(socket, 'qa:vote', { questionId: question.id }),
        ask<{ ok: boolean; error?: { status: number } }>(socket, 'qa:vote', { questionId: question.id }),
      ]),
    );
    for (let i = 0; i < voters.length; i++) {
      const pair = answers.slice(2 * i, 2 * i + 2);
      expect(pair.filter((answer) => answer.ok)).toHaveLength(1);
      expect(pair.filter((answer) => !answer.ok).map((answer) => answer.error?.status)).toEqual([409]);
    }
    const [stored] = await a.dataSource.query<{ votes: number; rows: string | number }[]>(
      `SELECT votes, (SELECT count(*) FROM qa_votes WHERE question_id = $1) AS rows FROM qa_questions WHERE id = $1`,
      [question.id],
    );
    expect([stored.votes, Number(stored.rows)]).toEqual([voters.length, voters.length]);
  });
});
