import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { clearAddressLimits, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, collect, testSockets } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * Two instances of the app on one PostgreSQL and the local Redis (REDIS_URL, default
 * redis://127.0.0.1:6379): what a client on one sends, a client on the other receives, and a
 * client catches up whichever instance it comes back to. Left out (with a line saying so) where
 * no Redis runs, except in CI; see jest.config.js.
 */
describe('two instances joined by Redis', () => {
  const redisUrl = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  // A stream of this run's own, so that parallel runs do not hear each other.
  const redisStream = `cooperation-forum-test:${randomUUID()}`;
  let a: TestApp;
  let b: TestApp;
  let anna: SignedIn;
  let boris: SignedIn;
  let channelId: number;
  const sockets = testSockets();
  const open = (app: TestApp, user: SignedIn) => sockets.open(app, user);

  beforeAll(async () => {
    a = await startTestApp({ listen: true, config: { redisUrl, redisStream } });
    b = await startTestApp({ listen: true, seed: false, database: a.database, config: { redisUrl, redisStream } });
    await clearAddressLimits(a);
    const moderator = await signUp(a, `moderator.${randomUUID()}@example.org`, { role: 'moderator' });
    anna = await signUp(a, `anna.${randomUUID()}@example.org`, { displayName: 'Anna' });
    boris = await signUp(a, `boris.${randomUUID()}@example.org`, { displayName: 'Boris' });
    const school = await verifiedOrganization(a, anna, moderator);
    await verifiedOrganization(a, boris, moderator, { name: 'Lviv Youth Council', type: 'ngo', cityKey: 'lviv' });
    const api = request(a.app.getHttpServer());
    const initiative = (
      await api
        .post('/api/v1/initiatives')
        .set(anna.auth)
        .send({
          organizationId: school.id,
          title: 'Across instances',
          summary: 'A discussion spread over two app instances.',
          kind: 'exchange',
          areas: ['education'],
          languages: ['pl'],
        })
        .expect(201)
    ).body;
    await api.post(`/api/v1/initiatives/${initiative.id}/submit`).set(anna.auth).expect(200);
    channelId = (
      await api.post(`/api/v1/initiatives/${initiative.id}/publish`).set(moderator.auth).send({}).expect(200)
    ).body.channelId;
  });
  afterEach(() => sockets.closeAll());
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers a message sent on instance B to a client on instance A, and counts presence across both', async () => {
    const onA = await open(a, anna);
    const onB = await open(b, boris);
    expect(await ask(onA, 'channel:join', { channelId })).toMatchObject({ ok: true, presence: 1 });
    expect(await ask(onB, 'channel:join', { channelId })).toMatchObject({ ok: true, presence: 2 });
    const received = collect(onA, 'message:new', 1);
    const ack = await ask(onB, 'message:send', { channelId, body: 'Hello from instance B', clientId: randomUUID() });
    expect(ack.ok).toBe(true);
    expect(await received).toEqual([ack.message]);
  });

  it('catches up whichever instance the client comes back to', async () => {
    const first = await open(a, anna);
    await ask(first, 'channel:join', { channelId });
    const last = (await ask(first, 'message:send', { channelId, body: 'last seen on A', clientId: randomUUID() }))
      .message.id;
    first.disconnect();
    const sender = await open(a, boris);
    const sent: number[] = [];
    for (let i = 0; i < 4; i++)
      sent.push(
        (await ask(sender, 'message:send', { channelId, body: `missed ${i}`, clientId: randomUUID() })).message.id,
      );
    const back = await open(b, anna);
    const joined = await ask(back, 'channel:join', { channelId, after: last });
    expect(joined.missed.map((m: { id: number }) => m.id)).toEqual(sent);
  });

  it('pushes a notification created on one instance to the user connected to the other', async () => {
    const annaOnB = await open(b, anna);
    // Anna was away for the earlier tests' messages too, and their notifications may still be on
    // their way: what this test asks is that this message's notification reaches her on B.
    const told = 'Boris: Anna, are you there?';
    const pushed = new Promise<{ notification: { body: { en: string } } }>((resolve) => {
      const listener = (event: { notification: { body: { en: string } } }) => {
        if (event.notification.body.en !== told) return;
        annaOnB.off('notification:new', listener);
        resolve(event);
      };
      annaOnB.on('notification:new', listener);
    });
    const borisOnA = await open(a, boris);
    // Anna follows the channel (she posted in it) and is away from it: she is told.
    await ask(borisOnA, 'message:send', { channelId, body: 'Anna, are you there?', clientId: randomUUID() });
    const { notification } = await pushed;
    expect(notification.body.en).toBe(told);
  });
});
