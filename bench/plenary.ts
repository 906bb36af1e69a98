/**
 * The plenary benchmark: one forum session's live Q&A with many participants, through two app
 * instances sharing Redis (as production runs them), against bench/bare-qa-server.ts (plain
 * Socket.IO with the same Redis adapter, two instances, the same events, nothing else).
 *
 * Setup, in the bench database: participants `bench-plenary-NNNN@example.org` (created once, in
 * SQL, with one password hash; reused), the forum edition of the year 2099 (live) with one accepted,
 * scheduled session (the plenary, join code PLENUM) of a verified organisation of the data set,
 * and its questions, asked again on every run (no votes). Tokens come from POST /api/v1/auth/login.
 *
 * Participants run in child processes (bench/plenary-client.ts), each on one of the two instances
 * (alternately), all joined to the session's Q&A. The bench paces `qa:vote`s at a fixed rate, each
 * sent by a participant that has not voted for that question yet (the app allows one vote per
 * person and question), the questions in turn. Latency: for each acknowledged vote, acknowledged
 * with count c, and each participant, the time from sending the vote to the first ranking event
 * that participant received in which that question's count was c or more (counts only grow, and c
 * was read after the vote was stored, so such a ranking includes the vote); "every client" is, per
 * vote, the latest of those over all participants.
 *
 * Rounds: BENCH_PLENARY_ROUNDS (2) rounds of each, alternating (app, bare, bare, app, ...), so that
 * a change in the machine's load over the run falls on both alike (on 2 shared cores one round's
 * p99 moves severalfold: docs/perf/plenary.md). The verdict's p50/p99 are those of every round's
 * (vote, participant) samples together; each round's own figures are printed and kept too.
 *
 * Knobs: BENCH_PLENARY_PARTICIPANTS (2000), BENCH_PLENARY_RATE (200 votes/s),
 * BENCH_PLENARY_SECONDS (30), BENCH_PLENARY_QUESTIONS (100), BENCH_PLENARY_PROCESSES (4),
 * BENCH_PLENARY_ROUNDS (2).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { createClient } from 'redis';
import { cpu, cpuMs, fmt, ms, nowMs, ROOT, say, sleep, type Running } from './common';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

export const PARTICIPANTS = Math.round(num('BENCH_PLENARY_PARTICIPANTS', 2000));
const RATE = num('BENCH_PLENARY_RATE', 200);
const SECONDS = num('BENCH_PLENARY_SECONDS', 30);
const QUESTIONS = Math.round(num('BENCH_PLENARY_QUESTIONS', 100));
const PROCESSES = Math.round(num('BENCH_PLENARY_PROCESSES', 4));
const ROUNDS = Math.round(num('BENCH_PLENARY_ROUNDS', 2));
const PASSWORD = 'bench-plenary password 2025';
const participantEmail = (n: number) => `bench-plenary-${String(n).padStart(4, '0')}@example.org`;
const EDITION_YEAR = 2099;
const JOIN_CODE = 'PLENUM';
/** The app's vote counts (p99 at most this many times the bare server's). */
const P99_RATIO_GOAL = 2;

type Target = 'app' | 'bare';

class ClientProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly ready: Promise<void>;

  constructor() {
    this.child = fork(join(ROOT, 'bench', 'plenary-client.ts'), [], {
      cwd: ROOT,
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve, reject) => this.pending.set(0, { resolve: () => resolve(), reject }));
    this.child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(`plenary client: ${message.error}`));
    });
    this.child.on('exit', (code) => {
      for (const [, waiting] of this.pending) waiting.reject(new Error(`a plenary client process exited (${code})`));
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call<T>(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 300_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`plenary client: ${cmd} took more than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.child.send({ id, cmd, args });
    });
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

interface QuestionLike {
  id: number;
  votes: number;
  [key: string]: unknown;
}

/** Participants (once), the edition and the plenary session (once), its questions (every run). */
async function prepareData(url: string): Promise<{ sessionId: string }> {
  const db = new Client({ connectionString: url, application_name: 'cooperation-forum-bench-setup' });
  await db.connect();
  try {
    const emails = Array.from({ length: PARTICIPANTS }, (_, i) => participantEmail(i + 1));
    const existing = Number(
      (await db.query<{ n: string }>(`SELECT count(*) AS n FROM users WHERE email = ANY($1)`, [emails])).rows[0].n,
    );
    if (existing < PARTICIPANTS) {
      const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
      await db.query(
        `INSERT INTO users (email, password_hash, display_name, locale, email_verified_at)
         SELECT e.email, $1, 'Bench participant ' || e.n, 'en', now() FROM unnest($2::text[]) WITH ORDINALITY AS e(email, n)
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, email_verified_at = now(), deleted_at = NULL`,
        [passwordHash, emails],
      );
    }
    const [organization] = (
      await db.query<{ id: string }>(
        `SELECT id FROM organizations WHERE status = 'verified' AND hidden_at IS NULL ORDER BY id LIMIT 1`,
      )
    ).rows;
    if (!organization) throw new Error('the data set has no verified organisation');
    const authors = (
      await db.query<{ id: string }>(`SELECT id FROM users WHERE email = ANY($1) ORDER BY email`, [
        emails.slice(0, QUESTIONS),
      ])
    ).rows.map((r) => r.id);
    await db.query('BEGIN');
    const [edition] = (
      await db.query<{ id: string }>(
        `INSERT INTO forum_editions (year, theme_pl, theme_en, starts_on, ends_on, venue, languages, status)
         VALUES ($1, 'Forum benchmarku', 'Bench forum', current_date, current_date + 1, 'ICE Kraków', '{pl,en}', 'live')
         ON CONFLICT (year) DO UPDATE SET status = 'live' RETURNING id`,
        [EDITION_YEAR],
      )
    ).rows;
    let [session] = (
      await db.query<{ id: string }>(`SELECT id FROM forum_sessions WHERE edition_id = $1 AND join_code = $2`, [
        edition.id,
        JOIN_CODE,
      ])
    ).rows;
    if (!session)
      [session] = (
        await db.query<{ id: string }>(
          `INSERT INTO forum_sessions (edition_id, organization_id, proposed_by, kind, title, join_code, abstract, language, status, room, starts_at, ends_at)
           VALUES ($1, $2, $3, 'panel', 'Sesja plenarna', $4, 'Pytania do panelistów.', 'pl', 'accepted', 'Sala plenarna', now(), now() + interval '2 hours')
           RETURNING id`,
          [edition.id, organization.id, authors[0], JOIN_CODE],
        )
      ).rows;
    await db.query(`UPDATE forum_sessions SET status = 'accepted', qa_moderated = false WHERE id = $1`, [session.id]);
    await db.query(`DELETE FROM qa_questions WHERE session_id = $1`, [session.id]); // and their votes
    await db.query(
      `INSERT INTO qa_questions (session_id, author_id, body, anonymous, status, language)
       SELECT $1, a.id, 'Pytanie numer ' || a.n || ': jak współpraca miast partnerskich zmieni się w przyszłym roku?', a.n % 3 = 0, 'visible', 'pl'
         FROM unnest($2::uuid[]) WITH ORDINALITY AS a(id, n)`,
      [session.id, authors],
    );
    await db.query(
      `DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE email LIKE 'bench-plenary-%@example.org')`,
    );
    await db.query('COMMIT');
    return { sessionId: session.id };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

async function resetVotes(url: string, sessionId: string): Promise<void> {
  const db = new Client({ connectionString: url, application_name: 'cooperation-forum-bench-setup' });
  await db.connect();
  try {
    await db.query(`DELETE FROM qa_votes WHERE question_id IN (SELECT id FROM qa_questions WHERE session_id = $1)`, [
      sessionId,
    ]);
    await db.query(`UPDATE qa_questions SET votes = 0 WHERE session_id = $1`, [sessionId]);
  } finally {
    await db.end();
  }
}

async function storedCounts(url: string, sessionId: string): Promise<Map<number, { votes: number; rows: number }>> {
  const db = new Client({ connectionString: url, application_name: 'cooperation-forum-bench-setup' });
  await db.connect();
  try {
    const rows = (
      await db.query<{ id: string; votes: number; rows: string }>(
        `SELECT q.id, q.votes, (SELECT count(*) FROM qa_votes v WHERE v.question_id = q.id) AS rows
           FROM qa_questions q WHERE q.session_id = $1`,
        [sessionId],
      )
    ).rows;
    return new Map(rows.map((r) => [Number(r.id), { votes: r.votes, rows: Number(r.rows) }]));
  } finally {
    await db.end();
  }
}

/** The app instances' PostgreSQL backends (their pool's application_name, src/database/data-source-options.ts). */
async function appBackends(url: string): Promise<number[]> {
  const db = new Client({ connectionString: url, application_name: 'cooperation-forum-bench-setup' });
  await db.connect();
  try {
    const { rows } = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'cooperation-forum'`,
    );
    return rows.map((r) => r.pid);
  } finally {
    await db.end();
  }
}

