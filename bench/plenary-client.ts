/**
 * A child process of the plenary part (bench/plenary.ts): some of the participants of one session's
 * live Q&A, each a websocket-only socket.io-client that joined with `qa:join`, driven over IPC.
 *
 * Every socket keeps, per question, the first time (CLOCK_MONOTONIC, shared by the processes of one
 * machine) it saw each vote count: `seen[q][c]` is when it first received a ranking in which the
 * question's count was c or more. Counts never go down, so a client has seen vote v (acknowledged
 * with count c: the count read after v was committed, so v is among the first c) at `seen[q][c]`.
 * Votes are sent by the participants themselves, at the times the parent gives (`vote`).
 */
import { io, type Socket } from 'socket.io-client';
import { type Command, ownCpuMs, serveCommands } from './child-ipc';
import { assertLoopback, nowMs, sleep } from './common';

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
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error) => {
      socket.close();
      reject(error);
    });
  });
}

type Answer = { ok: boolean; error?: { status: number; message: string }; [key: string]: unknown };
interface QuestionLike {
  id: number;
  votes: number;
}

interface Participant {
  socket: Socket;
  /** Per question id: seen[c] = first time a count >= c was received. */
  seen: Map<number, number[]>;
}

const participants: Participant[] = [];
let events = 0;
let questionUpdates = 0;
let firstEventAt = 0;
let lastEventAt = 0;

function record(p: Participant, id: number, votes: number, at: number): void {
  let seen = p.seen.get(id);
  if (!seen) p.seen.set(id, (seen = [at]));
  for (let c = seen.length; c <= votes; c++) seen[c] = at;
}

function listen(p: Participant): void {
  const onEvent = () => {
    const at = nowMs();
    events++;
    if (!firstEventAt) firstEventAt = at;
    lastEventAt = at;
    return at;
  };
  // The ranking as the app pushes it: one question per vote (`qa:updated`), or the counts that
  // changed in a short window (`qa:votes`).
  p.socket.on('qa:updated', (q: QuestionLike) => {
    const at = onEvent();
    questionUpdates++;
    record(p, Number(q.id), q.votes, at);
  });
  p.socket.on('qa:votes', (batch: { votes: QuestionLike[] }) => {
    const at = onEvent();
    for (const q of batch.votes) {
      questionUpdates++;
      record(p, Number(q.id), q.votes, at);
    }
  });
}

