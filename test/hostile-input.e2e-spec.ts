import { createHmac, randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, askRaw, connect, connected, connectError } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * One readable case for each class of hostile input that once reached a 500 (issue 18): each is
 * answered with a 400 (or 404) that says what is wrong, and changes nothing. test/fuzz.e2e-spec.ts
 * throws the same classes, and random ones, at every route and socket event.
 */
describe('hostile input', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let anna: SignedIn;
  let staff: SignedIn;
  let channelId: number;
  const sockets: Socket[] = [];

  /** JSON nested `depth` levels deep, as text (JSON.stringify itself would overflow the stack). */
  const nested = (depth: number) => `{"name":"x","filters":${'['.repeat(depth)}${']'.repeat(depth)}}`;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    staff = await signUp(t, 'staff@example.org', { role: 'moderator' });
    anna = await signUp(t, 'anna@example.org');
    const org = await verifiedOrganization(t, anna, staff);
    const created = await api()
      .post('/api/v1/initiatives')
      .set(anna.auth)
      .send({
        organizationId: org.id,
        title: 'Wymiana uczniów z Norymbergą',
        summary: 'A discussion to send hostile messages to.',
        kind: 'exchange',
        areas: ['education'],
        languages: ['pl'],
      })
      .expect(201);
    await api().post(`/api/v1/initiatives/${created.body.id}/submit`).set(anna.auth).expect(200);
    channelId = (
      await api().post(`/api/v1/initiatives/${created.body.id}/publish`).set(staff.auth).send({}).expect(200)
    ).body.channelId;
  });
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });
  afterAll(() => t.close());

  const savedSearches = async () =>
    Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM saved_searches`))[0].n);

  describe('over HTTP', () => {
    it('answers JSON nested thousands of levels deep with a 400, on any body route', async () => {
      for (const [method, path] of [
        ['post', '/api/v1/saved-searches'],
        ['patch', '/api/v1/me'],
        ['post', '/api/v1/auth/login'],
      ] as const) {
        const response = await api()
          [method](path)
          .set(anna.auth)
          .set('content-type', 'application/json')
          .send(nested(5000))
          .expect(400);
        expect(response.body.message).toMatch(/nested too deeply/);
        expect(response.body.requestId).toBeTruthy();
      }
      expect(await savedSearches()).toBe(0);
    });

    it('refuses a NUL character in any text, naming the field', async () => {
      const response = await api().patch('/api/v1/me').set(anna.auth).send({ displayName: 'Anna\u0000' }).expect(400);
      expect(response.body.fields).toEqual({ displayName: [expect.stringMatching(/NUL/)] });
      expect((await api().get('/api/v1/me').set(anna.auth).expect(200)).body.displayName).toBe('anna');
      // In a query parameter and a path parameter too.
      const query = await api().get('/api/v1/initiatives').query({ q: 'szko\u0000ła' }).expect(400);
      expect(query.body.fields).toEqual({ q: [expect.stringMatching(/NUL/)] });
      await api().get('/api/v1/cities/krak%00ow').expect(400);
    });

    it('refuses a lone UTF-16 surrogate, naming the field', async () => {
      // JSON may spell half of a surrogate pair, which no text can hold.
      const response = await api()
        .post('/api/v1/saved-searches')
        .set(anna.auth)
        .set('content-type', 'application/json')
        .send('{"name":"Szko\\ud800ły","filters":{}}')
        .expect(400);
      expect(response.body.fields).toEqual({ name: [expect.stringMatching(/surrogate|not valid text/)] });
      expect(await savedSearches()).toBe(0);
    });

    it('answers a missing nested object with a 400 that names it', async () => {
      const response = await api().post('/api/v1/saved-searches').set(anna.auth).send({ name: 'x' }).expect(400);
      expect(Object.keys(response.body.fields)).toEqual(['filters']);
      expect(await savedSearches()).toBe(0);
    });

    it('answers a cursor beyond bigint with a 400', async () => {
      const notifications = await api()
        .get('/api/v1/notifications')
        .query({ cursor: '99999999999999999999999' })
        .set(anna.auth)
        .expect(400);
      expect(notifications.body.fields).toEqual({ cursor: ['cursor must be the nextCursor of a previous page'] });
      const initiatives = await api().get('/api/v1/initiatives').query({ cursor: 'WzFlOTk5LCIiLCIiXQ' }).expect(400);
      expect(initiatives.body.message).toMatch(/cursor/);
    });

    it('answers a path id beyond its column with a 400 that says the range, not a database error', async () => {
      const channel = await api().get('/api/v1/channels/2147483648').set(anna.auth).expect(400);
      expect(channel.body.message).toBe('id must be a whole number from 1 to 2147483647');
      const message = await api().delete('/api/v1/channels/1/messages/0').set(anna.auth).expect(400);
      expect(message.body.message).toBe('messageId must be a whole number from 1 to 9007199254740991');
    });

    it('answers null for a field that may not be null with a 400, and changes nothing', async () => {
      const response = await api().patch('/api/v1/me').set(anna.auth).send({ locale: null }).expect(400);
      // Refused by the field's own validation (null is not "left out"), not by the database's NOT NULL.
      expect(response.body.fields).toEqual({ locale: ['locale must be pl or en'] });
      expect((await api().get('/api/v1/me').set(anna.auth).expect(200)).body.locale).toBe('en');
    });

    it('answers the errors of the iCalendar routes as JSON 4xx, not a 500', async () => {
      const edition = await api()
        .post('/api/v1/forum/editions')
        .set(staff.auth)
        .send({
          year: 2031,
          themePl: 'Miasta razem',
          themeEn: 'Cities together',
          startsOn: '2031-05-20',
          endsOn: '2031-05-21',
          venue: 'ICE Kraków',
          languages: ['pl', 'en'],
          meetingTables: 1,
        })
        .expect(201);
      const unpublished = await api().get(`/api/v1/forum/editions/${edition.body.id}/agenda.ics`).expect(404);
      expect(unpublished.headers['content-type']).toMatch(/^application\/json/);
      expect(unpublished.body.message).toBeTruthy();
      await api().get('/api/v1/forum/editions/not-an-id/agenda.ics').expect(400);
      await api().get(`/api/v1/forum/editions/${randomUUID()}/agenda.ics`).expect(404);
      await api().get('/api/v1/forum/editions/not-an-id/my-meetings.ics').set(anna.auth).expect(400);
      await api().get(`/api/v1/forum/editions/${randomUUID()}/my-meetings.ics`).set(anna.auth).expect(404);
      await api().get(`/api/v1/forum/editions/${edition.body.id}/my-meetings.ics`).expect(401);
    });
  });

  describe('over the socket', () => {
    const open = async () => {
      const socket = connect(t.baseUrl!, anna.accessToken);
      sockets.push(socket);
      await connected(socket);
      return socket;
    };
    const messages = async () => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM messages`))[0].n);

    it('answers a number beyond any id with an error acknowledgement', async () => {
      const socket = await open();
      const answer = await ask(socket, 'message:send', { channelId: 1e300, body: 'hello', clientId: randomUUID() });
      expect(answer).toEqual({
        ok: false,
        error: expect.objectContaining({ status: 400, fields: { channelId: ['channelId must be a channel id'] } }),
      });
      const join = await ask(socket, 'channel:join', { channelId: 1e300 });
      expect(join.error).toEqual(expect.objectContaining({ status: 400, message: 'channelId must be a channel id' }));
      const vote = await ask(socket, 'qa:vote', { questionId: 1e300 });
      expect(vote.error).toEqual(expect.objectContaining({ status: 400, message: 'questionId must be a question id' }));
      expect(await messages()).toBe(0);
    });

    it('refuses the handshake of a validly signed token without exp (one that would never expire)', async () => {
      const [{ value: secret }] = await t.dataSource.query(`SELECT value FROM instance_secrets WHERE name = 'jwt'`);
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const { exp: _exp, ...claims } = JSON.parse(Buffer.from(anna.accessToken.split('.')[1], 'base64url').toString());
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
      const forged = `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
      const socket = connect(t.baseUrl!, forged);
      sockets.push(socket);
      await connectError(socket);
      // The same claims with their exp are let in: only the missing expiry was refused.
      const own = connect(t.baseUrl!, anna.accessToken);
      sockets.push(own);
      await connected(own);
    });

    it('answers a NUL character or a lone surrogate in a body with an error acknowledgement naming the field', async () => {
      const socket = await open();
      const nul = await ask(socket, 'message:send', { channelId, body: 'hello\u0000', clientId: randomUUID() });
      expect(nul).toEqual({
        ok: false,
        error: expect.objectContaining({ status: 400, fields: { body: [expect.stringMatching(/NUL/)] } }),
      });
      const lone = await ask(socket, 'message:send', { channelId, body: 'hello \udfff', clientId: randomUUID() });
      expect(lone.error.status).toBe(400);
      expect(await messages()).toBe(0);
      // The socket still works.
      expect((await ask(socket, 'message:send', { channelId, body: 'hello', clientId: randomUUID() })).ok).toBe(true);
    });

    it('answers a deeply nested payload with an error acknowledgement, within the timeout', async () => {
      const socket = await open();
      const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const answer = await askRaw(socket, 'message:send', `{"channelId":${channelId},"body":${deep}}`);
      expect(answer).toEqual({ ok: false, error: expect.objectContaining({ status: 400 }) });
      expect(answer.error.message).toMatch(/nested too deeply/);
    });
  });
});