async function logIn(base: string, emails: string[]): Promise<string[]> {
  const tokens = new Array<string>(emails.length);
  let next = 0;
  const lane = async () => {
    while (next < emails.length) {
      const index = next++;
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: emails[index], password: PASSWORD }),
      });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`login failed (${res.status}): ${text.slice(0, 300)}`);
      tokens[index] = (JSON.parse(text) as { accessToken: string }).accessToken;
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  return tokens;
}

export interface PlenaryRun {
  target: Target;
  participants: number;
  connectSeconds: number;
  votesPlanned: number;
  votesAcked: number;
  votesFailed: number;
  failures: Record<string, number>;
  lateSends: number;
  /** Per vote and participant: from sending the vote to the first ranking including it. */
  latency: { p50: number; p99: number; max: number; samples: number };
  /** Per vote: until the last participant had it. */
  everyClient: { p50: number; p99: number; max: number };
  /** (vote, participant) pairs whose ranking never included the vote. */
  missing: number;
  events: number;
  questionUpdates: number;
  deliveriesPerSecond: number;
  ack: { p50: number; p99: number };
  /** Acknowledged votes the stored count lacks / has beyond them; participants whose last ranking differs from it. */
  lost: number;
  doubleCounted: number;
  clientsDisagreeing: number;
  storedRowsMismatch: number;
  serverCpuCoreShare: number | null;
  /**
   * CPU ms per acknowledged vote, from /proc, over the voting and until the last ranking arrived:
   * the two servers, their PostgreSQL backends, Redis (shared: other users of the machine's Redis
   * count too), the participants' processes (which also parse every event). Null where unreadable.
   */
  cpuPerVote: { servers: number | null; postgres: number | null; redis: number | null; participants: number | null };
  loadAverage: [number, number];
  /** Rounds this run is made of (1 for a single round). */
  rounds: number;
}

/** What rounds are pooled from: a round's figures with its raw samples (not kept in the results). */
interface MeasuredRound {
  run: PlenaryRun;
  histogram: Map<number, number>;
  /** Per acknowledged vote, until the last participant had it (ms), complete votes only. */
  everyClient: number[];
  ackTimes: number[];
  elapsedSeconds: number;
}

export interface PlenaryVerdict {
  title: string;
  goal: string;
  pass: boolean;
  app: number;
  bare: number | null;
  ratio: number | null;
  unit: string;
  note?: string;
}

export interface PlenaryResults {
  setup: {
    participants: number;
    rate: number;
    seconds: number;
    questions: number;
    processes: number;
    coalesceMs: number;
    loginSeconds: number;
    sessionId: string;
  };
  /** All rounds together (the verdict's figures). */
  app: PlenaryRun;
  bare: PlenaryRun;
  /** Each round on its own, in the order run. */
  rounds: { app: PlenaryRun[]; bare: PlenaryRun[] };
  verdicts: PlenaryVerdict[];
  seconds: number;
}

function percentileOfHistogram(histogram: Map<number, number>, total: number, p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * total));
  let seen = 0;
  for (const [bucket, n] of [...histogram].sort((a, b) => a[0] - b[0])) {
    seen += n;
    if (seen >= rank) return (bucket + 1) * 0.1;
  }
  return NaN;
}

const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : NaN;

