/**
 * The bare baseline of the fan-out benchmark: plain Socket.IO on node:http, the same path and
 * payload limit as the app (src/realtime/realtime-io.adapter.ts), and nothing else: no
 * authentication, no validation, no storage, no presence. `channel:join { channelId }` joins the
 * room; `message:send { channelId, body, clientId }` broadcasts `message:new` to the room with the
 * shape of the app's Message (docs/REALTIME.md) and acknowledges the sender with it.
 *
 * Env: PORT (default 0: a free one), HOST (default 127.0.0.1). GET /health answers 200.
 * Prints "listening <port>" once ready.
 */
import { createServer } from 'node:http';
import { Server } from 'socket.io';

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

type Ack = (answer: unknown) => void;

io.on('connection', (socket) => {
  socket.on('channel:join', (payload: { channelId?: number }, ack?: Ack) => {
    const channelId = Number(payload?.channelId);
    void socket.join(`channel:${channelId}`);
    if (typeof ack === 'function') ack({ ok: true, presence: 0 });
  });
  socket.on('message:send', (payload: { channelId?: number; body?: string; clientId?: string }, ack?: Ack) => {
    const channelId = Number(payload?.channelId);
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
  io.close();
  http.closeAllConnections();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
