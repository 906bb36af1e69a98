/**
 * The bare baseline of the fan-out benchmark: plain Socket.IO on node:http, the same path and
 * payload limit as the app (src/realtime/realtime-io.adapter.ts), and nothing else: no
 * authentication, no validation, no storage, no presence. `channel:join { channelId }` joins the
 * room; `message:send { channelId, body, clientId }` broadcasts `message:new` to the room with the
 * shape of the app's Message (docs/REALTIME.md) and acknowledges the sender with it.
 *
 * With STORE_FIRST=1 it is the stored floor instead: what any server must do that obeys the
 * protocol's "stored first, then broadcast" (docs/REALTIME.md), and nothing more. Each message is
 * stored by the app's own statement (TRY_INSERT_MESSAGE_SQL), sent the way the app sends it
 * (StatementLanes: at once, a channel's stores in order on one connection of a pg.Pool of the app's
 * size), and broadcast in turn after its commit. The author is the subject of the handshake's
 * token, read without verifying it: still no authentication, validation or presence.
 *
 * Env: PORT (default 0: a free one), HOST (default 127.0.0.1); for the stored floor STORE_FIRST=1,
 * DATABASE_URL and DB_POOL_SIZE (default 10). GET /health answers 200. Prints "listening <port>"
 * once ready.
 */
import { createServer } from 'node:http';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import { TRY_INSERT_MESSAGE_SQL, type MessageRow } from '../src/channels/channels.repository';
import { KeyedTurns } from '../src/common/keyed-turns';
import { StatementLanes } from '../src/database/sql';

/** MAX_PAYLOAD_BYTES of the app's adapter. */
const MAX_PAYLOAD_BYTES = 16 * 1024;
const AUTHOR = { id: '00000000-0000-4000-8000-000000000000', displayName: 'Bench sender' };

const http = createServer((req, res) => {
  if (req.url === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"status":"ok"}');
    return;
  }
  res.writeHead(404);
  res.end();
});

const io = new Server(http, { path: '/socket.io', serveClient: false, maxHttpBufferSize: MAX_PAYLOAD_BYTES });
let nextId = 1;

const pool =
  process.env.STORE_FIRST === '1'
    ? new Pool({
        connectionString: process.env.DATABASE_URL,
        max: Number(process.env.DB_POOL_SIZE || 10),
        application_name: 'cooperation-forum-bench-stored',
      })
    : null;
/** A channel's broadcasts one after another, as the app's (ChannelsService): message:new in id order. */
const turns = new KeyedTurns<number>();

/** The token's subject, unverified (base64url JSON between the dots). */
function subjectOf(token: unknown): string | null {
  if (typeof token !== 'string') return null;
  try {
    return (
      (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string }).sub ?? null
    );
  } catch {
    return null;
  }
}

/** A channel's stores in order on one connection while any is in flight, as the app sends them. */
const lanes = pool ? new StatementLanes<number>(() => pool) : null;

async function store(channelId: number, authorId: string, clientId: string, body: string): Promise<MessageRow | null> {
  const [row] = await lanes!.query<MessageRow>(channelId, 'channels.try-insert-message', TRY_INSERT_MESSAGE_SQL, [
    channelId,
    authorId,
    clientId,
    body,
    null, // its language: not said
  ]);
  return row ?? null;
}

type Ack = (answer: unknown) => void;

io.on('connection', (socket) => {
  socket.on('channel:join', (payload: { channelId?: number }, ack?: Ack) => {
    const channelId = Number(payload?.channelId);
    void socket.join(`channel:${channelId}`);
    if (typeof ack === 'function') ack({ ok: true, presence: 0 });
  });
  socket.on('channel:leave', (payload: { channelId?: number }, ack?: Ack) => {
    void socket.leave(`channel:${Number(payload?.channelId)}`);
    if (typeof ack === 'function') ack({ ok: true });
  });
  const authorId = subjectOf((socket.handshake.auth as { token?: unknown } | undefined)?.token);
  socket.on('message:send', (payload: { channelId?: number; body?: string; clientId?: string }, ack?: Ack) => {
    const channelId = Number(payload?.channelId);
    if (pool) {
      const clientId = String(payload?.clientId ?? '');
      // Sent now, announced in turn (as ChannelsService.send).
      const storing = authorId
        ? store(channelId, authorId, clientId, String(payload?.body ?? ''))
        : Promise.resolve(null);
      storing.catch(() => undefined);
      const work = turns.run(channelId, async () => {
        const row = await storing;
        if (!row) return { ok: false, error: 'not stored (no token, not allowed to post, or a resend)' };
        const message = {
          id: Number(row.id),
          channelId: Number(row.channelId),
          author: { id: row.authorId, displayName: row.authorName ?? 'deleted user' },
          body: row.body,
          clientId: row.clientId,
          createdAt: new Date(row.createdAt).toISOString(),
          editedAt: null,
          deleted: false,
          hidden: false,
          hiddenReason: null,
        };
        io.to(`channel:${channelId}`).emit('message:new', message);
        return { ok: true, message };
      });
      void work
        .catch((error: Error) => ({ ok: false, error: error.message }))
        .then((answer) => {
          if (typeof ack === 'function') ack(answer);
        });
      return;
    }
    const message = {
      id: nextId++,
      channelId,
      author: AUTHOR,
      body: String(payload?.body ?? ''),
      clientId: String(payload?.clientId ?? ''),
      createdAt: new Date().toISOString(),
      editedAt: null,
      deleted: false,
      hidden: false,
      hiddenReason: null,
    };
    io.to(`channel:${channelId}`).emit('message:new', message);
    if (typeof ack === 'function') ack({ ok: true, message });
  });
});

http.listen(Number(process.env.PORT || 0), process.env.HOST || '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : '?'}\n`);
});

const stop = () => {
  void io.close();
  http.closeAllConnections();
  void (pool?.end() ?? Promise.resolve()).finally(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