async function runTarget(options: {
  target: Target;
  servers: [Running, Running];
  clients: ClientProcess[];
  tokens: (string | null)[];
  sessionId: string;
  countsNow: () => Promise<Map<number, { votes: number; rows: number }>>;
  prepare: () => Promise<void>;
  /** The PostgreSQL backends serving this target (none for the bare pair). */
  backendPids: () => Promise<number[]>;
  redisPid: number | null;
}): Promise<MeasuredRound> {
  const { target, servers, clients, sessionId } = options;
  await options.prepare();
  // Participant i: process i % P, instance i % 2 (so each process has participants on both).
  const owned = clients.map(() => [] as number[]);
  for (let i = 0; i < PARTICIPANTS; i++) owned[i % clients.length].push(i);
  const connectStarted = Date.now();
  let questions: QuestionLike[] = [];
  for (const [c, client] of clients.entries()) {
    for (const instance of [0, 1]) {
      const mine = owned[c].filter((i) => i % 2 === instance);
      const up = await client.call<{ connected: number; failures: number; errors: object; questions: QuestionLike[] }>(
        'connect',
        { url: servers[instance].base, tokens: mine.map((i) => options.tokens[i]), sessionId, concurrency: 10 },
      );
      if (up.failures)
        throw new Error(`${target}: ${up.failures} participants could not join: ${JSON.stringify(up.errors)}`);
      questions = up.questions;
    }
  }
  const connectSeconds = (Date.now() - connectStarted) / 1000;
  // The order in which each process connected: its participants on instance 0, then on instance 1.
  const localIndex = new Map<number, number>();
  for (const [c] of clients.entries()) {
    const order = [...owned[c].filter((i) => i % 2 === 0), ...owned[c].filter((i) => i % 2 === 1)];
    order.forEach((i, local) => localIndex.set(i, local));
  }
  const ids = questions.map((q) => Number(q.id)).sort((a, b) => a - b);
  if (ids.length !== QUESTIONS) throw new Error(`${target}: ${ids.length} questions, not ${QUESTIONS}`);
  const total = Math.round(RATE * SECONDS);
  if (Math.ceil(total / QUESTIONS) > PARTICIPANTS)
    throw new Error(`${total} votes over ${QUESTIONS} questions need more than ${PARTICIPANTS} participants`);
  await sleep(1000);
  const t0 = nowMs() + 1500;
  const plans = clients.map(() => [] as { k: number; local: number; questionId: number; at: number }[]);
  for (let k = 0; k < total; k++) {
    const q = k % QUESTIONS;
    const round = Math.floor(k / QUESTIONS);
    // Distinct per question: 133 is prime to any participant count not a multiple of 7 or 19.
    const participant = (133 * round + q) % PARTICIPANTS;
    plans[participant % clients.length].push({
      k,
      local: localIndex.get(participant)!,
      questionId: ids[q],
      at: t0 + (k * 1000) / RATE,
    });
  }
  const cpuBefore = servers.map((s) => cpuMs(s.child.pid ?? -1));
  const otherCpu = async () => ({
    backends: new Map((await options.backendPids()).map((pid) => [pid, cpuMs(pid)])),
    redis: options.redisPid === null ? null : cpuMs(options.redisPid),
    participants: clients.map((c) => cpuMs(c.pid)),
  });
  const othersBefore = await otherCpu();
  const loadBefore = loadavg()[0];
  const started = nowMs();
  const sent = await Promise.all(
    clients.map((client, c) =>
      client.call<{
        results: { k: number; questionId: number; sent: number; acked: number; count: number | null; error?: string }[];
        late: number;
      }>('vote', { plan: plans[c], timeoutMs: 30_000 }),
    ),
  );
  // Let the last rankings arrive: until no process has received anything for 2 s (at most 60 s).
  let quietSince = nowMs();
  let lastEvents = -1;
  const deadline = nowMs() + 60_000;
  while (nowMs() < deadline && nowMs() - quietSince < 2000) {
    await sleep(250);
    const progress = await Promise.all(clients.map((client) => client.call<{ events: number }>('progress')));
    const events = progress.reduce((sum, p) => sum + p.events, 0);
    if (events !== lastEvents) {
      lastEvents = events;
      quietSince = nowMs();
    }
  }
  const elapsed = (nowMs() - started) / 1000;
  const cpuAfter = servers.map((s) => cpuMs(s.child.pid ?? -1));
  const othersAfter = await otherCpu();
  const loadAfter = loadavg()[0];
  const votes = sent.flatMap((s) => s.results);
  const acked = votes.filter((v) => v.count !== null);
  const failures: Record<string, number> = {};
  for (const v of votes) if (v.error) failures[v.error.slice(0, 100)] = (failures[v.error.slice(0, 100)] ?? 0) + 1;

  const measured = await Promise.all(
    clients.map((client) =>
      client.call<{
        histogram: [number, number][];
        perVoteLatest: number[];
        missing: number;
        samples: number;
        finals: Record<number, [number, number]>;
        events: number;
        questionUpdates: number;
        firstEventAt: number;
        lastEventAt: number;
      }>('latencies', {
        votes: acked.map((v) => ({ k: v.k, questionId: v.questionId, sent: v.sent, count: v.count })),
      }),
    ),
  );
  const histogram = new Map<number, number>();
  let samples = 0;
  let missing = 0;
  for (const m of measured) {
    for (const [bucket, n] of m.histogram) histogram.set(bucket, (histogram.get(bucket) ?? 0) + n);
    samples += m.samples;
    missing += m.missing;
  }
  const latest = acked.map((_, i) => {
    const values = measured.map((m) => m.perVoteLatest[i]);
    return values.some((v) => v < 0) ? -1 : Math.max(...values);
  });
  const complete = latest.filter((v) => v >= 0).sort((a, b) => a - b);
  const events = measured.reduce((sum, m) => sum + m.events, 0);
  const questionUpdates = measured.reduce((sum, m) => sum + m.questionUpdates, 0);
  const firstEvent = Math.min(...measured.map((m) => m.firstEventAt || Infinity));
  const lastEvent = Math.max(...measured.map((m) => m.lastEventAt));
  const ackTimes = acked.map((v) => v.acked - v.sent).sort((a, b) => a - b);

  // Counts: what the bench had acknowledged, what is stored, what the participants last saw.
  const expected = new Map<number, number>(ids.map((id) => [id, 0]));
  for (const v of acked) expected.set(v.questionId, (expected.get(v.questionId) ?? 0) + 1);
  // A vote not acknowledged in time may still have been stored: double-counted is more than was sent.
  const sentFor = new Map<number, number>(ids.map((id) => [id, 0]));
  for (const v of votes) sentFor.set(v.questionId, (sentFor.get(v.questionId) ?? 0) + 1);
  const stored = await options.countsNow();
  let lost = 0;
  let doubleCounted = 0;
  let storedRowsMismatch = 0;
  let clientsDisagreeing = 0;
  for (const id of ids) {
    const want = expected.get(id) ?? 0;
    const have = stored.get(id);
    const votesStored = have?.votes ?? 0;
    lost += Math.max(0, want - votesStored);
    doubleCounted += Math.max(0, votesStored - (sentFor.get(id) ?? 0));
    if (have && target === 'app' && have.rows !== have.votes) storedRowsMismatch++;
    for (const m of measured) {
      const range = m.finals[id];
      if (!range || range[0] !== votesStored || range[1] !== votesStored) clientsDisagreeing++;
    }
  }
  const cpuUsed = servers.reduce(
    (sum, _, i) =>
      sum === null || cpuAfter[i] === null || cpuBefore[i] === null ? null : sum + cpuAfter[i] - cpuBefore[i],
    0 as number | null,
  );
  // A backend opened during the run counts from zero (its whole life is in the run).
  let backendCpu: number | null = 0;
  for (const [pid, after] of othersAfter.backends) {
    const before = othersBefore.backends.get(pid) ?? 0;
    backendCpu = backendCpu === null || after === null || before === null ? null : backendCpu + after - before;
  }
  const participantCpu = othersAfter.participants.reduce<number | null>((sum, after, i) => {
    const before = othersBefore.participants[i];
    return sum === null || after === null || before === null ? null : sum + after - before;
  }, 0);
  const perVote = (value: number | null) => (value === null || !acked.length ? null : value / acked.length);
  await Promise.all(clients.map((client) => client.call('disconnect')));
  const run: PlenaryRun = {
    target,
    participants: PARTICIPANTS,
    connectSeconds,
    votesPlanned: total,
    votesAcked: acked.length,
    votesFailed: votes.length - acked.length,
    failures,
    lateSends: sent.reduce((sum, s) => sum + s.late, 0),
    latency: {
      p50: percentileOfHistogram(histogram, samples, 50),
      p99: percentileOfHistogram(histogram, samples, 99),
      max: percentileOfHistogram(histogram, samples, 100),
      samples,
    },
    everyClient: { p50: pct(complete, 50), p99: pct(complete, 99), max: complete[complete.length - 1] ?? NaN },
    missing,
    events,
    questionUpdates,
    deliveriesPerSecond: lastEvent > firstEvent ? events / ((lastEvent - firstEvent) / 1000) : 0,
    ack: { p50: pct(ackTimes, 50), p99: pct(ackTimes, 99) },
    lost,
    doubleCounted,
    clientsDisagreeing,
    storedRowsMismatch,
    serverCpuCoreShare: cpuUsed === null ? null : cpuUsed / 1000 / elapsed,
    cpuPerVote: {
      servers: perVote(cpuUsed),
      postgres: perVote(backendCpu),
      redis: perVote(
        othersAfter.redis === null || othersBefore.redis === null ? null : othersAfter.redis - othersBefore.redis,
      ),
      participants: perVote(participantCpu),
    },
    loadAverage: [loadBefore, loadAfter],
    rounds: 1,
  };
  return { run, histogram, everyClient: complete, ackTimes, elapsedSeconds: elapsed };
}

