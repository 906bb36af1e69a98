/**
 * The real-time fan-out benchmark: the app's Socket.IO path (token on the handshake, `channel:join`
 * with its access check, `message:send` validated, stored in PostgreSQL, broadcast as
 * `message:new`) against bench/bare-socket-server.ts (plain Socket.IO: no authentication,
 * validation, storage or presence), one server at a time, in the same run. At 100 msg/s it also
 * measures, for information, the stored floor: the same bare server storing each message with the
 * app's statement before broadcasting it (STORE_FIRST=1), which any server obeying the protocol's
 * "stored first" must do; it tells how much of the app's latency is the store's and how much the app's.
 *
 * Setup, in the bench database: 1,000 receivers (users with a verified e-mail, not members of any
 * organisation: any signed-in user may read a public discussion), 200 senders who are members of a
 * verified organisation of the data set, and the discussion channel of one of that data set's
 * published initiatives (created if missing). Its messages, followers and the bench users'
 * notifications and sessions are cleared first; tokens come from POST /api/v1/auth/login.
 *
 * The app lets one person send 10 messages in 10 s (SEND_LIMIT, across sockets and instances) and
 * hold 10 sockets on an instance. Each sender is therefore a person of its own with one socket per
 * server; the paced scenarios spread the messages over senders, each at 0.5 message a second (half
 * its limit: 20 senders for 10 msg/s, 200 for 100 msg/s), and the flat-out one keeps 32 messages
 * outstanding over 200 senders, each acknowledgement letting the next message go from a sender that
 * the limit allows. The senders of a scenario join the channel for it (on every server alike), as
 * people in a chat do, so they hear every message too; only deliveries to receivers are counted.
 * A refused send or a message some receiver did not get makes the scenario invalid: FAIL. Receivers run in their own processes (bench/fanout-client.ts), senders in another;
 * both servers keep their receivers connected throughout, but only one is sent to at a time.
 *
 * Memory per socket is the growth of the server's RSS (VmRSS) when 1,000 receivers connect and
 * join, each reading taken after two full garbage collections (bench/gc-preload.js), divided by 1,000.
 *
 * Knobs: BENCH_FANOUT_SECONDS (20) per paced run, BENCH_FANOUT_FLAT_SECONDS (10),
 * BENCH_FANOUT_ROUNDS (2: app, bare, bare, app; the paced scenarios' p50/p99 are of all rounds'
 * samples together, so that a change of the machine's load over the run falls on both alike),
 * BENCH_FANOUT_RECEIVER_PROCESSES (2),
 * BENCH_FANOUT_SENDERS (200; more lets flat out reach senders who are then away followers at 100 msg/s).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { cpu, cpuMs, fmt, median, ms, nowMs, ROOT, rssBytes, say, sleep, table, type Running } from './common';

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] || fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const RECEIVERS = 1000;
const SMALL_RECEIVERS = 100;
const PACED_SECONDS = num('BENCH_FANOUT_SECONDS', 20);
const FLAT_SECONDS = num('BENCH_FANOUT_FLAT_SECONDS', 10);
const RECEIVER_PROCESSES = Math.round(num('BENCH_FANOUT_RECEIVER_PROCESSES', 2));
/** Per socket: half the app's limit of 10 messages in 10 s, so that timer jitter never meets it. */
const PER_SOCKET_RATE = 0.5;
/**
 * Sender people, each with one socket per server: enough that the app's limit (10 messages in 10 s
 * per person) never holds the flat-out senders back, and no more than the 100 msg/s scenario uses:
 * a sender who has posted follows the channel, and one who was not in the room during a later
 * scenario would be away and notified of every message (see docs/perf/fanout.md), which the
 * scenarios do not mean to measure. Every scenario's senders are among the 100 msg/s one's.
 */
const SENDER_SOCKETS = Math.round(num('BENCH_FANOUT_SENDERS', 200));
if (SENDER_SOCKETS < 200)
  throw new Error('BENCH_FANOUT_SENDERS must be at least 200 (the 100 msg/s scenario sends from 200)');
/** Flat out: messages outstanding at any time (each acknowledgement lets the next go). */
const FLAT_IN_FLIGHT = 32;
const ROUNDS = Math.round(num('BENCH_FANOUT_ROUNDS', 2));
const PASSWORD = 'bench-fanout password 2025';
const senderEmail = (n: number) => `bench-fanout-sender-${String(n).padStart(3, '0')}@example.org`;
const SENDER_EMAILS = Array.from({ length: SENDER_SOCKETS }, (_, i) => senderEmail(i + 1));
const receiverEmail = (n: number) => `bench-fanout-${String(n).padStart(4, '0')}@example.org`;
/** The application_name of the app's pool (data-source-options.ts): its PostgreSQL backends. */
const APP_APPLICATION_NAME = 'cooperation-forum';
/** The stored floor's pool (bench/bare-socket-server.ts). */
const STORED_APPLICATION_NAME = 'cooperation-forum-bench-stored';

/** app: the real app; bare: plain Socket.IO; stored: plain Socket.IO that stores first (100 msg/s only). */
type Target = 'app' | 'bare' | 'stored';
const DATABASE_CLIENTS: Partial<Record<Target, string>> = {
  app: APP_APPLICATION_NAME,
  stored: STORED_APPLICATION_NAME,
};

// ---------------------------------------------------------------------------------------------
// Child processes (bench/fanout-client.ts)

class ClientProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  readonly ready: Promise<void>;

  constructor(readonly role: 'receivers' | 'senders') {
    this.child = fork(join(ROOT, 'bench', 'fanout-client.ts'), [role], {
      cwd: ROOT,
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.ready = new Promise((resolve, reject) => {
      this.pending.set(0, {
        resolve: () => resolve(),
        reject,
        timer: setTimeout(() => reject(new Error(`the ${role} process did not start`)), 60_000),
      });
    });
    this.child.on('message', (message: { id: number; ok: boolean; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(`${role}: ${message.error}`));
    });
    this.child.on('exit', (code) => {
      for (const [, waiting] of this.pending) {
        clearTimeout(waiting.timer);
        waiting.reject(new Error(`the ${role} process exited (${code})`));
      }
      this.pending.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  call<T>(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.role}: ${cmd} took more than ${timeoutMs / 1000} s`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.child.send({ id, cmd, args });
    });
  }

  stop(): void {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

interface SendReport {
  sent: number;
  acked: number;
  failed: number;
  errors: Record<string, number>;
  ack: Distribution;
  heldByLimit: number;
  heldMs: number;
  late: number;
  seconds: number;
}

interface ConnectReport {
  connected: number;
  failures: number;
  joinFailures?: number;
  errors: Record<string, number>;
  seconds: number;
}

interface ReceiverResults {
  deliveries: number;
  inWindow: number;
  latency: Distribution | null;
  cpuMs: number;
  otherEvents: number;
}

// ---------------------------------------------------------------------------------------------
// Setup

interface Setup {
  channelId: number;
  initiativeId: string;
  organizationId: string;
  senderTokens: string[];
  receiverTokens: string[];
  loginSeconds: number;
}

async function prepareData(url: string): Promise<{ channelId: number; initiativeId: string; organizationId: string }> {
  const db = new Client({ connectionString: url, application_name: 'cooperation-forum-bench-setup' });
  await db.connect();
  try {
    const passwordHash = await hash(PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    const [initiative] = (
      await db.query<{ id: string; organization_id: string; title: string }>(
        `SELECT i.id, i.organization_id, i.title FROM initiatives i JOIN organizations o ON o.id = i.organization_id
          WHERE i.status = 'published' AND i.hidden_at IS NULL AND o.status = 'verified' AND o.hidden_at IS NULL
          ORDER BY i.id LIMIT 1`,
      )
    ).rows;
    if (!initiative) throw new Error('the data set has no published initiative of a verified organisation');
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO users (email, password_hash, display_name, locale, email_verified_at)
       SELECT e.email, $1, e.name, 'en', now()
         FROM unnest($2::text[], $3::text[]) AS e(email, name)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, email_verified_at = now(), deleted_at = NULL`,
      [
        passwordHash,
        [...SENDER_EMAILS, ...Array.from({ length: RECEIVERS }, (_, i) => receiverEmail(i + 1))],
        [
          ...SENDER_EMAILS.map((_, i) => `Bench sender ${i + 1}`),
          ...Array.from({ length: RECEIVERS }, (_, i) => `Bench receiver ${i + 1}`),
        ],
      ],
    );
    const users = `SELECT id FROM users WHERE email LIKE 'bench-fanout-%@example.org'`;
    // Members of a verified organisation may post in its initiatives' discussions.
    await db.query(
      `INSERT INTO organization_members (organization_id, user_id, role) SELECT $1, id, 'member' FROM users WHERE email = ANY($2::text[]) ON CONFLICT DO NOTHING`,
      [initiative.organization_id, SENDER_EMAILS],
    );
    await db.query(
      `INSERT INTO channels (kind, title, initiative_id) VALUES ('initiative', $1, $2) ON CONFLICT (initiative_id) DO NOTHING`,
      [String(initiative.title).slice(0, 200), initiative.id],
    );
    const [channel] = (
      await db.query<{ id: number }>(`SELECT id FROM channels WHERE initiative_id = $1`, [initiative.id])
    ).rows;
    // A clean slate: no messages or followers from an earlier run, no sessions or notifications.
    await db.query(`DELETE FROM messages WHERE channel_id = $1`, [channel.id]);
    await db.query(`DELETE FROM channel_members WHERE channel_id = $1`, [channel.id]);
    await db.query(`DELETE FROM notifications WHERE user_id IN (${users})`);
    await db.query(`DELETE FROM sessions WHERE user_id IN (${users})`);
    await db.query('COMMIT');
    return { channelId: Number(channel.id), initiativeId: initiative.id, organizationId: initiative.organization_id };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/** Logs the bench users in through the API (a few at a time: argon2 takes ~15 ms of CPU each). */
async function logIn(app: Running, emails: string[]): Promise<string[]> {
  const tokens = new Array<string>(emails.length);
  let next = 0;
  let failures = 0;
  const lane = async () => {
    while (next < emails.length) {
      const index = next++;
      const res = await fetch(`${app.base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: emails[index], password: PASSWORD }),
      });
      const text = await res.text();
      if (res.status !== 200) {
        // Failed logins count towards the app's limit of 20 per address: stop at the first few.
        if (++failures >= 3) throw new Error(`login failed (${res.status}): ${text.slice(0, 300)}`);
        continue;
      }
      tokens[index] = (JSON.parse(text) as { accessToken: string }).accessToken;
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  if (tokens.filter(Boolean).length !== emails.length)
    throw new Error(`only ${tokens.filter(Boolean).length} of ${emails.length} logins succeeded`);
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Measurement helpers

/**
 * Median of a few RSS samples, half a second apart, after two full garbage collections (SIGWINCH:
 * bench/gc-preload.js, loaded into both servers), so that garbage not yet collected is not counted.
 */
async function sampleRss(pid: number, samples = 5): Promise<number> {
  for (let i = 0; i < 2; i++) {
    try {
      process.kill(pid, 'SIGWINCH');
    } catch {
      // gone: the samples say so
    }
    await sleep(500);
  }
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    const value = rssBytes(pid);
    if (value !== null) values.push(value);
    await sleep(500);
  }
  return median(values);
}

/** Waits (at most `timeoutMs`) until the server's node process uses under 5% of a core for a second. */
async function quiet(pid: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let calm = 0;
  while (Date.now() < deadline && calm < 2) {
    const before = cpuMs(pid);
    await sleep(500);
    const after = cpuMs(pid);
    if (before === null || after === null) return;
    calm = after - before < 25 ? calm + 1 : 0;
  }
}

/** Samples, every 100 ms, how many of the app's PostgreSQL backends are busy and how many wait on a lock. */
function sampleBackends(
  monitor: Client,
): () => Promise<{ samples: number; meanActive: number; meanLockWaits: number; maxLockWaits: number }> {
  let samples = 0;
  let active = 0;
  let waits = 0;
  let maxWaits = 0;
  let running = true;
  const loop = (async () => {
    for (let i = 0; running && i < 3000; i++) {
      const { rows } = await monitor.query<{ active: number; waits: number }>(
        `SELECT count(*) FILTER (WHERE state = 'active')::int AS active, count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waits
           FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [APP_APPLICATION_NAME],
      );
      samples++;
      active += rows[0].active;
      waits += rows[0].waits;
      maxWaits = Math.max(maxWaits, rows[0].waits);
      await sleep(100);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return {
      samples,
      meanActive: active / (samples || 1),
      meanLockWaits: waits / (samples || 1),
      maxLockWaits: maxWaits,
    };
  };
}

interface CpuMark {
  server: number | null;
  dbPids: Map<number, number | null>;
  receivers: number;
  senders: number;
}

class Harness {
  constructor(
    readonly receivers: ClientProcess[],
    readonly senders: ClientProcess,
    readonly monitor: Client,
  ) {}

  async connectReceivers(
    pool: Target,
    server: Running,
    tokens: (string | null)[],
    channelId: number,
  ): Promise<ConnectReport> {
    const parts = this.receivers.map((_, p) => tokens.filter((__, i) => i % this.receivers.length === p));
    const reports = await Promise.all(
      this.receivers.map((proc, p) =>
        proc.call<ConnectReport>(
          'connectReceivers',
          { pool, url: server.base, tokens: parts[p], channelId, concurrency: 20 },
          300_000,
        ),
      ),
    );
    const errors: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    return {
      connected: reports.reduce((s, r) => s + r.connected, 0),
      failures: reports.reduce((s, r) => s + r.failures, 0),
      joinFailures: reports.reduce((s, r) => s + (r.joinFailures ?? 0), 0),
      errors,
      seconds: Math.max(...reports.map((r) => r.seconds)),
    };
  }

  /** The scenario's senders join the channel; any refusal stops the bench (the comparison would be unfair). */
  async joinSenders(pool: Target, sockets: number, channelId: number): Promise<void> {
    const r = await this.senders.call<{ refused: number; errors: Record<string, number> }>(
      'joinSenders',
      { pool, sockets, channelId },
      120_000,
    );
    if (r.refused) throw new Error(`${pool}: ${r.refused} senders could not join: ${JSON.stringify(r.errors)}`);
  }

  async leaveSenders(pool: Target, sockets: number, channelId: number): Promise<void> {
    await this.senders.call('leaveSenders', { pool, sockets, channelId }, 120_000);
  }

  async disconnectReceivers(pool?: Target): Promise<void> {
    await Promise.all(this.receivers.map((proc) => proc.call('disconnectReceivers', { pool })));
  }

  async collect(mode: 'latency' | 'count', phase: string, window?: { start: number; end: number }): Promise<void> {
    await Promise.all(
      this.receivers.map((proc) =>
        proc.call('collect', { mode, phase, windowStart: window?.start, windowEnd: window?.end }),
      ),
    );
  }

  async deliveries(): Promise<number> {
    const progress = await Promise.all(this.receivers.map((proc) => proc.call<{ deliveries: number }>('progress')));
    return progress.reduce((s, p) => s + p.deliveries, 0);
  }

  /** Waits until every expected delivery arrived, or none arrived for 2 s (bounded by 30 s). */
  async drain(expected: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    let last = -1;
    let still = 0;
    while (Date.now() < deadline) {
      const now = await this.deliveries();
      if (now >= expected) return;
      still = now === last ? still + 1 : 0;
      if (still >= 8) return;
      last = now;
      await sleep(250);
    }
  }

  async results(): Promise<{
    deliveries: number;
    inWindow: number;
    latency: Distribution | null;
    otherEvents: number;
  }> {
    const all = await Promise.all(this.receivers.map((proc) => proc.call<ReceiverResults>('results', {}, 120_000)));
    return {
      deliveries: all.reduce((s, r) => s + r.deliveries, 0),
      inWindow: all.reduce((s, r) => s + r.inWindow, 0),
      latency: mergeDistributions(all.map((r) => r.latency).filter((d): d is Distribution => !!d)),
      otherEvents: all.reduce((s, r) => s + r.otherEvents, 0),
    };
  }

  async mark(server: Running, target: Target): Promise<CpuMark> {
    const dbPids = new Map<number, number | null>();
    if (DATABASE_CLIENTS[target]) {
      const { rows } = await this.monitor.query(
        `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [DATABASE_CLIENTS[target]],
      );
      for (const row of rows as { pid: number }[]) dbPids.set(row.pid, cpuMs(row.pid));
    }
    const [receivers, senders] = await Promise.all([
      Promise.all(this.receivers.map((proc) => proc.call<{ cpuMs: number }>('now'))),
      this.senders.call<{ cpuMs: number }>('now'),
    ]);
    return {
      server: cpuMs(server.child.pid ?? -1),
      dbPids,
      receivers: receivers.reduce((s, r) => s + r.cpuMs, 0),
      senders: senders.cpuMs,
    };
  }

  async cpuSince(
    server: Running,
    target: Target,
    before: CpuMark,
  ): Promise<{ serverMs: number | null; dbMs: number | null; receiversMs: number; sendersMs: number }> {
    const after = await this.mark(server, target);
    let db: number | null = DATABASE_CLIENTS[target] ? 0 : null;
    if (DATABASE_CLIENTS[target]) {
      for (const [pid, value] of after.dbPids) {
        if (value === null) {
          db = null;
          break;
        }
        if (db !== null) db += value - (before.dbPids.get(pid) ?? 0);
      }
    }
    return {
      serverMs: before.server !== null && after.server !== null ? after.server - before.server : null,
      dbMs: db,
      receiversMs: after.receivers - before.receivers,
      sendersMs: after.senders - before.senders,
    };
  }
}

/**
 * Percentiles of several receiver processes together: each process reports its own; with equal
 * shares of the sockets, the mean of the processes' percentiles is close to the percentile of all
 * (the processes see the same messages), and the max is the max.
 */
function mergeDistributions(parts: Distribution[]): Distribution | null {
  if (!parts.length) return null;
  const total = parts.reduce((s, d) => s + d.count, 0);
  const weighted = (f: (d: Distribution) => number) => parts.reduce((s, d) => s + f(d) * d.count, 0) / (total || 1);
  return {
    count: total,
    p50: weighted((d) => d.p50),
    p90: weighted((d) => d.p90),
    p99: weighted((d) => d.p99),
    max: Math.max(...parts.map((d) => d.max)),
    mean: weighted((d) => d.mean),
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

export interface PacedResult {
  receivers: number;
  rate: number;
  senderSockets: number;
  seconds: number;
  send: SendReport;
  expected: number;
  delivered: number;
  latency: Distribution | null;
  cpu: {
    serverMsPerMessage: number | null;
    dbMsPerMessage: number | null;
    receiversMsPerDelivery: number | null;
    serverCoreShare?: number | null;
  };
  /** The app only: its PostgreSQL backends during the run (sampled every 100 ms). */
  backends?: { samples: number; meanActive: number; meanLockWaits: number; maxLockWaits: number };
}

export interface FlatResult {
  receivers: number;
  senderSockets: number;
  windowSeconds: number;
  deliveriesPerSecond: number;
  messagesPerSecond: number;
  send: SendReport;
  expected: number;
  delivered: number;
  cpu: {
    serverMsPerMessage: number | null;
    dbMsPerMessage: number | null;
    receiversMsPerDelivery: number | null;
    serverCoreShare: number | null;
    receiversCoreShare: number | null;
    dbCoreShare: number | null;
  };
}

export interface MemoryResult {
  rssIdleBytes: number;
  rssConnectedBytes: number;
  sockets: number;
  bytesPerSocket: number;
  connectSeconds: number;
  connectFailures: number;
  joinFailures: number;
  presenceEvents: number;
  errors: Record<string, number>;
}

interface TargetResults {
  memory?: MemoryResult;
  fanout1k?: PacedResult;
  flat?: FlatResult;
  fanout100?: PacedResult;
}

async function pacedScenario(
  h: Harness,
  server: Running,
  target: Target,
  channelId: number,
  runTag: string,
  phase: string,
  receivers: number,
  rate: number,
): Promise<PacedResult> {
  const sockets = Math.ceil(rate / PER_SOCKET_RATE);
  await h.joinSenders(target, sockets, channelId);
  await h.senders.call('fresh', { pool: target, sockets }, 30_000);
  await h.collect('latency', phase);
  const before = await h.mark(server, target);
  const stopSampling = target === 'app' ? sampleBackends(h.monitor) : null;
  const send = await h.senders.call<SendReport>(
    'paced',
    { pool: target, channelId, rate, seconds: PACED_SECONDS, sockets, phase, runTag },
    (PACED_SECONDS + 60) * 1000,
  );
  const backends = stopSampling ? await stopSampling() : undefined;
  const used = await h.cpuSince(server, target, before);
  const expected = send.acked * receivers;
  await h.drain(expected);
  const results = await h.results();
  await h.leaveSenders(target, sockets, channelId);
  const perMessage = (value: number | null) => (value !== null && send.acked ? value / send.acked : null);
  return {
    receivers,
    rate,
    senderSockets: sockets,
    seconds: PACED_SECONDS,
    send,
    expected,
    delivered: results.deliveries,
    latency: results.latency,
    cpu: {
      serverMsPerMessage: perMessage(used.serverMs),
      dbMsPerMessage: perMessage(used.dbMs),
      receiversMsPerDelivery: results.deliveries ? used.receiversMs / results.deliveries : null,
      serverCoreShare: used.serverMs !== null ? used.serverMs / (send.seconds * 1000) : null,
    },
    backends,
  };
}

async function flatScenario(
  h: Harness,
  server: Running,
  target: Target,
  channelId: number,
  runTag: string,
  phase: string,
  receivers: number,
): Promise<FlatResult> {
  const rampMs = 1000;
  await h.joinSenders(target, SENDER_SOCKETS, channelId);
  await h.senders.call('fresh', { pool: target, sockets: SENDER_SOCKETS }, 30_000);
  const start = nowMs() + rampMs;
  const end = start + FLAT_SECONDS * 1000;
  await h.collect('count', phase, { start, end });
  const before = await h.mark(server, target);
  const send = await h.senders.call<SendReport>(
    'flat',
    {
      pool: target,
      channelId,
      seconds: FLAT_SECONDS + rampMs / 1000,
      sockets: SENDER_SOCKETS,
      inFlight: FLAT_IN_FLIGHT,
      phase,
      runTag,
    },
    (FLAT_SECONDS + 90) * 1000,
  );
  const used = await h.cpuSince(server, target, before);
  const expected = send.acked * receivers;
  await h.drain(expected);
  const results = await h.results();
  await h.leaveSenders(target, SENDER_SOCKETS, channelId);
  const elapsed = send.seconds * 1000;
  const perMessage = (value: number | null) => (value !== null && send.acked ? value / send.acked : null);
  const share = (value: number | null) => (value !== null ? value / elapsed : null);
  return {
    receivers,
    senderSockets: SENDER_SOCKETS,
    windowSeconds: FLAT_SECONDS,
    deliveriesPerSecond: results.inWindow / FLAT_SECONDS,
    messagesPerSecond: send.acked / send.seconds,
    send,
    expected,
    delivered: results.deliveries,
    cpu: {
      serverMsPerMessage: perMessage(used.serverMs),
      dbMsPerMessage: perMessage(used.dbMs),
      receiversMsPerDelivery: results.deliveries ? used.receiversMs / results.deliveries : null,
      serverCoreShare: share(used.serverMs),
      receiversCoreShare: share(used.receiversMs),
      dbCoreShare: share(used.dbMs),
    },
  };
}

/** Rounds together: counts summed, latency percentiles as the mean of the rounds' (weighted by deliveries). */
function combinePaced(list: PacedResult[]): PacedResult | undefined {
  if (!list.length) return undefined;
  if (list.length === 1) return list[0];
  const sum = (f: (r: PacedResult) => number) => list.reduce((s, r) => s + f(r), 0);
  const perMessage = (f: (r: PacedResult) => number | null) =>
    list.every((r) => f(r) !== null) ? sum((r) => (f(r) ?? 0) * r.send.acked) / (sum((r) => r.send.acked) || 1) : null;
  const errors: Record<string, number> = {};
  for (const r of list) for (const [k, v] of Object.entries(r.send.errors)) errors[k] = (errors[k] ?? 0) + v;
  return {
    ...list[0],
    seconds: sum((r) => r.seconds),
    send: {
      sent: sum((r) => r.send.sent),
      acked: sum((r) => r.send.acked),
      failed: sum((r) => r.send.failed),
      errors,
      ack: mergeDistributions(list.map((r) => r.send.ack)) ?? list[0].send.ack,
      heldByLimit: sum((r) => r.send.heldByLimit),
      heldMs: sum((r) => r.send.heldMs),
      late: sum((r) => r.send.late),
      seconds: sum((r) => r.send.seconds),
    },
    expected: sum((r) => r.expected),
    delivered: sum((r) => r.delivered),
    latency: mergeDistributions(list.map((r) => r.latency).filter((d): d is Distribution => !!d)),
    cpu: {
      serverMsPerMessage: perMessage((r) => r.cpu.serverMsPerMessage),
      dbMsPerMessage: perMessage((r) => r.cpu.dbMsPerMessage),
      receiversMsPerDelivery: perMessage((r) => r.cpu.receiversMsPerDelivery),
    },
    backends: list.every((r) => r.backends)
      ? {
          samples: sum((r) => r.backends?.samples ?? 0),
          meanActive: sum((r) => (r.backends?.meanActive ?? 0) / list.length),
          meanLockWaits: sum((r) => (r.backends?.meanLockWaits ?? 0) / list.length),
          maxLockWaits: Math.max(...list.map((r) => r.backends?.maxLockWaits ?? 0)),
        }
      : undefined,
  };
}

function describePaced(label: string, target: Target, r: PacedResult): void {
  const lost = r.expected - r.delivered;
  const problems = [
    r.send.failed ? `${r.send.failed} sends failed ${JSON.stringify(r.send.errors)}` : '',
    lost ? `${lost} of ${r.expected} deliveries missing` : '',
    r.send.late ? `${r.send.late} sends left > 50 ms late` : '',
    r.send.heldByLimit ? `${r.send.heldByLimit} held by the per-person limit` : '',
  ].filter(Boolean);
  say(
    `  ${label.padEnd(9)} ${target.padEnd(6)} p50 ${ms(r.latency?.p50).padStart(9)}  p99 ${ms(r.latency?.p99).padStart(9)}  max ${ms(r.latency?.max).padStart(9)}  ` +
      `ack p50 ${ms(r.send.ack.p50)} p99 ${ms(r.send.ack.p99)}  ${r.send.acked} msgs x ${r.receivers} = ${r.delivered} deliveries  ` +
      `CPU/msg: server ${cpu(r.cpu.serverMsPerMessage)}${DATABASE_CLIENTS[target] ? `, PostgreSQL ${cpu(r.cpu.dbMsPerMessage)}` : ''} (server at ${fmt((r.cpu.serverCoreShare ?? NaN) * 100)}% of a core)` +
      `${r.backends ? `; PostgreSQL backends busy ${fmt(r.backends.meanActive, 1)} on average, ${fmt(r.backends.meanLockWaits, 2)} waiting on a lock (max ${r.backends.maxLockWaits})` : ''}` +
      `${problems.length ? `  (${problems.join('; ')})` : ''}`,
  );
}

// ---------------------------------------------------------------------------------------------

export interface FanoutVerdict {
  id: string;
  title: string;
  app: number;
  bare: number;
  unit: string;
  ratio: number;
  goal: string;
  pass: boolean;
  valid: boolean;
  note?: string;
}

export interface FanoutResults {
  setup: {
    channelId: number;
    initiativeId: string;
    receivers: number;
    loginSeconds: number;
    receiverProcesses: number;
    perSocketRate: number;
    senderSockets: number;
    flatInFlight: number;
    rounds: number;
    pacedSeconds: number;
    flatSeconds: number;
  };
  app: TargetResults;
  bare: TargetResults;
  /** The stored floor at 100 msg/s, when it ran (information: no goal). */
  stored?: TargetResults;
  rounds: Record<Target, { fanout1k: PacedResult[]; fanout100: PacedResult[] }>;
  verdicts: FanoutVerdict[];
  seconds: number;
}

/**
 * Runs the fan-out benchmark against `app` (the real app, freshly started) and `bare`
 * (bench/bare-socket-server.ts), sending to one at a time: 1,000 receivers (memory, then 10 msg/s
 * app then bare, then flat out app then bare), then 100 receivers at 100 msg/s (bare then app).
 */
export async function fanoutBench(options: {
  url: string;
  app: Running;
  bare: Running;
  stored?: Running;
  monitor: Client;
}): Promise<FanoutResults> {
  const started = Date.now();
  const { app, bare, stored, monitor } = options;
  const servers: Partial<Record<Target, Running>> = { app, bare, stored };
  const server = (target: Target): Running => {
    const running = servers[target];
    if (!running) throw new Error(`no ${target} server`);
    return running;
  };
  const fan100Targets: Target[] = stored ? ['bare', 'stored', 'app'] : ['bare', 'app'];
  say(
    `\nFan-out: preparing users, the senders' organisation and a channel; logging ${RECEIVERS + SENDER_SOCKETS} users in through the API...`,
  );
  const data = await prepareData(options.url);
  const loginStarted = Date.now();
  const senderTokens = await logIn(app, SENDER_EMAILS);
  const receiverTokens = await logIn(
    app,
    Array.from({ length: RECEIVERS }, (_, i) => receiverEmail(i + 1)),
  );
  const setup: Setup = { ...data, senderTokens, receiverTokens, loginSeconds: (Date.now() - loginStarted) / 1000 };
  say(
    `  channel ${setup.channelId} (initiative ${setup.initiativeId}); ${RECEIVERS + SENDER_SOCKETS} logins in ${fmt(setup.loginSeconds, 1)} s`,
  );
  const runTag = `b${Date.now().toString(36)}`;

  const receivers = Array.from({ length: RECEIVER_PROCESSES }, () => new ClientProcess('receivers'));
  const senders = new ClientProcess('senders');
  const results: Record<Target, TargetResults> = { app: {}, bare: {}, stored: {} };
  const rounds: Record<Target, { fanout1k: PacedResult[]; fanout100: PacedResult[] }> = {
    app: { fanout1k: [], fanout100: [] },
    bare: { fanout1k: [], fanout100: [] },
    stored: { fanout1k: [], fanout100: [] },
  };
  try {
    await Promise.all([...receivers.map((r) => r.ready), senders.ready]);
    const h = new Harness(receivers, senders, monitor);
    const tokensFor = (target: Target, n: number): (string | null)[] =>
      target === 'app' ? setup.receiverTokens.slice(0, n) : Array.from({ length: n }, () => null);
    // The stored floor takes the senders' tokens too, for their subjects: the authors it stores.
    const senderTokens = (target: Target) =>
      target === 'bare' ? setup.senderTokens.map(() => null) : setup.senderTokens;
    say(
      `  receivers in ${RECEIVER_PROCESSES} process(es); ${SENDER_SOCKETS} sender people, one socket each per server, in another. The app allows a person 10 messages per 10 s, so the ` +
        `messages are spread over rate / ${PER_SOCKET_RATE} senders (10 msg/s: ${Math.ceil(10 / PER_SOCKET_RATE)}, 100 msg/s: ${Math.ceil(100 / PER_SOCKET_RATE)}); ` +
        `flat out ${FLAT_IN_FLIGHT} messages are kept outstanding over all ${SENDER_SOCKETS}. A scenario's senders join the channel for it.`,
    );
    for (const target of stored ? (['app', 'bare', 'stored'] as const) : (['app', 'bare'] as const)) {
      const up = await senders.call<ConnectReport>(
        'connectSenders',
        { pool: target, url: server(target).base, tokens: senderTokens(target), concurrency: 20 },
        300_000,
      );
      if (up.connected < SENDER_SOCKETS)
        throw new Error(`${target}: only ${up.connected} sender sockets connected: ${JSON.stringify(up.errors)}`);
    }

    say(
      `\nFan-out, ${RECEIVERS} receivers in one channel; memory: RSS after two full GCs, before and after they connect and join (app first):`,
    );
    for (const target of ['app', 'bare'] as const) {
      const pid = server(target).child.pid ?? -1;
      // Warm-up: the code paths of connecting and joining, before the memory is measured.
      await h.connectReceivers(target, server(target), tokensFor(target, 50), setup.channelId);
      await h.disconnectReceivers(target);
      await quiet(pid);
      const rssIdle = await sampleRss(pid);
      await h.collect('count', `idle-${target}`); // counts the other events (presence) while connecting
      const up = await h.connectReceivers(target, server(target), tokensFor(target, RECEIVERS), setup.channelId);
      await quiet(pid);
      const rssConnected = await sampleRss(pid);
      const presence = (await h.results()).otherEvents;
      const memory: MemoryResult = {
        rssIdleBytes: rssIdle,
        rssConnectedBytes: rssConnected,
        sockets: up.connected - (up.joinFailures ?? 0),
        bytesPerSocket: (rssConnected - rssIdle) / RECEIVERS,
        connectSeconds: up.seconds,
        connectFailures: up.failures,
        joinFailures: up.joinFailures ?? 0,
        presenceEvents: presence,
        errors: up.errors,
      };
      results[target].memory = memory;
      say(
        `  memory    ${target.padEnd(4)} RSS ${fmt(rssIdle / 2 ** 20, 1)} MiB (with the senders' ${SENDER_SOCKETS} sockets), ${fmt(rssConnected / 2 ** 20, 1)} MiB with ${up.connected} receivers joined: ` +
          `${fmt(memory.bytesPerSocket / 1024, 1)} KiB per socket. Connecting and joining ${RECEIVERS} took ${fmt(up.seconds, 1)} s, and sent them ${presence} other events (presence)` +
          `${up.failures || up.joinFailures ? `; ${up.failures} connect and ${up.joinFailures} join failures: ${JSON.stringify(up.errors)}` : ''}`,
      );
      if (memory.sockets < RECEIVERS)
        throw new Error(`${target}: only ${memory.sockets} of ${RECEIVERS} receivers joined`);
    }

    for (let round = 0; round < ROUNDS; round++) {
      for (const target of round % 2 === 0 ? (['app', 'bare'] as const) : (['bare', 'app'] as const)) {
        const pid = server(target).child.pid ?? -1;
        await quiet(pid);
        const paced = await pacedScenario(
          h,
          server(target),
          target,
          setup.channelId,
          runTag,
          `fan1k${round}-${target}`,
          results[target].memory?.sockets ?? RECEIVERS,
          10,
        );
        rounds[target].fanout1k.push(paced);
        describePaced('10 msg/s', target, paced);
      }
    }
    for (const target of ['app', 'bare'] as const) {
      const pid = server(target).child.pid ?? -1;
      await quiet(pid);
      const flat = await flatScenario(
        h,
        server(target),
        target,
        setup.channelId,
        runTag,
        `flat-${target}`,
        results[target].memory?.sockets ?? RECEIVERS,
      );
      results[target].flat = flat;
      say(
        `  flat out  ${target.padEnd(4)} ${fmt(flat.deliveriesPerSecond)} deliveries/s (${fmt(flat.messagesPerSecond, 1)} msgs/s acknowledged, ack p50 ${ms(flat.send.ack.p50)} p99 ${ms(flat.send.ack.p99)}); ` +
          `CPU: server ${fmt((flat.cpu.serverCoreShare ?? NaN) * 100)}% of a core${target === 'app' ? `, PostgreSQL ${fmt((flat.cpu.dbCoreShare ?? NaN) * 100)}%` : ''}, receivers ${fmt((flat.cpu.receiversCoreShare ?? NaN) * 100)}%; ` +
          `server ${cpu(flat.cpu.serverMsPerMessage)}/msg${flat.send.heldByLimit ? `; held by the per-person limit ${fmt(flat.send.heldMs)} ms` : ''}` +
          `${flat.send.failed ? `; ${flat.send.failed} sends failed ${JSON.stringify(flat.send.errors)}` : ''}${flat.expected - flat.delivered ? `; ${flat.expected - flat.delivered} deliveries missing` : ''}`,
      );
    }
    await h.disconnectReceivers();
    for (const target of ['app', 'bare'] as const) await quiet(server(target).child.pid ?? -1);

    say(`\nFan-out, ${SMALL_RECEIVERS} receivers, 100 msg/s (${fan100Targets.join(', ')}; the next round in reverse):`);
    for (const target of fan100Targets) {
      const up = await h.connectReceivers(target, server(target), tokensFor(target, SMALL_RECEIVERS), setup.channelId);
      const joined = up.connected - (up.joinFailures ?? 0);
      if (joined < SMALL_RECEIVERS)
        throw new Error(
          `${target}: only ${joined} of ${SMALL_RECEIVERS} receivers joined: ${JSON.stringify(up.errors)}`,
        );
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const target of round % 2 === 0 ? fan100Targets : [...fan100Targets].reverse()) {
        await quiet(server(target).child.pid ?? -1);
        const paced = await pacedScenario(
          h,
          server(target),
          target,
          setup.channelId,
          runTag,
          `fan100${round}-${target}`,
          SMALL_RECEIVERS,
          100,
        );
        rounds[target].fanout100.push(paced);
        describePaced('100 msg/s', target, paced);
      }
    }
    await h.disconnectReceivers();
    await senders.call('disconnectSenders');
    for (const target of ['app', 'bare'] as const) {
      results[target].fanout1k = combinePaced(rounds[target].fanout1k);
      results[target].fanout100 = combinePaced(rounds[target].fanout100);
    }
    results.stored.fanout100 = combinePaced(rounds.stored.fanout100);
  } finally {
    for (const proc of [...receivers, senders]) proc.stop();
  }

  const verdicts = judge(results);
  return {
    setup: {
      channelId: setup.channelId,
      initiativeId: setup.initiativeId,
      receivers: RECEIVERS,
      loginSeconds: setup.loginSeconds,
      receiverProcesses: RECEIVER_PROCESSES,
      perSocketRate: PER_SOCKET_RATE,
      senderSockets: SENDER_SOCKETS,
      flatInFlight: FLAT_IN_FLIGHT,
      rounds: ROUNDS,
      pacedSeconds: PACED_SECONDS,
      flatSeconds: FLAT_SECONDS,
    },
    app: results.app,
    bare: results.bare,
    ...(stored ? { stored: results.stored } : {}),
    rounds,
    verdicts,
    seconds: Math.round((Date.now() - started) / 1000),
  };
}

function pacedValid(r: PacedResult | undefined): { valid: boolean; note?: string } {
  if (!r) return { valid: false, note: 'not measured' };
  const notes: string[] = [];
  if (r.send.failed) notes.push(`${r.send.failed} sends failed`);
  if (r.delivered < r.expected) notes.push(`${r.expected - r.delivered} deliveries missing`);
  return { valid: notes.length === 0, note: notes.join(', ') || undefined };
}

function judge(results: Record<Target, TargetResults>): FanoutVerdict[] {
  const verdicts: FanoutVerdict[] = [];
  const { app, bare } = results;
  const latency = (
    id: string,
    title: string,
    a: PacedResult | undefined,
    b: PacedResult | undefined,
    factor: number,
    floor = 'bare',
  ) => {
    const va = pacedValid(a);
    const vb = pacedValid(b);
    const ratio = (a?.latency?.p99 ?? NaN) / (b?.latency?.p99 ?? NaN);
    const valid = va.valid && vb.valid;
    verdicts.push({
      id,
      title,
      app: a?.latency?.p99 ?? NaN,
      bare: b?.latency?.p99 ?? NaN,
      unit: 'ms p99',
      ratio,
      goal: `app p99 <= ${factor} x ${floor} p99`,
      pass: valid && ratio <= factor,
      valid,
      note: [va.note && `app: ${va.note}`, vb.note && `${floor}: ${vb.note}`].filter(Boolean).join('; ') || undefined,
    });
  };
  latency('fanout-1000', `1,000 receivers, 10 msg/s, ${PACED_SECONDS} s`, app.fanout1k, bare.fanout1k, 2);
  // Against the stored floor: what any server must do that stores first (bare, when it did not run).
  if (results.stored.fanout100)
    latency(
      'fanout-100',
      `100 receivers, 100 msg/s, ${PACED_SECONDS} s, against the stored floor`,
      app.fanout100,
      results.stored.fanout100,
      1.3,
      'stored floor',
    );
  else latency('fanout-100', `100 receivers, 100 msg/s, ${PACED_SECONDS} s`, app.fanout100, bare.fanout100, 1.5);
  {
    const a = app.flat;
    const b = bare.flat;
    const ratio = (a?.deliveriesPerSecond ?? NaN) / (b?.deliveriesPerSecond ?? NaN);
    const missing = (r: FlatResult | undefined) => (r ? r.expected - r.delivered : 0);
    const valid = !!a && !!b && !a.send.failed && !b.send.failed && !missing(a) && !missing(b);
    verdicts.push({
      id: 'fanout-flat',
      title: `flat out, 1,000 receivers, ${FLAT_SECONDS} s`,
      app: a?.deliveriesPerSecond ?? NaN,
      bare: b?.deliveriesPerSecond ?? NaN,
      unit: 'deliveries/s',
      ratio,
      goal: 'app >= 0.5 x bare',
      pass: valid && ratio >= 0.5,
      valid,
      note:
        [
          a?.send.failed && `app: ${a.send.failed} sends failed`,
          b?.send.failed && `bare: ${b.send.failed} sends failed`,
          missing(a) && `app: ${missing(a)} deliveries missing`,
          missing(b) && `bare: ${missing(b)} deliveries missing`,
        ]
          .filter(Boolean)
          .join('; ') || undefined,
    });
  }
  {
    const a = app.memory;
    const b = bare.memory;
    const ratio = (a?.bytesPerSocket ?? NaN) / (b?.bytesPerSocket ?? NaN);
    const valid = !!a && !!b && a.bytesPerSocket > 0 && b.bytesPerSocket > 0;
    verdicts.push({
      id: 'fanout-memory',
      title: 'memory per idle joined socket (RSS)',
      app: (a?.bytesPerSocket ?? NaN) / 1024,
      bare: (b?.bytesPerSocket ?? NaN) / 1024,
      unit: 'KiB/socket',
      ratio,
      goal: 'app <= 2 x bare',
      pass: valid && ratio <= 2,
      valid,
    });
  }
  return verdicts;
}

export function printFanout(results: FanoutResults): void {
  const { app, bare } = results;
  const rows = [
    [
      'fan-out',
      'app',
      'floor (bare; stored at 100 msg/s)',
      'ratio',
      'app p50 / p99',
      'floor p50 / p99',
      'CPU ms/msg app (node+pg)',
      'CPU ms/msg floor (node+pg)',
      'goal',
      'result',
    ],
  ];
  const latencyCells = (r: PacedResult | undefined) => `${ms(r?.latency?.p50)} / ${ms(r?.latency?.p99)}`;
  for (const v of results.verdicts) {
    const [a, b]: [PacedResult | FlatResult | undefined, PacedResult | FlatResult | undefined] =
      v.id === 'fanout-1000'
        ? [app.fanout1k, bare.fanout1k]
        : v.id === 'fanout-100'
          ? [app.fanout100, results.stored?.fanout100 ?? bare.fanout100]
          : v.id === 'fanout-flat'
            ? [app.flat, bare.flat]
            : [undefined, undefined];
    const isLatency = v.id === 'fanout-1000' || v.id === 'fanout-100';
    rows.push([
      v.title,
      `${fmt(v.app, v.unit === 'deliveries/s' ? 0 : 1)} ${v.unit}`,
      `${fmt(v.bare, v.unit === 'deliveries/s' ? 0 : 1)} ${v.unit}`,
      fmt(v.ratio, 2),
      isLatency ? latencyCells(a as PacedResult | undefined) : '',
      isLatency ? latencyCells(b as PacedResult | undefined) : '',
      a ? `${cpu(a.cpu.serverMsPerMessage)} + ${cpu(a.cpu.dbMsPerMessage)}` : '',
      b
        ? `${cpu(b.cpu.serverMsPerMessage)}${b.cpu.dbMsPerMessage !== null ? ` + ${cpu(b.cpu.dbMsPerMessage)}` : ''}`
        : '',
      v.goal,
      v.valid ? (v.pass ? 'PASS' : 'FAIL') : 'FAIL (invalid)',
    ]);
  }
  const floor = storedFloor(results);
  if (floor) {
    const s = results.stored?.fanout100;
    rows.push([
      'stored floor (plain Socket.IO storing first), 100 receivers, 100 msg/s (information)',
      `${fmt(floor.stored, 1)} ms p99`,
      `${fmt(floor.bare, 1)} ms p99`,
      fmt(floor.storedToBare, 2),
      latencyCells(s),
      latencyCells(bare.fanout100),
      s ? `${cpu(s.cpu.serverMsPerMessage)} + ${cpu(s.cpu.dbMsPerMessage)}` : '',
      bare.fanout100 ? cpu(bare.fanout100.cpu.serverMsPerMessage) : '',
      'none',
      'info',
    ]);
  }
  say(`\n${table(rows, (c) => c === 0 || c >= 8)}`);
  say('');
  for (const v of results.verdicts)
    say(
      `  ${v.pass ? 'PASS' : 'FAIL'}  ${v.title}: app ${fmt(v.app, 2)} ${v.unit}, bare ${fmt(v.bare, 2)}, ratio ${fmt(v.ratio, 2)} (${v.goal})${v.note ? `: ${v.note}` : ''}`,
    );
  if (floor) say(`  info  ${storedFloorLine(floor)}`);
}

/** The stored floor against the bare server and the app at 100 msg/s, when it ran. */
export function storedFloor(
  results: FanoutResults,
): { stored: number; bare: number; app: number; storedToBare: number; appToStored: number; note?: string } | null {
  const s = results.stored?.fanout100;
  if (!s) return null;
  const stored = s.latency?.p99 ?? NaN;
  const bare = results.bare.fanout100?.latency?.p99 ?? NaN;
  const app = results.app.fanout100?.latency?.p99 ?? NaN;
  return { stored, bare, app, storedToBare: stored / bare, appToStored: app / stored, note: pacedValid(s).note };
}

export function storedFloorLine(floor: NonNullable<ReturnType<typeof storedFloor>>): string {
  return (
    `100 msg/s, stored floor (plain Socket.IO storing with the app's statement before broadcasting): p99 ${fmt(floor.stored, 2)} ms, ` +
    `${fmt(floor.storedToBare, 2)} x bare (${fmt(floor.bare, 2)} ms); the app ${fmt(floor.appToStored, 2)} x the floor (${fmt(floor.app, 2)} ms)${floor.note ? `: ${floor.note}` : ''}`
  );
}
