import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { ChannelsService } from '../src/channels/channels.service';
import { MailRepository } from '../src/mail/mail.repository';
import { NotificationsService } from '../src/notifications/notifications.service';
import { clearAddressLimits, logIn, signUp, verifiedOrganization, type SignedIn } from './support/accounts';
import { ask, collect, connect, connected, connectError, during } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

describe('real time', () => {
  let t: TestApp;
  const api = () => request(t.app.getHttpServer());
  let n = 0;
  const email = (name: string) => `${name}.${++n}@example.org`;
  let moderator: SignedIn;
  let anna: SignedIn; // owner of a verified school
  let boris: SignedIn; // member of another verified organisation
  let outsider: SignedIn; // signed in, no organisation
  let channelId: number;
  let initiativeId: string;
  const sockets: Socket[] = [];
  const open = async (user?: SignedIn) => {
    const socket = connect(t.baseUrl!, user?.accessToken);
    sockets.push(socket);
    await connected(socket);
    return socket;
  };
  const send = (socket: Socket, body: string, clientId = randomUUID(), channel = channelId) => ask(socket, 'message:send', { channelId: channel, body, clientId });
  const count = async (sql: string, params: unknown[]) => (await t.dataSource.query(sql, params))[0].n as number;

  beforeAll(async () => {
    t = await startTestApp({ listen: true });
    moderator = await signUp(t, email('moderator'), { role: 'moderator' });
    anna = await signUp(t, email('anna'), { displayName: 'Anna' });
    const school = await verifiedOrganization(t, anna, moderator);
    boris = await signUp(t, email('boris'), { displayName: 'Boris' });
    await verifiedOrganization(t, boris, moderator, { name: 'Lviv Youth Council', type: 'ngo', cityKey: 'lviv' });
    outsider = await signUp(t, email('outsider'));
    const initiative = await api()
      .post('/api/v1/initiatives')
      .set(anna.auth)
      .send({ organizationId: school.id, title: 'Pupil exchange Kraków–Lviv', summary: 'A spring exchange of pupils between our schools.', kind: 'exchange', areas: ['education'], languages: ['pl', 'uk'] })
      .expect(201);
    initiativeId = initiative.body.id;
    await api().post(`/api/v1/initiatives/${initiativeId}/submit`).set(anna.auth).expect(200);
    const published = await api().post(`/api/v1/initiatives/${initiativeId}/publish`).set(moderator.auth).send({}).expect(200);
    channelId = published.body.channelId;
    expect(channelId).toEqual(expect.any(Number));
  });
  beforeEach(() => clearAddressLimits(t));
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });
  afterAll(() => t.close());

  describe('authentication on the handshake', () => {
    it('refuses a socket without a token, with a bad one, or with an expired one', async () => {
      expect((await connectError(connect(t.baseUrl!))).message).toMatch(/unauthorized/);
      expect((await connectError(connect(t.baseUrl!, 'not.a.token'))).message).toMatch(/unauthorized/);
      const [, payload] = anna.accessToken.split('.');
      const expired = anna.accessToken.replace(payload, Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), exp: 1 })).toString('base64url'));
      expect((await connectError(connect(t.baseUrl!, expired))).message).toMatch(/unauthorized/);
    });

    it('refuses another origin', async () => {
      const socket = connect(t.baseUrl!, anna.accessToken, { origin: 'https://evil.example' });
      sockets.push(socket);
      expect((await connectError(socket)).message).toMatch(/xhr poll error|403|Forbidden/i);
      // The same request from the site's own origin is let in.
      const own = connect(t.baseUrl!, anna.accessToken, { origin: t.baseUrl! });
      sockets.push(own);
      await connected(own);
    });

    it('disconnects the sockets of a session when it is revoked', async () => {
      const address = email('revoked');
      const user = await signUp(t, address);
      const socket = await open(user);
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await api().post('/api/v1/auth/logout').set(user.auth).expect(204);
      expect(await disconnected).toBe('io server disconnect');
      await logIn(t, address);
    });
  });

  describe('channels', () => {
    it('lets anyone signed in join a public discussion, and counts who is present', async () => {
      const a = await open(anna);
      const b = await open(outsider);
      const joinedA = await ask(a, 'channel:join', { channelId });
      expect(joinedA).toEqual({ ok: true, presence: 1 });
      const presenceSeenByA = collect(a, 'presence', 1);
      expect(await ask(b, 'channel:join', { channelId })).toEqual({ ok: true, presence: 2 });
      expect(await presenceSeenByA).toEqual([{ channelId, count: 2 }]);
    });

    it('keeps private channels to their members, on join and on send', async () => {
      const privateId = await t.app.get(ChannelsService).createPrivate('Partnership: school and council', [anna.id]);
      const b = await open(boris);
      expect(await ask(b, 'channel:join', { channelId: privateId })).toMatchObject({ ok: false, error: { status: 404 } });
      expect(await send(b, 'let me in', randomUUID(), privateId)).toMatchObject({ ok: false, error: { status: 404 } });
      await api().get(`/api/v1/channels/${privateId}/messages`).set(boris.auth).expect(404);
      await api().get(`/api/v1/channels/${privateId}/messages`).expect(404);
      const a = await open(anna);
      expect(await ask(a, 'channel:join', { channelId: privateId })).toMatchObject({ ok: true });
      expect(await send(a, 'only for members', randomUUID(), privateId)).toMatchObject({ ok: true });
      expect(await count(`SELECT count(*)::int AS n FROM messages WHERE channel_id = $1`, [privateId])).toBe(1);
    });

    it('stores a message, acknowledges it with its id, then delivers it to the room', async () => {
      const a = await open(anna);
      const b = await open(boris);
      await ask(a, 'channel:join', { channelId });
      await ask(b, 'channel:join', { channelId });
      const delivered = collect(b, 'message:new', 1);
      const ack = await send(a, 'Dzień dobry, Lwów!');
      expect(ack).toEqual({ ok: true, message: expect.objectContaining({ id: expect.any(Number), channelId, body: 'Dzień dobry, Lwów!', author: { id: anna.id, displayName: 'Anna' } }) });
      expect((await delivered)[0]).toEqual(ack.message);
      const stored = await t.dataSource.query(`SELECT body FROM messages WHERE id = $1`, [ack.message.id]);
      expect(stored).toEqual([{ body: 'Dzień dobry, Lwów!' }]);
    });

    it('stores nothing new when a message is resent after a lost acknowledgement', async () => {
      const a = await open(anna);
      const b = await open(boris);
      await ask(a, 'channel:join', { channelId });
      await ask(b, 'channel:join', { channelId });
      const seenByB = during(b, 'message:new', 600);
      const clientId = randomUUID();
      const first = await send(a, 'Sent twice', clientId);
      const second = await send(a, 'Sent twice', clientId);
      expect(second.message.id).toBe(first.message.id);
      expect(await count(`SELECT count(*)::int AS n FROM messages WHERE client_id = $1`, [clientId])).toBe(1);
      expect((await seenByB).filter((m) => m.clientId === clientId)).toHaveLength(1);
    });

    it('lets only members of a verified organisation post in a public discussion', async () => {
      const o = await open(outsider);
      const ack = await send(o, 'Can I post?');
      expect(ack).toMatchObject({ ok: false, error: { status: 403, message: expect.stringMatching(/verified organisation/) } });
    });

    it('validates payloads with the same DTOs as REST and refuses oversized ones', async () => {
      const a = await open(anna);
      expect(await ask(a, 'message:send', { channelId, body: 'no client id' })).toMatchObject({ ok: false, error: { status: 400, fields: { clientId: expect.any(Array) } } });
      expect(await ask(a, 'message:send', { channelId, body: 'x', clientId: randomUUID(), admin: true })).toMatchObject({ ok: false, error: { status: 400, message: expect.stringMatching(/admin is not a known field/) } });
      expect(await ask(a, 'message:send', { channelId, body: 'x'.repeat(4001), clientId: randomUUID() })).toMatchObject({ ok: false, error: { status: 400 } });
      expect(await ask(a, 'channel:join', 'not an object')).toMatchObject({ ok: false, error: { status: 400 } });
      const gone = new Promise<string>((resolve) => a.once('disconnect', resolve));
      a.emit('message:send', { channelId, body: 'y'.repeat(20_000), clientId: randomUUID() });
      expect(await gone).toBe('transport close');
    });

    it('limits a socket to 10 messages in 10 seconds; beyond that an error and nothing stored', async () => {
      const a = await open(anna);
      const marker = randomUUID().slice(0, 8);
      const acks = [];
      for (let i = 0; i < 11; i++) acks.push(await send(a, `burst ${marker} ${i}`));
      expect(acks.slice(0, 10).every((ack) => ack.ok)).toBe(true);
      expect(acks[10]).toMatchObject({ ok: false, error: { status: 429 } });
      expect(await count(`SELECT count(*)::int AS n FROM messages WHERE body LIKE $1`, [`burst ${marker}%`])).toBe(10);
    });

    it('catches a reconnecting client up with exactly what it missed, in order', async () => {
      const a = await open(anna);
      await ask(a, 'channel:join', { channelId });
      const last = (await send(a, 'before the drop')).message.id;
      a.disconnect();

      const b = await open(boris);
      await ask(b, 'channel:join', { channelId });
      const missedIds: number[] = [];
      // Boris posts from two sockets at once while Anna is away.
      const b2 = await open(boris);
      const results = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => send(i % 2 ? b : b2, `while away ${i}`)));
      missedIds.push(...results.map((r) => r.message.id).sort((x, y) => x - y));

      const again = await open(anna);
      const joined = await ask(again, 'channel:join', { channelId, after: last });
      expect(joined.missed.map((m: { id: number }) => m.id)).toEqual(missedIds);
      expect(joined.more).toBe(false);
      const rest = await api().get(`/api/v1/channels/${channelId}/messages?after=${last}`).expect(200);
      expect(rest.body.items.map((m: { id: number }) => m.id)).toEqual(missedIds);
    });

    it('broadcasts typing to the others and edits and deletions to everyone, within 15 minutes', async () => {
      const a = await open(anna);
      const b = await open(boris);
      await ask(a, 'channel:join', { channelId });
      await ask(b, 'channel:join', { channelId });
      const typing = collect(b, 'typing', 1);
      const typingSeenByA = during(a, 'typing', 300);
      expect(await ask(a, 'typing', { channelId })).toEqual({ ok: true });
      expect(await typing).toEqual([{ channelId, user: { id: anna.id, displayName: 'Anna' } }]);
      expect(await typingSeenByA).toEqual([]);

      const sent = (await send(a, 'typo hre')).message;
      const updates = collect(b, 'message:updated', 2);
      expect(await ask(a, 'message:edit', { channelId, messageId: sent.id, body: 'typo here' })).toMatchObject({ ok: true, message: { body: 'typo here', editedAt: expect.any(String) } });
      expect(await ask(b, 'message:edit', { channelId, messageId: sent.id, body: 'not mine' })).toMatchObject({ ok: false, error: { status: 403 } });
      await ask(a, 'message:delete', { channelId, messageId: sent.id });
      const [edited, deleted] = await updates;
      expect(edited).toMatchObject({ id: sent.id, body: 'typo here' });
      expect(deleted).toMatchObject({ id: sent.id, body: null, deleted: true });

      const old = (await send(a, 'too late to change')).message;
      await t.dataSource.query(`UPDATE messages SET created_at = now() - interval '16 minutes' WHERE id = $1`, [old.id]);
      expect(await ask(a, 'message:edit', { channelId, messageId: old.id, body: 'changed' })).toMatchObject({ ok: false, error: { status: 403, message: expect.stringMatching(/15 minutes/) } });
    });

    it('lets a moderator hide a message, live for every client', async () => {
      const a = await open(anna);
      const b = await open(boris);
      await ask(a, 'channel:join', { channelId });
      await ask(b, 'channel:join', { channelId });
      const message = (await send(b, 'Buy cheap watches!')).message;
      const hidden = collect(a, 'message:hidden', 1);
      await api().post(`/api/v1/moderation/messages/${message.id}/hide`).set(anna.auth).send({ reason: 'spam' }).expect(403);
      await api().post(`/api/v1/moderation/messages/${message.id}/hide`).set(moderator.auth).send({ reason: 'Advertising.' }).expect(200);
      expect(await hidden).toEqual([{ channelId, messageId: message.id, reason: 'Advertising.' }]);
      const history = await api().get(`/api/v1/channels/${channelId}/messages?after=${message.id - 1}`).expect(200);
      expect(history.body.items[0]).toMatchObject({ id: message.id, body: null, hidden: true });
    });

    it('serves history by REST with keyset pages, to anonymous readers too', async () => {
      const privateId = await t.app.get(ChannelsService).createPrivate('History test', [anna.id]);
      const a = await open(anna);
      const ids: number[] = [];
      for (let i = 0; i < 7; i++) {
        ids.push((await send(a, `history ${i}`, randomUUID(), privateId)).message.id);
        if (i === 4) await new Promise((resolve) => setTimeout(resolve, 10_000 / 10)); // stay under the rate limit
      }
      const newest = await api().get(`/api/v1/channels/${privateId}/messages?limit=3`).set(anna.auth).expect(200);
      expect(newest.body.items.map((m: { id: number }) => m.id)).toEqual(ids.slice(4));
      expect(newest.body.more).toBe(true);
      const older = await api().get(`/api/v1/channels/${privateId}/messages?limit=3&before=${ids[4]}`).set(anna.auth).expect(200);
      expect(older.body.items.map((m: { id: number }) => m.id)).toEqual(ids.slice(1, 4));
      await api().get(`/api/v1/channels/${channelId}/messages?limit=2`).expect(200);
      await api().get(`/api/v1/channels/${channelId}/messages?after=1&before=5`).expect(400);
    });
  });

  describe('notifications', () => {
    it('tells followers who are away, live and stored, and not those present', async () => {
      const topic = (await api().post('/api/v1/initiatives').set(anna.auth).send({ organizationId: (await api().get('/api/v1/me/organizations').set(anna.auth)).body.items[0].id, title: 'Followed discussion', summary: 'A discussion to test who gets told.', kind: 'event', areas: ['culture'], languages: ['pl'] }).expect(201)).body;
      await api().post(`/api/v1/initiatives/${topic.id}/submit`).set(anna.auth).expect(200);
      const topicChannel = (await api().post(`/api/v1/initiatives/${topic.id}/publish`).set(moderator.auth).send({}).expect(200)).body.channelId;

      // Boris follows by posting; then he is connected but not in the channel: away.
      const b = await open(boris);
      await send(b, 'I am interested!', randomUUID(), topicChannel);
      const a = await open(anna);
      await ask(a, 'channel:join', { channelId: topicChannel });
      const pushed = collect(b, 'notification:new', 1);
      await send(a, 'Welcome, Boris', randomUUID(), topicChannel);
      const [{ notification, unread }] = await pushed;
      expect(notification).toMatchObject({ kind: 'channel_message', title: { en: 'New message: Followed discussion' }, body: { en: 'Anna: Welcome, Boris' }, read: false });
      expect(unread).toBeGreaterThanOrEqual(1);

      // Present in the room: no notification.
      await ask(b, 'channel:join', { channelId: topicChannel });
      const none = during(b, 'notification:new', 500);
      await send(a, 'You are here now', randomUUID(), topicChannel);
      expect(await none).toEqual([]);

      const list = await api().get('/api/v1/notifications').set(boris.auth).expect(200);
      expect(list.body.items[0]).toMatchObject({ id: notification.id, kind: 'channel_message' });
      const afterOne = await api().post('/api/v1/notifications/read').set(boris.auth).send({ ids: [notification.id] }).expect(200);
      expect(afterOne.body.unread).toBe(list.body.unread - 1);
      expect((await api().post('/api/v1/notifications/read').set(boris.auth).send({ all: true }).expect(200)).body.unread).toBe(0);
      await api().post('/api/v1/notifications/read').set(boris.auth).send({}).expect(400);
    });

    it('folds a busy discussion into one unread notification per channel', async () => {
      const privateId = await t.app.get(ChannelsService).createPrivate('Folding', [anna.id, boris.id]);
      const a = await open(anna);
      for (let i = 0; i < 3; i++) await send(a, `fold ${i}`, randomUUID(), privateId);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const rows = await t.dataSource.query(`SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2`, [boris.id, privateId]);
      expect(rows).toHaveLength(1);
      expect(rows[0].payload.count).toBe(3);
    });

    it('keeps preferences per kind and sends a daily digest once', async () => {
      await api().put('/api/v1/me/notification-preferences').set(boris.auth).send({ items: [{ kind: 'forum', delivery: 'digest' }, { kind: 'channel_message', delivery: 'email' }] }).expect(200);
      const prefs = await api().get('/api/v1/me/notification-preferences').set(boris.auth).expect(200);
      expect(prefs.body.items).toEqual(expect.arrayContaining([{ kind: 'forum', delivery: 'digest' }, { kind: 'channel_message', delivery: 'email' }, { kind: 'interest', delivery: 'email' }]));
      await api().put('/api/v1/me/notification-preferences').set(boris.auth).send({ items: [{ kind: 'forum', delivery: 'pigeon' }] }).expect(400);

      const notifications = t.app.get(NotificationsService);
      for (const day of ['Monday', 'Tuesday']) {
        await notifications.notify({ userIds: [boris.id], kind: 'forum', title: { pl: `Forum: ${day}`, en: `Forum: ${day}` }, body: { pl: 'Program', en: 'Agenda' }, link: '/forum' });
      }
      expect(await notifications.sendDigests()).toBe(1);
      expect(await notifications.sendDigests()).toBe(0);
      const digests = await t.dataSource.query(`SELECT text FROM mail_outbox WHERE to_address = $1 AND template = 'digest'`, [boris.email]);
      expect(digests).toHaveLength(1);
      expect(digests[0].text).toContain('Forum: Monday');
      expect(digests[0].text).toContain('Forum: Tuesday');
    });

    it('retries a failed e-mail and sends it once', async () => {
      const outbox = t.app.get(MailRepository);
      await t.dataSource.query(`UPDATE mail_outbox SET status = 'sent' WHERE status = 'pending'`);
      const id = await outbox.insert({ to: 'retry@example.org', subject: 'Retry', text: 'Body', template: 'notification', userId: null });
      const attempts: number[] = [];
      const failing = async (mail: { id: number }) => {
        attempts.push(mail.id);
        throw new Error('SMTP 451 try again later');
      };
      expect(await outbox.deliverDue(10, failing)).toEqual({ delivered: 0, failed: 1 });
      const [afterFailure] = await t.dataSource.query(`SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM mail_outbox WHERE id = $1`, [id]);
      expect(afterFailure).toEqual({ status: 'pending', attempts: 1, last_error: 'SMTP 451 try again later', later: true });
      await t.dataSource.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1`, [id]);
      const sent: number[] = [];
      await Promise.all([1, 2].map(() => outbox.deliverDue(10, async (mail) => (sent.push(mail.id), 'sent'))));
      expect(sent).toEqual([id]);
      expect((await outbox.deliverDue(10, async (mail) => (sent.push(mail.id), 'sent'))).delivered).toBe(0);
      expect(sent).toEqual([id]);
    });
  });
});