/**
 * Rounds of one target as one run: latencies from all rounds' samples together; counts and CPU
 * summed over the rounds (per vote: over all their votes); deliveries per second over their time.
 */
function pool(rounds: MeasuredRound[]): PlenaryRun {
  if (rounds.length === 1) return rounds[0].run;
  const runs = rounds.map((r) => r.run);
  const sum = (f: (r: PlenaryRun) => number) => runs.reduce((total, r) => total + f(r), 0);
  const histogram = new Map<number, number>();
  for (const r of rounds)
    for (const [bucket, n] of r.histogram) histogram.set(bucket, (histogram.get(bucket) ?? 0) + n);
  const samples = sum((r) => r.latency.samples);
  const everyClient = rounds.flatMap((r) => r.everyClient).sort((a, b) => a - b);
  const ackTimes = rounds.flatMap((r) => r.ackTimes).sort((a, b) => a - b);
  const acked = sum((r) => r.votesAcked);
  const perVote = (f: (c: PlenaryRun['cpuPerVote']) => number | null) =>
    runs.some((r) => f(r.cpuPerVote) === null)
      ? null
      : runs.reduce((total, r) => total + f(r.cpuPerVote)! * r.votesAcked, 0) / Math.max(1, acked);
  const failures: Record<string, number> = {};
  for (const r of runs) for (const [k, n] of Object.entries(r.failures)) failures[k] = (failures[k] ?? 0) + n;
  const seconds = rounds.reduce((total, r) => total + r.elapsedSeconds, 0);
  return {
    ...runs[0],
    connectSeconds: Math.max(...runs.map((r) => r.connectSeconds)),
    votesPlanned: sum((r) => r.votesPlanned),
    votesAcked: acked,
    votesFailed: sum((r) => r.votesFailed),
    failures,
    lateSends: sum((r) => r.lateSends),
    latency: {
      p50: percentileOfHistogram(histogram, samples, 50),
      p99: percentileOfHistogram(histogram, samples, 99),
      max: percentileOfHistogram(histogram, samples, 100),
      samples,
    },
    everyClient: {
      p50: pct(everyClient, 50),
      p99: pct(everyClient, 99),
      max: everyClient[everyClient.length - 1] ?? NaN,
    },
    missing: sum((r) => r.missing),
    events: sum((r) => r.events),
    questionUpdates: sum((r) => r.questionUpdates),
    // Each round delivers for about the same time: the mean of their rates.
    deliveriesPerSecond: sum((r) => r.deliveriesPerSecond) / runs.length,
    ack: { p50: pct(ackTimes, 50), p99: pct(ackTimes, 99) },
    lost: sum((r) => r.lost),
    doubleCounted: sum((r) => r.doubleCounted),
    clientsDisagreeing: sum((r) => r.clientsDisagreeing),
    storedRowsMismatch: sum((r) => r.storedRowsMismatch),
    serverCpuCoreShare: runs.some((r) => r.serverCpuCoreShare === null)
      ? null
      : rounds.reduce((total, r) => total + r.run.serverCpuCoreShare! * r.elapsedSeconds, 0) / seconds,
    cpuPerVote: {
      servers: perVote((c) => c.servers),
      postgres: perVote((c) => c.postgres),
      redis: perVote((c) => c.redis),
      participants: perVote((c) => c.participants),
    },
    loadAverage: [runs[0].loadAverage[0], runs[runs.length - 1].loadAverage[1]],
    rounds: runs.length,
  };
}

