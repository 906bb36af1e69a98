import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { createTestDatabase, type TestDatabase } from './support/database';
import {
  asTestApp,
  failoverProxy,
  healthy,
  sharedSecret,
  startInstance,
  stopInstance,
  type FailoverProxy,
  type Instance,
} from './support/instances';

const SHUTDOWN_TIMEOUT_SECONDS = 10;
const SENDERS = 12;
/** Each sender stays within the message limit (10 in 10 s). */
const MESSAGES_PER_SENDER = 8;
/** As the web client (client/src/api/socket.ts): how long an acknowledgement may take, and how often a message is sent again. */
const ACK_TIMEOUT_MS = 8000;
const ATTEMPTS = 5;

interface Sent {
  clientId: string;
  /** The stored message's id, from the acknowledgement. */
  id?: number;
  attempts: number;
  /** Acknowledged before SIGTERM, while the instance drained, or after it had exited. */
  ackedWhen?: 'before' | 'draining' | 'after';
}

/**
 * SIGTERM during a burst of messages, with real processes: two instances behind a failover proxy
 * (as the deployment's Caddy), senders on real sockets that behave as the web client does (an
 * acknowledgement that does not come is asked again with the same clientId, after reconnecting).
 * The instance that is stopped finishes what it took and exits within its bound; the others take
 * over; every message is stored once, every stored message acknowledged, and notified.
 */
describe('graceful shutdown (SIGTERM) during a burst of messages', () => {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  let database: TestDatabase;
  let dataSource: DataSource;
  let first: Instance;
  let second: Instance;
  let proxy: FailoverProxy;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      REDIS_STREAM: `cooperation-forum-test:${randomUUID()}`,
      JWT_SECRET: sharedSecret(),
      JOBS: 'off',
      LOG_LEVEL: 'warn',
      SHUTDOWN_TIMEOUT_SECONDS: String(SHUTDOWN_TIMEOUT_SECONDS),
    };
    first = await startInstance('first', env);
    second = await startInstance('second', env);
    await Promise.all([healthy(first), healthy(second)]);
    proxy = await failoverProxy([first.port, second.port]);
    dataSource = new DataSource(dataSourceOptions(database.url, { extra: { max: 2 } }));
    await dataSource.initialize();
  });
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await proxy?.close();
    await Promise.all([first, second].filter(Boolean).map((instance) => stopInstance(instance)));
    await dataSource?.destroy();
    await database?.drop();
  });

  it('stores every message once, acknowledges every stored one, notifies, and exits within its bound', async () => {
    const app = asTestApp(proxy.url, dataSource);
    const api = request(proxy.url);
    const moderator = await signUp(app, `moderator.${randomUUID()}@example.org`, { role: 'moderator' });
    const owner = await signUp(app, `owner.${randomUUID()}@example.org`, { displayName: 'Olga' });
    const reader = await signUp(app, `reader.${randomUUID()}@example.org`, { displayName: 'Boris' });
    const school = await verifiedOrganization(app, owner, moderator);
    const senders: SignedIn[] = [];
    for (let i = 0; i < SENDERS; i++)
      senders.push(await signUp(app, `sender${i}.${randomUUID()}@example.org`, { displayName: `Sender ${i}` }));
    await dataSource.query(
      `INSERT INTO organization_members (organization_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'member'`,
      [school.id, [reader.id, ...senders.map((sender) => sender.id)]],
    );
    const initiative = (
      await api
        .post('/api/v1/initiatives')
        .set(owner.auth)
        .send({
          organizationId: school.id,
          title: 'Restart in the middle',
          summary: 'A discussion that goes on while an instance restarts.',
          kind: 'exchange',
          areas: ['education'],
          languages: ['pl'],
        })
        .expect(201)
    ).body as { id: string };
    await api.post(`/api/v1/initiatives/${initiative.id}/submit`).set(owner.auth).expect(200);
    const channelId = (
      (await api.post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200))
        .body as { channelId: number }
    ).channelId;
    // Boris follows the discussion (he wrote in it) and is away: every message is his notification.
    const boris = connectThroughProxy(reader);
    await ack(boris, 'message:send', { channelId, body: 'I follow this.', clientId: randomUUID() });
    boris.disconnect();

    // The senders, on sockets that reconnect by themselves (Socket.IO's back-off, as in the browser).
    const clients = senders.map((sender) => connectThroughProxy(sender));
    await Promise.all(clients.map((socket) => connected(socket)));

    let phase: Sent['ackedWhen'] = 'before';
    const sent: Sent[] = [];
    let signalled!: () => void;
    const signal = new Promise<void>((resolve) => (signalled = resolve));
    const sendAll = clients.map(async (socket, s) => {
      for (let m = 0; m < MESSAGES_PER_SENDER; m++) {
        const message: Sent = { clientId: randomUUID(), attempts: 0 };
        sent.push(message);
        // The burst: SIGTERM once a third of the messages are out.
        if (sent.length === Math.floor((SENDERS * MESSAGES_PER_SENDER) / 3)) signalled();
        await sendLikeTheWebClient(socket, message, { channelId, body: `sender ${s}, message ${m}` }, () => phase);
      }
    });
    await signal;
    const signalledAt = Date.now();
    first.child.kill('SIGTERM');
    phase = 'draining';
    const exit = first.exited.then((exited) => {
      phase = 'after';
      return exited;
    });
    await Promise.all(sendAll);
    const { code, at } = await exit;

    // The stopped instance drained completely and exited within its bound.
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThanOrEqual(SHUTDOWN_TIMEOUT_SECONDS * 1000);
    expect(first.output.join('\n')).toMatch(/drained in \d+ ms/);

    const stored = await dataSource.query<{ id: number; client_id: string }[]>(
      `SELECT id, client_id FROM messages WHERE channel_id = $1 AND client_id = ANY($2::text[]) ORDER BY id`,
      [channelId, sent.map((message) => message.clientId)],
    );
    const storedIds = new Map(stored.map((row) => [row.client_id, Number(row.id)]));
    const acknowledged = sent.filter((message) => message.id !== undefined);
    // Every message was acknowledged (on the first instance, or on the second after a resend) ...
    expect(acknowledged).toHaveLength(sent.length);
    // ... with the id it is stored under: each stored exactly once, nothing stored unacknowledged.
    for (const message of sent) expect(storedIds.get(message.clientId)).toBe(message.id);
    expect(stored).toHaveLength(sent.length);
    // The sockets went on through the other instance.
    expect(proxy.connections.get(second.port)).toBeGreaterThan(0);

    // The other instance drains too (its notifications of the messages it took are written before
    // it exits). Then Boris's notification of the discussion counts every stored message and quotes the last.
    second.child.kill('SIGTERM');
    expect((await second.exited).code).toBe(0);
    const [notification] = await dataSource.query<{ payload: { count?: number; messageId: number } }[]>(
      `SELECT payload FROM notifications WHERE user_id = $1 AND kind = 'channel_message'`,
      [reader.id],
    );
    expect(notification.payload.count).toBe(sent.length);
    expect(notification.payload.messageId).toBe(Math.max(...stored.map((row) => Number(row.id))));

    const count = (when: Sent['ackedWhen']) => sent.filter((message) => message.ackedWhen === when).length;
    process.stdout.write(
      `shutdown under a burst: ${sent.length} messages sent by ${SENDERS} sockets; acknowledged ${count('before')} before SIGTERM, ` +
        `${count('draining')} between SIGTERM and its exit, ${count('after')} after the exit (by the other instance); ` +
        `${sent.filter((message) => message.attempts > 1).length} sent more than once; ${stored.length} stored; ` +
        `${sent.length - stored.length} lost; exited ${at - signalledAt} ms after SIGTERM (bound ${SHUTDOWN_TIMEOUT_SECONDS * 1000} ms)\n`,
    );
  });

  function connectThroughProxy(user: SignedIn): Socket {
    const socket = io(proxy.url, {
      path: '/socket.io',
      transports: ['websocket'],
      auth: { token: user.accessToken },
      forceNew: true,
    });
    sockets.push(socket);
    return socket;
  }
});

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