async function connect(args: { url: string; tokens: (string | null)[]; sessionId: string; concurrency: number }) {
  assertLoopback(args.url);
  const started = nowMs();
  const errors: Record<string, number> = {};
  let failures = 0;
  let next = 0;
  let questions: QuestionLike[] = [];
  const lane = async () => {
    while (next < args.tokens.length) {
      const token = args.tokens[next++];
      try {
        const socket = await connectOne(args.url, token);
        const answer = (await socket.timeout(30_000).emitWithAck('qa:join', { sessionId: args.sessionId })) as Answer;
        if (!answer.ok) throw new Error(`qa:join ${answer.error?.status}: ${answer.error?.message}`);
        questions = answer.questions as QuestionLike[];
        const p: Participant = { socket, seen: new Map() };
        for (const q of questions) record(p, Number(q.id), q.votes, started);
        listen(p);
        participants.push(p);
      } catch (error) {
        failures++;
        const key = (error as Error).message.slice(0, 120);
        errors[key] = (errors[key] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: args.concurrency }, lane));
  return { connected: participants.length, failures, errors, seconds: (nowMs() - started) / 1000, questions };
}

interface PlannedVote {
  /** The vote's number in the run. */
  k: number;
  /** Index of the participant in this process. */
  local: number;
  questionId: number;
  /** When to send it (CLOCK_MONOTONIC ms). */
  at: number;
}

/** Sends the planned votes at their times; answers once every one is acknowledged (or timed out). */
async function vote(args: { plan: PlannedVote[]; timeoutMs: number }) {
  events = 0;
  questionUpdates = 0;
  firstEventAt = 0;
  lastEventAt = 0;
  const results: {
    k: number;
    questionId: number;
    sent: number;
    acked: number;
    count: number | null;
    error?: string;
  }[] = [];
  const pending: Promise<void>[] = [];
  let late = 0;
  for (const planned of args.plan) {
    const wait = planned.at - nowMs();
    if (wait > 1) await sleep(wait);
    else if (wait < -20) late++;
    const p = participants[planned.local];
    const sent = nowMs();
    pending.push(
      (p.socket.timeout(args.timeoutMs).emitWithAck('qa:vote', { questionId: planned.questionId }) as Promise<Answer>)
        .then((answer) => {
          const acked = nowMs();
          const question = answer.question as QuestionLike | undefined;
          results.push({
            k: planned.k,
            questionId: planned.questionId,
            sent,
            acked,
            count: answer.ok && question ? question.votes : null,
            ...(answer.ok ? {} : { error: `${answer.error?.status}: ${answer.error?.message}` }),
          });
        })
        .catch((error: Error) => {
          results.push({
            k: planned.k,
            questionId: planned.questionId,
            sent,
            acked: nowMs(),
            count: null,
            error: error.message,
          });
        }),
    );
  }
  await Promise.all(pending);
  return { results, late };
}

/** Histogram of latencies in 0.1 ms steps up to 60 s (beyond: the last bucket). */
const STEP = 0.1;
const BUCKETS = 600_000;

/**
 * For each acknowledged vote and each participant of this process: the time from the vote's sending
 * to the first ranking it received that includes the vote. Also, per vote, the latest of those
 * times here (the parent takes the latest over all processes: "every client"), and what each
 * participant last saw of each question.
 */
function latencies(args: { votes: { k: number; questionId: number; sent: number; count: number }[] }) {
  const histogram = new Uint32Array(BUCKETS);
  const perVoteLatest: number[] = [];
  let missing = 0;
  let samples = 0;
  for (const v of args.votes) {
    let latest = 0;
    let missed = false;
    for (const p of participants) {
      const at = p.seen.get(v.questionId)?.[v.count];
      if (at === undefined) {
        missing++;
        missed = true;
        continue;
      }
      const latency = Math.max(0, at - v.sent);
      histogram[Math.min(BUCKETS - 1, Math.floor(latency / STEP))]++;
      samples++;
      if (latency > latest) latest = latency;
    }
    perVoteLatest.push(missed ? -1 : latest);
  }
  const sparse: [number, number][] = [];
  for (let i = 0; i < BUCKETS; i++) if (histogram[i]) sparse.push([i, histogram[i]]);
  /** Per question: the smallest and the largest final count the participants here saw. */
  const finals: Record<number, [number, number]> = {};
  for (const p of participants)
    for (const [id, seen] of p.seen) {
      const last = seen.length - 1;
      const range = finals[id];
      finals[id] = range ? [Math.min(range[0], last), Math.max(range[1], last)] : [last, last];
    }
  return {
    histogram: sparse,
    perVoteLatest,
    missing,
    samples,
    finals,
    events,
    questionUpdates,
    firstEventAt,
    lastEventAt,
  };
}

function disconnect(): Promise<object> {
  for (const p of participants.splice(0)) p.socket.close();
  return Promise.resolve({});
}

async function handle(command: Command): Promise<object> {
  const args = (command.args ?? {}) as never;
  switch (command.cmd) {
    case 'connect':
      return connect(args);
    case 'vote':
      return vote(args);
    case 'latencies':
      return latencies(args);
    case 'disconnect':
      return disconnect();
    case 'progress':
      return { events };
    case 'now':
      return { now: nowMs(), cpuMs: ownCpuMs() };
    default:
      throw new Error(`unknown command ${command.cmd}`);
  }
}

serveCommands(handle, true);