function describe(r: PlenaryRun): string {
  return (
    `  ${r.target.padEnd(4)} ${r.votesAcked}/${r.votesPlanned} votes acknowledged (ack p50 ${ms(r.ack.p50)}, p99 ${ms(r.ack.p99)}${r.lateSends ? `, ${r.lateSends} sent >20 ms late` : ''}); ` +
    `vote to ranking, per participant: p50 ${ms(r.latency.p50)}, p99 ${ms(r.latency.p99)}, max ${ms(r.latency.max)} (${r.latency.samples} samples${r.missing ? `, ${r.missing} never seen` : ''}); ` +
    `at every participant: p50 ${ms(r.everyClient.p50)}, p99 ${ms(r.everyClient.p99)}; ` +
    `${fmt(r.deliveriesPerSecond)} deliveries/s (${r.events} events carrying ${r.questionUpdates} question counts); ` +
    `lost ${r.lost}, double-counted ${r.doubleCounted}, (participant process, question) pairs whose last count differs from the stored one ${r.clientsDisagreeing}` +
    `${r.storedRowsMismatch ? `, ${r.storedRowsMismatch} questions whose count differs from their vote rows` : ''}; ` +
    `servers ${fmt((r.serverCpuCoreShare ?? NaN) * 100)}% of a core; ` +
    `CPU per vote: servers ${cpu(r.cpuPerVote.servers)}, PostgreSQL ${cpu(r.cpuPerVote.postgres)}, Redis ${cpu(r.cpuPerVote.redis)}, participants ${cpu(r.cpuPerVote.participants)}; load average ${fmt(r.loadAverage[0], 1)} -> ${fmt(r.loadAverage[1], 1)}` +
    `${r.votesFailed ? `; failed: ${JSON.stringify(r.failures)}` : ''}`
  );
}

