/**
 * A child process of the fan-out benchmark (bench/fanout.ts forks it), driven over IPC: either
 * `receivers` (many sockets joined to one channel, timing every `message:new`) or `senders` (sockets
 * that post with `message:send` and wait for the acknowledgement). Receivers and senders run in
 * separate processes so that the harness competes with itself as little as it can.
 *
 * Times are CLOCK_MONOTONIC (process.hrtime), which every process of the machine shares: the sender
 * writes its send time into the message body, a receiver subtracts it from its receipt time.
 *
 * Only 127.0.0.1: the URL is checked. Every loop is bounded by a count or a deadline.
 */
import { io, type Socket } from 'socket.io-client';
import { type Command, ownCpuMs, serveCommands } from './child-ipc';
import { assertLoopback, nowMs, sleep } from './common';

type Role = 'receivers' | 'senders';
const role = process.argv[2] as Role;
if (role !== 'receivers' && role !== 'senders') throw new Error('usage: fanout-client.ts receivers|senders');

/**
 * The app's limit (SEND_LIMIT in src/channels/channels.constants.ts): 10 messages in 10 s per person.
 * Each sender socket is a person of its own (bench/fanout.ts), so a socket's history is its person's.
 */
const LIMIT_MESSAGES = 10;
const LIMIT_WINDOW_MS = 10_000;
/** Sent only when the 10th last acknowledgement is this long ago (the server counts from before its ack). */
const LIMIT_MARGIN_MS = 50;

function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Distribution {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

function distribution(values: Float64Array | number[]): Distribution {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sum / sorted.length : NaN,
  };
}

/** Opens one websocket-only Socket.IO connection; rejects on connect_error or after 30 s. */
function connectOne(url: string, token: string | null): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(url, {
      path: '/socket.io',
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
      ...(token ? { auth: { token } } : {}),
    });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('connect timeout'));
    }, 30_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
  });
}

/** Runs `work` over the items with at most `concurrency` at a time. */
async function pool<T>(
  items: T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(lanes);
}

type Answer = { ok: boolean; error?: { status: number; message: string }; [key: string]: unknown };

function emitWithTimeout(socket: Socket, event: string, payload: unknown, timeoutMs: number): Promise<Answer> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<Answer>;
}

// ---------------------------------------------------------------------------------------------
// Receivers

/** Receiver sockets by server ('app', 'bare'): both stay connected, only one is sent to at a time. */
const receivers = new Map<string, Socket[]>();
let collecting: {
  mode: 'latency' | 'count';
  latencies: Float64Array;
  n: number;
  deliveries: number;
  inWindow: number;
  windowStart: number;
  windowEnd: number;
  last: number;
  phase: string;
} | null = null;
let otherEvents = 0;

function onMessage(message: { body?: unknown }): void {
  const received = nowMs();
  const state = collecting;
  if (!state) return;
  const parts = typeof message?.body === 'string' ? message.body.split(' ') : [];
  if (parts[0] !== state.phase) return; // a straggler of an earlier phase
  state.deliveries++;
  state.last = received;
  if (state.mode === 'latency') {
    if (state.n === state.latencies.length) {
      const bigger = new Float64Array(state.latencies.length * 2);
      bigger.set(state.latencies);
      state.latencies = bigger;
    }
    state.latencies[state.n++] = received - Number(parts[1]);
  } else if (received >= state.windowStart && received < state.windowEnd) {
    state.inWindow++;
  }
}

