/**
 * The bare baseline of the plenary part (bench/plenary.ts): plain Socket.IO on node:http with the
 * app's adapter (@socket.io/redis-streams-adapter on REDIS_URL), so that two instances share their
 * rooms as the app's do, and nothing else: no authentication, no validation, no PostgreSQL.
 *
 * `qa:join { sessionId }` joins the session's room and answers the questions; `qa:vote { questionId }`
 * counts the vote in Redis (HINCRBY: two instances must agree on a count, and that is the least that
 * does it) and broadcasts the ranking event the app broadcasts: with COALESCE_MS unset, `qa:updated`
 * with the question on every vote; with COALESCE_MS=n, at most one `qa:votes { sessionId, votes }`
 * per session every n ms across both instances carrying the latest counts, as the app does
 * (src/forum/qa/qa.gateway.ts).
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
        .del([countsKey(), `bench-plenary:period:${sessionId}`, `bench-plenary:voted:${sessionId}`])
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

/**
 * Coalescing, as the app does with Redis (src/forum/qa/qa-vote-periods.ts): one `qa:votes` per
 * session and period across both instances. A vote's question goes to a Redis set in the same
 * step that tries to take the period (SET NX PX); the winner empties the set and reads its counts
 * there too; a loser whose questions are still in the set tries again when the period ends.
 */
const TAKE_PERIOD = `
for i = 2, #ARGV do redis.call('SADD', KEYS[2], ARGV[i]) end
if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
  local ids = redis.call('SMEMBERS', KEYS[2])
  redis.call('DEL', KEYS[2])
  local out = {1}
  for _, id in ipairs(ids) do
    table.insert(out, id)
    table.insert(out, redis.call('HGET', KEYS[3], id) or '0')
  end
  return out
end
return {0, redis.call('PTTL', KEYS[1]), redis.call('SCARD', KEYS[2])}
`;
const queued = new Set<number>();
let inFlight = false;
let timer: NodeJS.Timeout | null = null;
async function takePeriod(retrying = false): Promise<void> {
  inFlight = true;
  try {
    while (retrying || queued.size) {
      retrying = false;
      const ids = [...queued].map(String);
      queued.clear();
      const answer = (await redis.eval(TAKE_PERIOD, {
        keys: [`bench-plenary:period:${sessionId}`, `bench-plenary:voted:${sessionId}`, countsKey()],
        arguments: [String(COALESCE_MS), ...ids],
      })) as (number | string)[];
      if (Number(answer[0]) === 1) {
        const votes = [];
        for (let i = 1; i < answer.length; i += 2) votes.push({ id: Number(answer[i]), votes: Number(answer[i + 1]) });
        if (votes.length) io.to(room(sessionId)).emit('qa:votes', { sessionId, votes });
      } else if (Number(answer[2]) > 0 && !timer) {
        timer = setTimeout(
          () => {
            timer = null;
            if (!inFlight) void takePeriod(true);
          },
          Math.max(1, Number(answer[1])),
        );
      }
    }
  } finally {
    inFlight = false;
  }
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
        queued.add(id);
        if (!inFlight) void takePeriod();
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