export async function plenaryBench(options: {
  url: string;
  apps: [Running, Running];
  bares: [Running, Running];
  coalesceMs: number;
  redisUrl: string;
}): Promise<PlenaryResults> {
  const started = Date.now();
  say(
    `\nPlenary: ${PARTICIPANTS} participants of one session's Q&A (${PROCESSES} processes), ${QUESTIONS} questions, ${RATE} votes/s for ${SECONDS} s, two instances each; preparing data and logging in...`,
  );
  const { sessionId } = await prepareData(options.url);
  const loginStarted = Date.now();
  const emails = Array.from({ length: PARTICIPANTS }, (_, i) => participantEmail(i + 1));
  const half = Math.ceil(emails.length / 2);
  const tokens = (
    await Promise.all([
      logIn(options.apps[0].base, emails.slice(0, half)),
      logIn(options.apps[1].base, emails.slice(half)),
    ])
  ).flat();
  const loginSeconds = (Date.now() - loginStarted) / 1000;
  say(`  session ${sessionId}; ${PARTICIPANTS} logins in ${fmt(loginSeconds, 1)} s`);
  const clients = Array.from({ length: PROCESSES }, () => new ClientProcess());
  const redis = createClient({ url: options.redisUrl });
  redis.on('error', () => undefined);
  await redis.connect();
  // Redis's own process, when it runs on this machine (its CPU is read from /proc).
  const redisPid = Number(/process_id:(\d+)/.exec(await redis.info('server'))?.[1]) || null;
  try {
    await Promise.all(clients.map((c) => c.ready));
    const runApp = () =>
      runTarget({
        target: 'app',
        servers: options.apps,
        clients,
        tokens,
        sessionId,
        prepare: () => resetVotes(options.url, sessionId),
        countsNow: () => storedCounts(options.url, sessionId),
        backendPids: () => appBackends(options.url),
        redisPid,
      });
    // The bare servers answer the app's questions, with no votes.
    const db = new Client({ connectionString: options.url, application_name: 'cooperation-forum-bench-setup' });
    await db.connect();
    const questions = (
      await db.query<QuestionLike>(
        `SELECT q.id::int AS id, q.session_id AS "sessionId", q.body, q.language AS lang, CASE WHEN q.anonymous THEN NULL ELSE u.display_name END AS author,
                q.anonymous, q.status, q.pinned, q.answered, 0 AS votes, q.created_at AS "createdAt"
           FROM qa_questions q JOIN users u ON u.id = q.author_id WHERE q.session_id = $1`,
        [sessionId],
      )
    ).rows;
    await db.end();
    const runBare = () =>
      runTarget({
        target: 'bare',
        servers: options.bares,
        clients,
        tokens: tokens.map(() => null),
        sessionId,
        prepare: async () => {
          for (const server of options.bares) {
            const res = await fetch(`${server.base}/seed`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ sessionId, questions }),
            });
            if (res.status !== 204) throw new Error(`bare seed: ${res.status}`);
          }
        },
        countsNow: async () => {
          const counts = await redis.hGetAll(`bench-plenary:counts:${sessionId}`);
          return new Map(Object.entries(counts).map(([id, n]) => [Number(id), { votes: Number(n), rows: Number(n) }]));
        },
        backendPids: () => Promise.resolve([]),
        redisPid,
      });
    const measured: Record<Target, MeasuredRound[]> = { app: [], bare: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
        const one = await (target === 'app' ? runApp() : runBare());
        measured[target].push(one);
        say(`${ROUNDS > 1 ? `  round ${round + 1}:` : ''}${describe(one.run)}`);
      }
    }
    const app = pool(measured.app);
    const bare = pool(measured.bare);
    if (ROUNDS > 1) {
      say(`  all ${ROUNDS} rounds together:`);
      say(describe(app));
      say(describe(bare));
    }
    const verdicts = judge(app, bare);
    return {
      setup: {
        participants: PARTICIPANTS,
        rate: RATE,
        seconds: SECONDS,
        questions: QUESTIONS,
        processes: PROCESSES,
        coalesceMs: options.coalesceMs,
        loginSeconds,
        sessionId,
      },
      app,
      bare,
      rounds: { app: measured.app.map((m) => m.run), bare: measured.bare.map((m) => m.run) },
      verdicts,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    for (const c of clients) c.stop();
    await redis.quit().catch(() => undefined);
  }
}