async function connectReceivers(args: {
  pool: string;
  url: string;
  tokens: (string | null)[];
  channelId: number;
  concurrency: number;
}): Promise<object> {
  assertLoopback(args.url);
  const sockets = receivers.get(args.pool) ?? [];
  receivers.set(args.pool, sockets);
  const started = nowMs();
  let failures = 0;
  let joinFailures = 0;
  const errors = new Map<string, number>();
  await pool(args.tokens, args.concurrency, async (token) => {
    let socket: Socket;
    try {
      socket = await connectOne(args.url, token);
    } catch (error) {
      failures++;
      const key = String((error as Error).message).slice(0, 80);
      errors.set(key, (errors.get(key) ?? 0) + 1);
      return;
    }
    socket.on('message:new', onMessage);
    socket.onAny(() => void otherEvents++);
    sockets.push(socket);
    try {
      const answer = await emitWithTimeout(socket, 'channel:join', { channelId: args.channelId }, 60_000);
      if (!answer?.ok) {
        joinFailures++;
        const key = `join: ${answer?.error?.status} ${answer?.error?.message ?? ''}`.slice(0, 80);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    } catch (error) {
      joinFailures++;
      const key = `join: ${String((error as Error).message).slice(0, 70)}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  });
  return {
    connected: sockets.length,
    failures,
    joinFailures,
    errors: Object.fromEntries(errors),
    seconds: (nowMs() - started) / 1000,
  };
}

async function disconnectAll(pools: Map<string, Socket[]>, pool?: string): Promise<object> {
  let n = 0;
  for (const [name, sockets] of pools) {
    if (pool && name !== pool) continue;
    n += sockets.length;
    for (const socket of sockets.splice(0)) {
      history.delete(socket);
      socket.close();
    }
  }
  await sleep(200);
  return { closed: n };
}

// ---------------------------------------------------------------------------------------------
// Senders

/** Sender sockets by server. */
const senders = new Map<string, Socket[]>();

function senderPool(pool: string, n: number): Socket[] {
  const use = (senders.get(pool) ?? []).slice(0, n);
  if (use.length < n) throw new Error(`only ${use.length} sender sockets are connected to ${pool}`);
  return use;
}

interface SendStats {
  sent: number;
  acked: number;
  failed: number;
  errors: Record<string, number>;
  ackMs: number[];
  /** Sends that had to wait for the per-socket limit (the limit, not the server, held them back). */
  heldByLimit: number;
  heldMs: number;
  /** Paced sends that left more than 50 ms after they were due (the harness could not keep up). */
  late: number;
}

/** Acknowledgement times of each socket's last messages (Infinity while one is in flight). */
const history = new Map<Socket, { at: number }[]>();

/** When this socket may send again without the app refusing it (a time on nowMs()'s clock; Infinity: wait for acknowledgements). */
function allowedAt(socket: Socket): number {
  const times = history.get(socket) ?? [];
  if (times.length < LIMIT_MESSAGES) return 0;
  return times[times.length - LIMIT_MESSAGES].at + LIMIT_WINDOW_MS + LIMIT_MARGIN_MS;
}

/** Waits until the socket may send (bounded: acknowledgements time out after 30 s); returns the time waited. */
async function waitForLimit(socket: Socket): Promise<number> {
  const started = nowMs();
  for (let i = 0; i < 1000; i++) {
    const allowed = allowedAt(socket);
    const wait = allowed - nowMs();
    if (wait <= 0) break;
    await sleep(Number.isFinite(wait) ? wait : 50);
  }
  return nowMs() - started;
}

/** Waits (at most 11 s) until none of these sockets has sent in the last window, so that a scenario starts with fresh sockets. */
async function waitUntilFresh(sockets: Socket[]): Promise<void> {
  const last = Math.max(
    0,
    ...sockets.flatMap((socket) =>
      (history.get(socket) ?? []).map((entry) => (Number.isFinite(entry.at) ? entry.at : nowMs())),
    ),
  );
  const wait = last + LIMIT_WINDOW_MS + LIMIT_MARGIN_MS - nowMs();
  if (wait > 0) await sleep(Math.min(wait, LIMIT_WINDOW_MS + 1000));
}

function newStats(): SendStats {
  return { sent: 0, acked: 0, failed: 0, errors: {}, ackMs: [], heldByLimit: 0, heldMs: 0, late: 0 };
}

async function sendOne(
  socket: Socket,
  stats: SendStats,
  channelId: number,
  phase: string,
  runTag: string,
  seq: number,
): Promise<void> {
  const times = history.get(socket) ?? [];
  history.set(socket, times);
  const entry = { at: Infinity };
  times.push(entry);
  if (times.length > LIMIT_MESSAGES * 2) times.splice(0, times.length - LIMIT_MESSAGES * 2);
  const sentAt = nowMs();
  stats.sent++;
  const clientId = `${runTag}-${phase}-${seq}`;
  try {
    const answer = await emitWithTimeout(
      socket,
      'message:send',
      { channelId, body: `${phase} ${sentAt.toFixed(3)} ${seq}`, clientId },
      30_000,
    );
    const ackedAt = nowMs();
    entry.at = ackedAt;
    if (answer?.ok) {
      stats.acked++;
      stats.ackMs.push(ackedAt - sentAt);
    } else {
      stats.failed++;
      const key = `${answer?.error?.status ?? '?'} ${answer?.error?.message ?? ''}`.slice(0, 80);
      stats.errors[key] = (stats.errors[key] ?? 0) + 1;
    }
  } catch (error) {
    entry.at = nowMs();
    stats.failed++;
    const key = String((error as Error).message).slice(0, 80);
    stats.errors[key] = (stats.errors[key] ?? 0) + 1;
  }
}

function report(stats: SendStats, seconds: number): object {
  return {
    sent: stats.sent,
    acked: stats.acked,
    failed: stats.failed,
    errors: stats.errors,
    ack: distribution(stats.ackMs),
    heldByLimit: stats.heldByLimit,
    heldMs: stats.heldMs,
    late: stats.late,
    seconds,
  };
}

/**
 * An open loop: message k is due at start + k / rate whatever happened to the others, from socket
 * k mod n (so each socket sends rate / n a second); a socket the limit would refuse waits (counted).
 */
async function paced(args: {
  pool: string;
  channelId: number;
  rate: number;
  seconds: number;
  sockets: number;
  phase: string;
  runTag: string;
}): Promise<object> {
  const use = senderPool(args.pool, args.sockets);
  await waitUntilFresh(use);
  const stats = newStats();
  const total = Math.round(args.rate * args.seconds);
  const interval = 1000 / args.rate;
  const inFlight: Promise<void>[] = [];
  const started = nowMs();
  for (let k = 0; k < total; k++) {
    const due = started + k * interval;
    const socket = use[k % use.length];
    const wait = due - nowMs();
    if (wait > 1) await sleep(wait);
    if (allowedAt(socket) > nowMs()) {
      stats.heldByLimit++;
      stats.heldMs += await waitForLimit(socket);
    }
    if (nowMs() - due > 50) stats.late++;
    inFlight.push(sendOne(socket, stats, args.channelId, args.phase, args.runTag, k));
  }
  await Promise.all(inFlight); // each is bounded by its 30 s acknowledgement timeout
  return report(stats, (nowMs() - started) / 1000);
}

/**
 * Flat out: `inFlight` messages are always outstanding; each acknowledgement lets the next message
 * go, from the next socket that is not busy and that the per-socket limit allows. Until the deadline.
 */
async function flat(args: {
  pool: string;
  channelId: number;
  seconds: number;
  sockets: number;
  inFlight: number;
  phase: string;
  runTag: string;
}): Promise<object> {
  const use = senderPool(args.pool, args.sockets);
  await waitUntilFresh(use);
  const stats = newStats();
  const started = nowMs();
  const deadline = started + args.seconds * 1000;
  const busy = new Set<Socket>();
  let cursor = 0;
  let seq = 0;
  const pick = (): Socket | null => {
    const now = nowMs();
    for (let i = 0; i < use.length; i++) {
      const socket = use[(cursor + i) % use.length];
      if (!busy.has(socket) && allowedAt(socket) <= now) {
        cursor = (cursor + i + 1) % use.length;
        return socket;
      }
    }
    return null;
  };
  await Promise.all(
    Array.from({ length: args.inFlight }, async () => {
      while (nowMs() < deadline) {
        const socket = pick();
        if (!socket) {
          // Every socket is busy or at its limit: the limit, not the server, holds the sender back.
          stats.heldByLimit++;
          const waitedFrom = nowMs();
          await sleep(5);
          stats.heldMs += nowMs() - waitedFrom;
          continue;
        }
        busy.add(socket);
        await sendOne(socket, stats, args.channelId, args.phase, args.runTag, seq++);
        busy.delete(socket);
      }
    }),
  );
  return report(stats, (nowMs() - started) / 1000);
}

/** One socket per token (per sender person; null for the bare server, which reads none). */
async function connectSenders(args: {
  pool: string;
  url: string;
  tokens: (string | null)[];
  concurrency: number;
}): Promise<object> {
  assertLoopback(args.url);
  const sockets = senders.get(args.pool) ?? [];
  senders.set(args.pool, sockets);
  const started = nowMs();
  let failures = 0;
  const errors: Record<string, number> = {};
  await pool(args.tokens, args.concurrency, async (token) => {
    try {
      const socket = await connectOne(args.url, token);
      sockets.push(socket);
      history.set(socket, []);
    } catch (error) {
      failures++;
      const key = String((error as Error).message).slice(0, 80);
      errors[key] = (errors[key] ?? 0) + 1;
    }
  });
  return { connected: sockets.length, failures, errors, seconds: (nowMs() - started) / 1000 };
}

/**
 * The first `sockets` senders join (or leave) the channel, as people who take part in a chat do:
 * then they hear every message too, on every server alike. Answers how many the server refused.
 */
async function senderRoom(args: {
  pool: string;
  sockets: number;
  channelId: number;
  event: 'channel:join' | 'channel:leave';
}): Promise<object> {
  const errors: Record<string, number> = {};
  let refused = 0;
  await pool(senderPool(args.pool, args.sockets), 20, async (socket) => {
    try {
      const answer = await emitWithTimeout(socket, args.event, { channelId: args.channelId }, 60_000);
      if (answer?.ok) return;
      refused++;
      const key = `${args.event}: ${answer?.error?.status} ${answer?.error?.message ?? ''}`.slice(0, 80);
      errors[key] = (errors[key] ?? 0) + 1;
    } catch (error) {
      refused++;
      const key = `${args.event}: ${String((error as Error).message).slice(0, 70)}`;
      errors[key] = (errors[key] ?? 0) + 1;
    }
  });
  return { refused, errors };
}

// ---------------------------------------------------------------------------------------------
// IPC

async function handle(command: Command): Promise<object> {
  const args = (command.args ?? {}) as never;
  switch (command.cmd) {
    case 'connectReceivers':
      return connectReceivers(args);
    case 'disconnectReceivers':
      return disconnectAll(receivers, (command.args as { pool?: string } | undefined)?.pool);
    case 'collect': {
      const a = command.args as { mode: 'latency' | 'count'; phase: string; windowStart?: number; windowEnd?: number };
      otherEvents = 0;
      collecting = {
        mode: a.mode,
        phase: a.phase,
        latencies: new Float64Array(1 << 16),
        n: 0,
        deliveries: 0,
        inWindow: 0,
        windowStart: a.windowStart ?? 0,
        windowEnd: a.windowEnd ?? Infinity,
        last: 0,
      };
      return { cpuMs: ownCpuMs() };
    }
    case 'progress':
      return { deliveries: collecting?.deliveries ?? 0, last: collecting?.last ?? 0, now: nowMs(), cpuMs: ownCpuMs() };
    case 'results': {
      const state = collecting;
      collecting = null;
      if (!state) return { deliveries: 0 };
      return {
        deliveries: state.deliveries,
        inWindow: state.inWindow,
        latency: state.mode === 'latency' ? distribution(state.latencies.subarray(0, state.n)) : null,
        cpuMs: ownCpuMs(),
        otherEvents,
      };
    }
    case 'connectSenders':
      return connectSenders(args);
    case 'disconnectSenders':
      return disconnectAll(senders, (command.args as { pool?: string } | undefined)?.pool);
    case 'joinSenders':
      return senderRoom({
        ...(command.args as { pool: string; sockets: number; channelId: number }),
        event: 'channel:join',
      });
    case 'leaveSenders':
      return senderRoom({
        ...(command.args as { pool: string; sockets: number; channelId: number }),
        event: 'channel:leave',
      });
    case 'fresh': {
      const a = command.args as { pool: string; sockets: number };
      await waitUntilFresh(senderPool(a.pool, a.sockets));
      return {};
    }
    case 'paced':
      return paced(args);
    case 'flat':
      return flat(args);
    case 'now':
      return { now: nowMs(), rssBytes: process.memoryUsage().rss, cpuMs: ownCpuMs() };
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
}

serveCommands(handle, role);