async function ack(
  socket: Socket,
  event: string,
  payload: unknown,
): Promise<{ ok: boolean; message?: { id: number } }> {
  await connected(socket);
  return (await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload)) as {
    ok: boolean;
    message?: { id: number };
  };
}

/**
 * What client/src/api/socket.ts's sendMessage does: wait until connected, send, and when the
 * acknowledgement does not come (the connection dropped, or it took too long), send again with
 * the same clientId, at most ATTEMPTS times. A refusal is final.
 */
async function sendLikeTheWebClient(
  socket: Socket,
  message: Sent,
  payload: { channelId: number; body: string },
  phase: () => Sent['ackedWhen'],
): Promise<void> {
  for (;;) {
    message.attempts++;
    await waitUntilConnected(socket);
    try {
      const answer = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('message:send', { ...payload, clientId: message.clientId })) as {
        ok: boolean;
        message?: { id: number };
        error?: { status: number; message: string };
      };
      if (!answer.ok) throw new Error(`refused: ${answer.error?.status} ${answer.error?.message}`);
      message.id = Number(answer.message!.id);
      message.ackedWhen = phase();
      return;
    } catch (error) {
      if ((error as Error).message.startsWith('refused') || message.attempts >= ATTEMPTS) throw error;
    }
  }
}

function waitUntilConnected(socket: Socket): Promise<void> {
  return socket.connected ? Promise.resolve() : new Promise((resolve) => socket.once('connect', () => resolve()));
}