function judge(app: PlenaryRun, bare: PlenaryRun): PlenaryVerdict[] {
  const complete = (r: PlenaryRun) =>
    [
      r.votesFailed ? `${r.votesFailed} votes failed` : '',
      r.missing ? `${r.missing} (vote, participant) pairs never seen` : '',
    ]
      .filter(Boolean)
      .join(', ');
  const ratio = app.latency.p99 / bare.latency.p99;
  const notes = [complete(app) && `app: ${complete(app)}`, complete(bare) && `bare: ${complete(bare)}`].filter(Boolean);
  const errors = app.lost + app.doubleCounted + app.clientsDisagreeing + app.storedRowsMismatch;
  return [
    {
      title: `p99 from a vote to the ranking at each of ${PARTICIPANTS} participants, ${RATE} votes/s, two instances`,
      goal: `app p99 <= ${P99_RATIO_GOAL} x bare p99`,
      pass: ratio <= P99_RATIO_GOAL && !complete(app),
      app: app.latency.p99,
      bare: bare.latency.p99,
      ratio,
      unit: 'ms',
      note: notes.join('; ') || undefined,
    },
    {
      title: "votes lost or double-counted (acknowledged vs stored vs every participant's last ranking)",
      goal: 'none',
      pass: errors === 0 && !app.votesFailed,
      app: errors,
      bare: null,
      ratio: null,
      unit: '',
      note:
        `lost ${app.lost}, double-counted ${app.doubleCounted}, disagreeing ${app.clientsDisagreeing}, count vs rows ${app.storedRowsMismatch}` +
        (app.votesFailed ? `, ${app.votesFailed} votes not acknowledged` : ''),
    },
  ];
}

export function plenarySummary(results: PlenaryResults): string[] {
  return results.verdicts.map(
    (v) =>
      `  ${v.pass ? 'PASS' : 'FAIL'}  plenary: ${v.title}: app ${fmt(v.app, 1)}${v.unit ? ` ${v.unit}` : ''}` +
      `${v.bare !== null ? `, bare ${fmt(v.bare, 1)}, ratio ${fmt(v.ratio, 2)}` : ''} (${v.goal})${v.note ? `: ${v.note}` : ''}`,
  );
}
