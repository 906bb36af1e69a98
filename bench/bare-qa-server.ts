/**
 * The bare baseline of the plenary part (bench/plenary.ts): plain Socket.IO on node:http with the
 * app's adapter (@socket.io/redis-streams-adapter on REDIS_URL), so that two instances share their
 * rooms as the app's do, and nothing else: no authentication, no validation, no PostgreSQL.
 *
 * `qa:join { sessionId }` joins the session's room and answers the questions; `qa:vote { questionId }`
 * counts the vote in Redis (HINCRBY: two instances must agree on a count, and that is the least that
 * does it) and broadcasts the ranking event the app broadcasts: with COALESCE_MS unset, `qa:updated`
 * with the question on every vote; with COALESCE_MS=n, at most one `qa:votes { sessionId, votes }`
 * per session every n ms carrying the latest counts, as the app does (src/forum/qa/qa.gateway.ts).
 *
 * POST /seed with `{ sessionId, questions }` (the app's Question objects) sets the questions and
 * their counts to those given. Env: PORT, HOST, REDIS_URL, REDIS_STREAM, COALESCE_MS. GET /health: 200.
 */
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import { Server } from 'socket.io';

const MAX_PAYLOAD_BYTES = 16 * 1024;
const COALESCE_MS = Number(process.env.COALESCE_MS || 0);

interface Question {
  id: number;
  sessionId: string;
  votes: number;
  [key: string]: unknown;
}
let sessionId = '';
const questions = new Map<number, Question>();
const countsKey = () => `bench-plenary:counts:${sessionId}`;

const redis = createClient({ url: process.env.REDIS_URL || 'redis://127.0.0.1:6379' });
redis.on('error', () => undefined);

const http = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  if (req.url === '/seed' && req.method === 'POST') {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const seed = JSON.parse(body) as { sessionId: string; questions: Question[] };
      sessionId = seed.sessionId;
      questions.clear();
      for (const q of seed.questions) questions.set(Number(q.id), q);
      const counts = Object.fromEntries(seed.questions.map((q) => [String(q.id), String(q.votes)]));
      void redis
        .del(countsKey())
        .then(() => (seed.questions.length ? redis.hSet(countsKey(), counts) : 0))
        .then(() => {
          res.writeHead(204);
          res.end();
        });
    });
    return;
  }
  res.writeHead(404);
  res.end();
});

const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: MAX_PAYLOAD_BYTES });
type Ack = (answer: unknown) => void;
const room = (id: string) => `session:${id}`;

/** Coalescing: the questions whose count changed since the last broadcast, and their latest count. */
const changed = new Map<number, number>();
let timer: NodeJS.Timeout | null = null;
function flush(): void {
  timer = null;
  const votes = [...changed].map(([id, count]) => ({ id, votes: count }));
  changed.clear();
  io.to(room(sessionId)).emit('qa:votes', { sessionId, votes });
}

io.on('connection', (socket) => {
  socket.on('qa:join', (payload: { sessionId?: string }, ack?: Ack) => {
    void socket.join(room(String(payload?.sessionId)));
    void redis.hGetAll(countsKey()).then((counts) => {
      const list = [...questions.values()].map((q) => ({ ...q, votes: Number(counts[String(q.id)] ?? q.votes) }));
      if (typeof ack === 'function') ack({ ok: true, questions: list });
    });
  });
  socket.on('qa:vote', (payload: { questionId?: number }, ack?: Ack) => {
    const id = Number(payload?.questionId);
    void redis.hIncrBy(countsKey(), String(id), 1).then((count) => {
      const question = { ...questions.get(id), id, votes: count };
      if (COALESCE_MS > 0) {
        changed.set(id, Math.max(count, changed.get(id) ?? 0));
        timer ??= setTimeout(flush, COALESCE_MS);
      } else {
        io.to(room(sessionId)).emit('qa:updated', question);
      }
      if (typeof ack === 'function') ack({ ok: true, question });
    });
  });
});

void redis.connect().then(() => {
  io.adapter(
    createAdapter(redis, {
      streamName: process.env.REDIS_STREAM || 'cooperation-forum-bench:bare-qa',
      blockTimeInMs: 1000,
    }),
  );
  http.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
    const address = http.address();
    process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : '?'}\n`);
  });
});

const stop = () => {
  void io.close();
  http.closeAllConnections();
  void redis.quit().finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
