import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { PasswordHasher } from '../src/auth/password-hasher';
import { SEND_LIMIT } from '../src/channels/channels.constants';
import { Lifecycle } from '../src/lifecycle/lifecycle';
import { SOCKETS_PER_PERSON } from '../src/realtime/realtime.gateway';
import {
  clearAddressLimits,
  lastMail,
  PASSWORD,
  signUp,
  verifiedOrganization,
  type SignedIn,
} from './support/accounts';
import { createTestDatabase } from './support/database';
import { failoverProxy } from './support/instances';
import { ask, connect, connected, connectError, testSockets } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Limits that hold under concurrency and across sockets and instances: two instances of the app
 * on one PostgreSQL and the local Redis, as a city deploys it. Left out where no Redis runs,
 * except in CI (see jest.config.js).
 */
describe('limits that hold', () => {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  const redisStream = `cooperation-forum-test:${randomUUID()}`;
  const trustProxy = process.env.TRUST_PROXY;
  let a: TestApp;
  let b: TestApp;
  let moderator: SignedIn;
  let anna: SignedIn;
  let channelId: number;
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  const api = (app: TestApp) => request(app.app.getHttpServer());
  const sockets = testSockets();
  const open = (app: TestApp, user: SignedIn) => sockets.open(app, user);

  beforeAll(async () => {
    // The login limits are per address: the tests speak from several, through a trusted proxy's header.
    process.env.TRUST_PROXY = 'true';
    a = await startTestApp({ listen: true, config: { redisUrl, redisStream } });
    b = await startTestApp({ listen: true, seed: false, database: a.database, config: { redisUrl, redisStream } });
    moderator = await signUp(a, email('moderator'), { role: 'moderator' });
    anna = await signUp(a, email('anna'), { displayName: 'Anna' });
    const school = await verifiedOrganization(a, anna, moderator);
    const initiative = (
      await api(a)
        .post('/api/v1/initiatives')
        .set(anna.auth)
        .send({
          organizationId: school.id,
          title: 'Limits across instances',
          summary: 'A discussion on two instances of the app.',
          kind: 'exchange',
          areas: ['education'],
          languages: ['pl'],
        })
        .expect(201)
    ).body;
    await api(a).post(`/api/v1/initiatives/${initiative.id}/submit`).set(anna.auth).expect(200);
    channelId = (
      await api(a).post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200)
    ).body.channelId;
  });
  beforeEach(() => clearAddressLimits(a));
  afterEach(() => sockets.closeAll());
  afterAll(async () => {
    await b?.close();
    await a?.close();
    if (trustProxy === undefined) delete process.env.TRUST_PROXY;
    else process.env.TRUST_PROXY = trustProxy;
  });

  describe('failed logins', () => {
    it('lets 40 simultaneous wrong guesses cost at most 5 password checks, and a stranger cannot lock the owner out', async () => {
      const admin = await signUp(a, email('admin'), { role: 'admin' });
      // The password checks made, counted at the hasher (argon2id) itself. Both instances' hashers:
      // passport keeps its strategies in one registry per process, so the last app started serves both.
      const hashers = [a, b].map((app) => app.app.get(PasswordHasher));
      const originals = hashers.map((hasher) => hasher.verify.bind(hasher));
      let checks = 0;
      hashers.forEach((hasher, i) => {
        hasher.verify = (passwordHash, password) => {
          checks++;
          return originals[i](passwordHash, password);
        };
      });
      const stranger = '203.0.113.9';
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          api(a)
            .post('/api/v1/auth/login')
            .set('X-Forwarded-For', stranger)
            .send({ email: admin.email, password: `wrong guess number ${i}` }),
        ),
      );
      hashers.forEach((hasher, i) => (hasher.verify = originals[i]));
      expect(checks).toBe(5);
      const statuses = guesses.map((guess) => guess.status);
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(35);
      const refused = guesses.find((guess) => guess.status === 429)!;
      expect(refused.body.message).toMatch(/Too many attempts/);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

      // From the stranger's address the account stays closed, even with the right password ...
      await api(a)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', stranger)
        .send({ email: admin.email, password: PASSWORD })
        .expect(429);
      // ... while its owner, from their own address, logs in.
      const owner = await api(a)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', '198.51.100.4')
        .send({ email: admin.email, password: PASSWORD })
        .expect(200);
      expect(owner.body.accessToken).toEqual(expect.any(String));
    });
  });

  describe('messages', () => {
    const send = (socket: Socket, body: string) =>
      ask<{ ok: boolean; error?: { status: number; message: string } }>(socket, 'message:send', {
        channelId,
        body,
        clientId: randomUUID(),
      });
    const stored = async (marker: string) =>
      (
        await a.dataSource.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM messages WHERE channel_id = $1 AND body LIKE $2`,
          [channelId, `${marker}%`],
        )
      )[0].n;

    it('limits a person across all their sockets, both instances and a reconnect', async () => {
      const person = await signUp(a, email('talker'), { displayName: 'Talker' });
      await verifiedOrganization(a, person, moderator, { name: 'Talkers Club', type: 'ngo' });
      // Five sockets on each instance, each sending ten messages at once: 100 in about a second.
      const mine = [
        ...(await Promise.all(Array.from({ length: 5 }, () => open(a, person)))),
        ...(await Promise.all(Array.from({ length: 5 }, () => open(b, person)))),
      ];
      const marker = `burst ${randomUUID().slice(0, 8)}`;
      const acks = await Promise.all(
        mine.flatMap((socket, s) => Array.from({ length: 10 }, (_, i) => send(socket, `${marker} ${s}.${i}`))),
      );
      expect(acks.filter((ack) => ack.ok)).toHaveLength(SEND_LIMIT.messages);
      const refusals = acks.filter((ack) => !ack.ok);
      expect(refusals).toHaveLength(100 - SEND_LIMIT.messages);
      expect(refusals.every((ack) => ack.error!.status === 429)).toBe(true);
      expect(refusals[0].error!.message).toMatch(/Too many messages: at most 10 in 10 seconds/);
      expect(await stored(marker)).toBe(SEND_LIMIT.messages);

      // Coming back on a new socket, on either instance, does not start a new count; nor does REST.
      mine.forEach((socket) => socket.disconnect());
      const again = await open(b, person);
      expect(await send(again, `${marker} after reconnecting`)).toMatchObject({ ok: false, error: { status: 429 } });
      await api(a)
        .post(`/api/v1/channels/${channelId}/messages`)
        .set(person.auth)
        .send({ body: `${marker} by REST`, clientId: randomUUID() })
        .expect(429);
      expect(await stored(marker)).toBe(SEND_LIMIT.messages);
      // Someone else is not held back by it.
      expect(await send(await open(a, anna), `${marker} from Anna`)).toMatchObject({ ok: true });
    });

    it(`refuses a person's socket beyond ${SOCKETS_PER_PERSON} on an instance, with an error that says why`, async () => {
      const person = await signUp(a, email('tabs'));
      const first = await Promise.all(Array.from({ length: SOCKETS_PER_PERSON }, () => open(a, person)));
      const extra = connect(a.baseUrl!, person.accessToken);
      sockets.keep(extra);
      expect((await connectError(extra)).message).toMatch(
        new RegExp(`too many connections: at most ${SOCKETS_PER_PERSON} open at once; close another tab`),
      );
      // Closing one makes room for another.
      first[0].disconnect();
      for (let attempt = 0; ; attempt++) {
        const next = connect(a.baseUrl!, person.accessToken);
        sockets.keep(next);
        const opened = await connected(next).then(
          () => true,
          () => false,
        );
        if (opened) break;
        if (attempt === 20) throw new Error('no room after closing a socket');
        await new Promise((wake) => setTimeout(wake, 50));
      }
      // Another person is not counted against this one.
      await open(a, anna);
    });
  });

  describe('meeting requests', () => {
    it('stores one of 20 simultaneous identical requests and notifies the invitee once; the others get a 409', async () => {
      const edition = await api(a)
        .post('/api/v1/forum/editions')
        .set(moderator.auth)
        .send({
          year: 2028,
          themePl: 'Miasta razem',
          themeEn: 'Cities together',
          startsOn: '2028-05-20',
          endsOn: '2028-05-21',
          venue: 'ICE Kraków',
          languages: ['pl', 'en'],
          meetingTables: 5,
        })
        .expect(201);
      const editionId = edition.body.id;
      for (let step = 0; step < 2; step++)
        await api(a).post(`/api/v1/forum/editions/${editionId}/advance`).set(moderator.auth).expect(200);
      const slots = await api(a)
        .post(`/api/v1/forum/editions/${editionId}/slots`)
        .set(moderator.auth)
        .send({ slots: [{ startsAt: '2028-05-20T14:00:00+02:00', endsAt: '2028-05-20T14:20:00+02:00' }] })
        .expect(201);
      const slotId = slots.body.items[0].id;
      const asker = await signUp(a, email('asker'));
      const asked = await signUp(a, email('asked'));
      const askerOrg = await verifiedOrganization(a, asker, moderator, { name: 'Asking NGO', type: 'ngo' });
      const askedOrg = await verifiedOrganization(a, asked, moderator, { name: 'Asked NGO', type: 'ngo' });
      const ask = (from: SignedIn, organizationId: string, withOrganizationId: string) =>
        api(a)
          .post(`/api/v1/forum/editions/${editionId}/meetings`)
          .set(from.auth)
          .send({ slotId, organizationId, withOrganizationId, message: 'Shall we meet?' });

      const answers = await Promise.all(Array.from({ length: 20 }, () => ask(asker, askerOrg.id, askedOrg.id)));
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(1);
      const conflicts = answers.filter((answer) => answer.status === 409);
      expect(conflicts).toHaveLength(19);
      expect(conflicts[0].body.message).toMatch(/already waiting for an answer/);
      // The invited side asking back for the same slot is the same pair.
      await ask(asked, askedOrg.id, askerOrg.id).expect(409);

      const count = async (sql: string, params: unknown[]) =>
        (await a.dataSource.query<{ n: number }[]>(sql, params))[0].n;
      expect(
        await count(`SELECT count(*)::int AS n FROM meetings WHERE slot_id = $1 AND status = 'requested'`, [slotId]),
      ).toBe(1);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND payload->>'link' = '/forum/my'`,
          [asked.id],
        ),
      ).toBe(1);
    });
  });

  describe('password reset', () => {
    it('answers before any work that depends on the address, and still sends the link to a known one', async () => {
      const known = await signUp(a, email('forgetful'));
      const unknown = email('nobody');
      // Nothing that depends on the address may run before the answer: with its tables locked
      // (not even a read of users passes), both requests must still be answered.
      const locker = a.dataSource.createQueryRunner();
      await locker.connect();
      await locker.startTransaction();
      let answers: request.Response[];
      try {
        await locker.query(`LOCK TABLE users, email_tokens, mail_outbox IN ACCESS EXCLUSIVE MODE`);
        answers = await Promise.all(
          [known.email, unknown].map((address) =>
            api(a).post('/api/v1/auth/password-reset').send({ email: address }).timeout(10_000),
          ),
        );
      } finally {
        await locker.commitTransaction();
        await locker.release();
      }
      expect(answers.map((answer) => answer.status)).toEqual([202, 202]);
      expect(answers[0].body).toEqual(answers[1].body);

      // The work is done after the answer: the known address gets its link, the unknown one nothing.
      await a.app.get(Lifecycle).settled();
      const mail = await lastMail(a, known.email, 'password_reset');
      expect(mail.text).toMatch(/#token=/);
      expect(
        await a.dataSource.query(`SELECT id FROM mail_outbox WHERE to_address = $1`, [unknown.toLowerCase()]),
      ).toEqual([]);
    });
  });

  describe('/health', () => {
    it('shows no address of the database when it is down', async () => {
      const database = await createTestDatabase();
      const server = new URL(database.url);
      const proxy = await failoverProxy([Number(server.port)]);
      const proxied = new URL(database.url);
      proxied.host = new URL(proxy.url).host;
      const app = await startTestApp({
        seed: false,
        database: { ...database, url: proxied.toString() },
      });
      try {
        expect((await api(app).get('/health').expect(200)).body.status).toBe('ok');
        await proxy.close();
        const down = await api(app).get('/health').expect(503);
        expect(down.body).toEqual({ status: 'error', database: { status: 'down' } });
        const text = JSON.stringify(down.body);
        for (const address of [server.hostname, server.port, proxied.port, database.name, 'postgres', '5432'])
          expect(text).not.toContain(address);
      } finally {
        await app.close();
        await database.drop();
      }
    });
  });
});
