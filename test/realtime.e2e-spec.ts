import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Socket } from 'socket.io-client';
import { ChannelsService } from '../src/channels/channels.service';
import { MailRepository } from '../src/mail/mail.repository';
import { CHANNEL_NOTIFY_LOCK, NotificationsRepository } from '../src/notifications/notifications.repository';
import { CHANNEL_NOTIFY_INTERVAL_MS, NotificationsService } from '../src/notifications/notifications.service';
import {
  clearAddressLimits,
  clearMessageLimits,
  logIn,
  signUp,
  verifiedOrganization,
  type SignedIn,
} from './support/accounts';
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
  const send = (socket: Socket, body: string, clientId = randomUUID(), channel = channelId) =>
    ask(socket, 'message:send', { channelId: channel, body, clientId });
  const count = async (sql: string, params: unknown[]) => (await t.dataSource.query(sql, params))[0].n as number;
  /** A published initiative of Anna's school, and its discussion channel. */
  const publishedInitiative = async (title: string) => {
    const organizationId = (await api().get('/api/v1/me/organizations').set(anna.auth)).body.items[0].id;
    const created = (
      await api()
        .post('/api/v1/initiatives')
        .set(anna.auth)
        .send({
          organizationId,
          title,
          summary: 'A discussion for a test of the real-time protocol.',
          kind: 'event',
          areas: ['culture'],
          languages: ['pl'],
        })
        .expect(201)
    ).body;
    await api().post(`/api/v1/initiatives/${created.id}/submit`).set(anna.auth).expect(200);
    const published = (
      await api().post(`/api/v1/initiatives/${created.id}/publish`).set(moderator.auth).send({}).expect(200)
    ).body;
    return { id: created.id as string, channelId: published.channelId as number };
  };
  /** Waits until a query returns a row (work done after the acknowledgement, such as notifications). */
  const eventually = async <T>(sql: string, params: unknown[], timeoutMs = 5000): Promise<T> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const [row] = await t.dataSource.query(sql, params);
      if (row) return row;
      if (Date.now() > until) throw new Error(`no row for ${sql}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

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
      .send({
        organizationId: school.id,
        title: 'Pupil exchange Kraków–Lviv',
        summary: 'A spring exchange of pupils between our schools.',
        kind: 'exchange',
        areas: ['education'],
        languages: ['pl', 'uk'],
      })
      .expect(201);
    initiativeId = initiative.body.id;
    await api().post(`/api/v1/initiatives/${initiativeId}/submit`).set(anna.auth).expect(200);
    const published = await api()
      .post(`/api/v1/initiatives/${initiativeId}/publish`)
      .set(moderator.auth)
      .send({})
      .expect(200);
    channelId = published.body.channelId;
    expect(channelId).toEqual(expect.any(Number));
  });
  beforeEach(async () => {
    await clearAddressLimits(t);
    await clearMessageLimits(t);
  });
  afterEach(() => {
    while (sockets.length) sockets.pop()!.disconnect();
  });
  afterAll(() => t.close());

  describe('authentication on the handshake', () => {
    it('refuses a socket without a token, with a bad one, or with an expired one', async () => {
      expect((await connectError(connect(t.baseUrl!))).message).toMatch(/unauthorized/);
      expect((await connectError(connect(t.baseUrl!, 'not.a.token'))).message).toMatch(/unauthorized/);
      const [, payload] = anna.accessToken.split('.');
      const expired = anna.accessToken.replace(
        payload,
        Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), exp: 1 })).toString(
          'base64url',
        ),
      );
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
      expect(await ask(b, 'channel:join', { channelId: privateId })).toMatchObject({
        ok: false,
        error: { status: 404 },
      });
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
      expect(ack).toEqual({
        ok: true,
        message: expect.objectContaining({
          id: expect.any(Number),
          channelId,
          body: 'Dzień dobry, Lwów!',
          author: { id: anna.id, displayName: 'Anna' },
        }),
      });
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

    it('keeps ids in commit order under concurrent sends: every message acknowledged, stored, and delivered once in id order', async () => {
      const senders = [await open(anna), await open(anna), await open(boris), await open(boris)];
      const receiver = await open(outsider);
      for (const socket of [...senders, receiver]) await ask(socket, 'channel:join', { channelId });
      const marker = randomUUID().slice(0, 8);
      const perSocket = 5; // two sockets a person: 10, the limit per person
      const total = senders.length * perSocket;
      const mine = (m: { body: string }) => m.body.startsWith(`concurrent ${marker}`);
      const seen = [receiver, senders[0], senders[2]].map((socket) => {
        const received: { id: number; body: string }[] = [];
        socket.on('message:new', (m) => mine(m) && received.push(m));
        return received;
      });
      // Every socket sends all of its messages at once, without waiting for acknowledgements.
      const acks = await Promise.all(
        senders.flatMap((socket, s) =>
          Array.from({ length: perSocket }, (_, i) => send(socket, `concurrent ${marker} ${s}.${i}`)),
        ),
      );
      expect(acks.every((ack) => ack.ok && typeof ack.message.id === 'number' && mine(ack.message))).toBe(true);
      const ids = acks.map((ack) => ack.message.id as number);
      expect(new Set(ids).size).toBe(total);
      const deadline = Date.now() + 5000;
      while (seen.some((received) => received.length < total) && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      const sorted = [...ids].sort((x, y) => x - y);
      for (const received of seen) {
        // The order receivers get them is the order of their ids: strictly increasing, nothing lost or repeated.
        expect(received.map((m) => m.id)).toEqual(sorted);
      }
      expect(
        await count(`SELECT count(*)::int AS n FROM messages WHERE channel_id = $1 AND body LIKE $2`, [
          channelId,
          `concurrent ${marker}%`,
        ]),
      ).toBe(total);
      // Catch-up by id returns them in the same order.
      const caughtUp = await ask(receiver, 'channel:join', { channelId, after: sorted[0] - 1 });
      expect(caughtUp.missed.filter(mine).map((m: { id: number }) => m.id)).toEqual(sorted);
    });

    it('refuses who may not post with the same acknowledgements as before, and stores nothing', async () => {
      const marker = randomUUID().slice(0, 8);
      const stored = () => count(`SELECT count(*)::int AS n FROM messages WHERE body LIKE $1`, [`refused ${marker}%`]);
      const NOT_FOUND = 'There is no channel with this id, or you cannot see it.';
      const NOT_VERIFIED =
        'Only members of a verified organisation can post in discussions, while the initiative is open.';

      // A private channel: a non-member is told it does not exist.
      const privateId = await t.app.get(ChannelsService).createPrivate('Refusals', [anna.id]);
      const b = await open(boris);
      expect(await send(b, `refused ${marker} private`, randomUUID(), privateId)).toEqual({
        ok: false,
        error: { status: 404, message: NOT_FOUND },
      });
      // No such channel.
      expect(await send(b, `refused ${marker} unknown`, randomUUID(), 2_000_000_000)).toEqual({
        ok: false,
        error: { status: 404, message: NOT_FOUND },
      });
      // A public discussion: signed in, but in no verified organisation. Nor does the attempt make them a follower.
      const o = await open(outsider);
      expect(await send(o, `refused ${marker} public`)).toEqual({
        ok: false,
        error: { status: 403, message: NOT_VERIFIED },
      });
      expect(
        await count(`SELECT count(*)::int AS n FROM channel_members WHERE channel_id = $1 AND user_id = $2`, [
          channelId,
          outsider.id,
        ]),
      ).toBe(0);

      // An initiative no longer open (completed): readable, but nobody posts, not even its own organisation.
      const closed = await publishedInitiative('Closed discussion');
      await t.dataSource.query(`UPDATE initiatives SET status = 'completed' WHERE id = $1`, [closed.id]);
      const a = await open(anna);
      expect(await send(a, `refused ${marker} completed`, randomUUID(), closed.channelId)).toEqual({
        ok: false,
        error: { status: 403, message: NOT_VERIFIED },
      });
      expect(await send(b, `refused ${marker} completed`, randomUUID(), closed.channelId)).toEqual({
        ok: false,
        error: { status: 403, message: NOT_VERIFIED },
      });
      // Hidden by moderation: gone for others, readable but closed for its own organisation.
      const hidden = await publishedInitiative('Hidden discussion');
      await t.dataSource.query(`UPDATE initiatives SET hidden_at = now() WHERE id = $1`, [hidden.id]);
      expect(await send(b, `refused ${marker} hidden`, randomUUID(), hidden.channelId)).toEqual({
        ok: false,
        error: { status: 404, message: NOT_FOUND },
      });
      expect(await send(a, `refused ${marker} hidden`, randomUUID(), hidden.channelId)).toEqual({
        ok: false,
        error: { status: 403, message: NOT_VERIFIED },
      });
      // An organisation hidden by moderation no longer lets its members post.
      const [{ organization_id: borisOrganization }] = await t.dataSource.query(
        `SELECT organization_id FROM organization_members WHERE user_id = $1`,
        [boris.id],
      );
      await t.dataSource.query(`UPDATE organizations SET hidden_at = now() WHERE id = $1`, [borisOrganization]);
      try {
        expect(await send(b, `refused ${marker} hidden organisation`)).toEqual({
          ok: false,
          error: { status: 403, message: NOT_VERIFIED },
        });
      } finally {
        await t.dataSource.query(`UPDATE organizations SET hidden_at = NULL WHERE id = $1`, [borisOrganization]);
      }

      expect(await stored()).toBe(0);
      // The same people may post where they are allowed.
      expect(await send(b, `allowed ${marker}`)).toMatchObject({ ok: true, message: { body: `allowed ${marker}` } });
    });

    it('answers a resend, even a simultaneous one, with the stored message, and neither broadcasts nor notifies it again', async () => {
      // Boris is a member who is away: he is notified. Outsider is in the room: he receives it.
      const privateId = await t.app.get(ChannelsService).createPrivate('Resends', [anna.id, boris.id, outsider.id]);
      const a = await open(anna);
      const o = await open(outsider);
      await ask(o, 'channel:join', { channelId: privateId });
      const seen = during(o, 'message:new', 800);
      const clientId = randomUUID();
      const [first, second] = await Promise.all([
        send(a, 'Sent three times', clientId, privateId),
        send(a, 'Sent three times', clientId, privateId),
      ]);
      const third = await send(a, 'Sent three times (changed)', clientId, privateId);
      expect(first).toMatchObject({ ok: true, message: { body: 'Sent three times', clientId } });
      expect(second).toEqual(first);
      expect(third).toEqual(first);
      expect((await seen).map((m) => m.id)).toEqual([first.message.id]);
      expect(await count(`SELECT count(*)::int AS n FROM messages WHERE client_id = $1`, [clientId])).toBe(1);
      const notified = await t.dataSource.query(
        `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2`,
        [boris.id, privateId],
      );
      expect(notified).toHaveLength(1);
      expect(notified[0].payload).toMatchObject({ messageId: first.message.id });
      expect(notified[0].payload.count).toBeUndefined();
    });

    it('coalesces presence: far fewer events than joins, and the last one carries the final count', async () => {
      const people = [anna, boris, outsider, moderator];
      for (let i = 0; i < 6; i++) people.push(await signUp(t, email('present')));
      const privateId = await t.app.get(ChannelsService).createPrivate(
        'Presence',
        people.map((p) => p.id),
      );
      const perPerson = 2;
      const joiners: Socket[] = [];
      for (const person of people) for (let i = 0; i < perPerson; i++) joiners.push(await open(person));
      const events = joiners.map((socket) => {
        const received: { channelId: number; count: number }[] = [];
        socket.on('presence', (p) => received.push(p));
        return received;
      });

      const started = Date.now();
      const acks = await Promise.all(joiners.map((socket) => ask(socket, 'channel:join', { channelId: privateId })));
      const burstMs = Date.now() - started;
      // Each acknowledgement carries the count at its own join; the last join counts everyone.
      expect(acks.every((ack) => ack.ok && ack.presence >= 1 && ack.presence <= people.length)).toBe(true);
      expect(Math.max(...acks.map((ack) => ack.presence))).toBe(people.length);
      await new Promise((resolve) => setTimeout(resolve, 1300)); // past the trailing broadcast (500 ms)

      const joins = joiners.length;
      // Uncoalesced, the k-th socket to join would get one event per later join: joins - k.
      const bound = 2 + Math.ceil(burstMs / 500);
      for (const received of events) {
        expect(received.length).toBeGreaterThanOrEqual(1);
        expect(received.length).toBeLessThanOrEqual(bound);
        expect(received[received.length - 1]).toEqual({ channelId: privateId, count: people.length });
      }
      const totalEvents = events.reduce((sum, received) => sum + received.length, 0);
      expect(totalEvents).toBeLessThan((joins * (joins - 1)) / 2 / 3);

      // Leaving and disconnecting are coalesced the same way, and the final count is told.
      const leaving = new Set(joiners.slice(0, 3 * perPerson)); // every socket of the first three people
      for (const received of events) received.length = 0;
      await Promise.all(
        [...leaving].map((socket, i) =>
          i % 2 ? (socket.disconnect(), Promise.resolve()) : ask(socket, 'channel:leave', { channelId: privateId }),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 1300));
      joiners.forEach((socket, i) => {
        if (leaving.has(socket)) return;
        expect(events[i].length).toBeGreaterThanOrEqual(1);
        expect(events[i].length).toBeLessThanOrEqual(3);
        expect(events[i][events[i].length - 1]).toEqual({ channelId: privateId, count: people.length - 3 });
      });
    });

    it('lets only members of a verified organisation post in a public discussion', async () => {
      const o = await open(outsider);
      const ack = await send(o, 'Can I post?');
      expect(ack).toMatchObject({
        ok: false,
        error: { status: 403, message: expect.stringMatching(/verified organisation/) },
      });
    });

    it('validates payloads with the same DTOs as REST and refuses oversized ones', async () => {
      const a = await open(anna);
      expect(await ask(a, 'message:send', { channelId, body: 'no client id' })).toMatchObject({
        ok: false,
        error: { status: 400, fields: { clientId: expect.any(Array) } },
      });
      expect(await ask(a, 'message:send', { channelId, body: 'x', clientId: randomUUID(), admin: true })).toMatchObject(
        { ok: false, error: { status: 400, message: expect.stringMatching(/admin is not a known field/) } },
      );
      expect(await ask(a, 'message:send', { channelId, body: 'x'.repeat(4001), clientId: randomUUID() })).toMatchObject(
        { ok: false, error: { status: 400 } },
      );
      expect(await ask(a, 'channel:join', 'not an object')).toMatchObject({ ok: false, error: { status: 400 } });
      const gone = new Promise<string>((resolve) => a.once('disconnect', resolve));
      a.emit('message:send', { channelId, body: 'y'.repeat(20_000), clientId: randomUUID() });
      expect(await gone).toBe('transport close');
    });

    it('limits a person to 10 messages in 10 seconds, whichever socket sends; beyond that an error and nothing stored', async () => {
      const a = await open(anna);
      const a2 = await open(anna);
      const marker = randomUUID().slice(0, 8);
      const acks = [];
      for (let i = 0; i < 11; i++) acks.push(await send(i % 2 ? a2 : a, `burst ${marker} ${i}`));
      expect(acks.slice(0, 10).every((ack) => ack.ok)).toBe(true);
      expect(acks[10]).toMatchObject({ ok: false, error: { status: 429 } });
      expect(await count(`SELECT count(*)::int AS n FROM messages WHERE body LIKE $1`, [`burst ${marker}%`])).toBe(10);
    });

    it('counts the limit per person in the database even across channels: of 12 sent at once into two, 10 stored and heard, 2 refused', async () => {
      const other = await publishedInitiative('A second discussion, for the message limit');
      const a = await open(anna);
      const listener = await open(boris);
      await ask(listener, 'channel:join', { channelId });
      await ask(listener, 'channel:join', { channelId: other.channelId });
      const heard = during<{ id: number; body: string }>(listener, 'message:new', 1500);
      const marker = randomUUID().slice(0, 8);
      // Two channels: two statements in flight at once on two connections, one person's count.
      const acks = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          send(a, `limit ${marker} ${i}`, randomUUID(), i % 2 ? other.channelId : channelId),
        ),
      );
      const refused = acks.filter((ack) => !ack.ok);
      expect(acks.filter((ack) => ack.ok)).toHaveLength(10);
      expect(refused).toHaveLength(2);
      for (const ack of refused)
        expect(ack.error).toMatchObject({ status: 429, message: expect.stringMatching(/at most 10 in 10 seconds/) });
      expect(
        await count(`SELECT count(*)::int AS n FROM messages WHERE body LIKE $1 AND channel_id = ANY($2)`, [
          `limit ${marker}%`,
          [channelId, other.channelId],
        ]),
      ).toBe(10);
      // Only what was stored reaches the room.
      const bodies = (await heard).map((m) => m.body).filter((body) => body.startsWith(`limit ${marker}`));
      expect(bodies.sort()).toEqual(
        acks
          .filter((ack) => ack.ok)
          .map((ack) => ack.message.body as string)
          .sort(),
      );
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
      expect(await ask(a, 'message:edit', { channelId, messageId: sent.id, body: 'typo here' })).toMatchObject({
        ok: true,
        message: { body: 'typo here', editedAt: expect.any(String) },
      });
      expect(await ask(b, 'message:edit', { channelId, messageId: sent.id, body: 'not mine' })).toMatchObject({
        ok: false,
        error: { status: 403 },
      });
      await ask(a, 'message:delete', { channelId, messageId: sent.id });
      const [edited, deleted] = await updates;
      expect(edited).toMatchObject({ id: sent.id, body: 'typo here' });
      expect(deleted).toMatchObject({ id: sent.id, body: null, deleted: true });

      const old = (await send(a, 'too late to change')).message;
      await t.dataSource.query(`UPDATE messages SET created_at = now() - interval '16 minutes' WHERE id = $1`, [
        old.id,
      ]);
      expect(await ask(a, 'message:edit', { channelId, messageId: old.id, body: 'changed' })).toMatchObject({
        ok: false,
        error: { status: 403, message: expect.stringMatching(/15 minutes/) },
      });
    });

    it('lets a moderator hide a message, live for every client', async () => {
      const a = await open(anna);
      const b = await open(boris);
      await ask(a, 'channel:join', { channelId });
      await ask(b, 'channel:join', { channelId });
      const message = (await send(b, 'Buy cheap watches!')).message;
      const hidden = collect(a, 'message:hidden', 1);
      await api()
        .post(`/api/v1/moderation/messages/${message.id}/hide`)
        .set(anna.auth)
        .send({ reason: 'spam' })
        .expect(403);
      await api()
        .post(`/api/v1/moderation/messages/${message.id}/hide`)
        .set(moderator.auth)
        .send({ reason: 'Advertising.' })
        .expect(200);
      expect(await hidden).toEqual([{ channelId, messageId: message.id, reason: 'Advertising.', reasonLang: null }]);
      const history = await api()
        .get(`/api/v1/channels/${channelId}/messages?after=${message.id - 1}`)
        .expect(200);
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
      const older = await api()
        .get(`/api/v1/channels/${privateId}/messages?limit=3&before=${ids[4]}`)
        .set(anna.auth)
        .expect(200);
      expect(older.body.items.map((m: { id: number }) => m.id)).toEqual(ids.slice(1, 4));
      await api().get(`/api/v1/channels/${channelId}/messages?limit=2`).expect(200);
      await api().get(`/api/v1/channels/${channelId}/messages?after=1&before=5`).expect(400);
    });
  });

  describe('notifications', () => {
    it('tells followers who are away, live and stored, and not those present', async () => {
      const topic = (
        await api()
          .post('/api/v1/initiatives')
          .set(anna.auth)
          .send({
            organizationId: (await api().get('/api/v1/me/organizations').set(anna.auth)).body.items[0].id,
            title: 'Followed discussion',
            summary: 'A discussion to test who gets told.',
            kind: 'event',
            areas: ['culture'],
            languages: ['pl'],
          })
          .expect(201)
      ).body;
      await api().post(`/api/v1/initiatives/${topic.id}/submit`).set(anna.auth).expect(200);
      const topicChannel = (
        await api().post(`/api/v1/initiatives/${topic.id}/publish`).set(moderator.auth).send({}).expect(200)
      ).body.channelId;

      // Boris follows by posting; then he is connected but not in the channel: away.
      const b = await open(boris);
      await send(b, 'I am interested!', randomUUID(), topicChannel);
      const a = await open(anna);
      await ask(a, 'channel:join', { channelId: topicChannel });
      const pushed = collect(b, 'notification:new', 1);
      await send(a, 'Welcome, Boris', randomUUID(), topicChannel);
      const [{ notification, unread }] = await pushed;
      expect(notification).toMatchObject({
        kind: 'channel_message',
        title: { en: 'New message: Followed discussion' },
        body: { en: 'Anna: Welcome, Boris' },
        read: false,
      });
      expect(unread).toBeGreaterThanOrEqual(1);

      // Present in the room: no notification.
      await ask(b, 'channel:join', { channelId: topicChannel });
      const none = during(b, 'notification:new', 500);
      await send(a, 'You are here now', randomUUID(), topicChannel);
      expect(await none).toEqual([]);

      const list = await api().get('/api/v1/notifications').set(boris.auth).expect(200);
      expect(list.body.items[0]).toMatchObject({ id: notification.id, kind: 'channel_message' });
      const afterOne = await api()
        .post('/api/v1/notifications/read')
        .set(boris.auth)
        .send({ ids: [notification.id] })
        .expect(200);
      expect(afterOne.body.unread).toBe(list.body.unread - 1);
      expect(
        (await api().post('/api/v1/notifications/read').set(boris.auth).send({ all: true }).expect(200)).body.unread,
      ).toBe(0);
      await api().post('/api/v1/notifications/read').set(boris.auth).send({}).expect(400);
    });

    it('folds a busy discussion into one unread notification per channel', async () => {
      const privateId = await t.app.get(ChannelsService).createPrivate('Folding', [anna.id, boris.id]);
      const a = await open(anna);
      for (let i = 0; i < 3; i++) await send(a, `fold ${i}`, randomUUID(), privateId);
      // The first is told at once, the two after it at the end of the channel's window.
      await eventually(
        `SELECT 1 FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2 AND (payload->>'count')::int = 3`,
        [boris.id, privateId],
      );
      const rows = await t.dataSource.query(
        `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2`,
        [boris.id, privateId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].payload.count).toBe(3);
    });

    it('tells of a burst from several authors in few passes: one notification that counts them all and quotes the last', async () => {
      const carla = await signUp(t, email('carla'), { displayName: 'Carla' });
      const privateId = await t.app
        .get(ChannelsService)
        .createPrivate('Burst', [anna.id, boris.id, carla.id, outsider.id]);
      const followerLookUps = jest.spyOn(t.app.get(NotificationsRepository), 'channelFollowers');
      try {
        // Three authors, four messages each, as fast as they are acknowledged; Boris is away.
        const authors = [await open(anna), await open(carla), await open(outsider)];
        const sent = (
          await Promise.all(
            authors.map(async (socket, s) => {
              const mine: { id: number; body: string }[] = [];
              for (let m = 0; m < 4; m++)
                mine.push((await send(socket, `burst ${s}.${m}`, randomUUID(), privateId)).message);
              return mine;
            }),
          )
        ).flat();
        expect(sent).toHaveLength(12);
        const last = sent.reduce((a, b) => (b.id > a.id ? b : a));
        const { payload } = await eventually<{ payload: Record<string, unknown> }>(
          `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2 AND (payload->>'count')::int = 12`,
          [boris.id, privateId],
        );
        expect(payload).toMatchObject({ messageId: last.id, params: { text: { text: last.body } } });
        const borisList = (await api().get('/api/v1/notifications?limit=50').set(boris.auth).expect(200)).body.items;
        const told = borisList.filter((item: { link: string }) => item.link === `/channels/${privateId}`);
        expect(told).toHaveLength(1);
        expect(told[0]).toMatchObject({
          read: false,
          body: { en: expect.stringMatching(new RegExp(`: ${last.body}$`)) },
        });

        // An author is told only of the others' messages: Anna of Carla's and Outsider's 8, quoting the last of those.
        const lastByOthers = sent.filter((m) => !m.body.startsWith('burst 0.')).reduce((a, b) => (b.id > a.id ? b : a));
        const annas = await eventually<{ payload: Record<string, unknown> }>(
          `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2 AND (payload->>'count')::int = 8`,
          [anna.id, privateId],
        );
        expect(annas.payload).toMatchObject({ messageId: lastByOthers.id });

        // Handled in a few passes (the first message at once, the rest once per window), not one per message.
        await new Promise((resolve) => setTimeout(resolve, 2 * CHANNEL_NOTIFY_INTERVAL_MS));
        const passes = followerLookUps.mock.calls.filter(([id]) => id === privateId).length;
        expect(passes).toBeGreaterThanOrEqual(2);
        expect(passes).toBeLessThanOrEqual(5);
      } finally {
        followerLookUps.mockRestore();
      }
    });

    it('neither quotes nor counts a message hidden while it waits for its pass', async () => {
      const privateId = await t.app.get(ChannelsService).createPrivate('Hidden in a window', [anna.id, boris.id]);
      const a = await open(anna);
      // The channel's notification lock held here: the passes wait (the first one, and the one for
      // the window after it), whatever the machine's speed, until the moderator has hidden the spam.
      const holder = t.dataSource.createQueryRunner();
      await holder.connect();
      try {
        await holder.query(`SELECT pg_advisory_lock($1::int, $2::int)`, [CHANNEL_NOTIFY_LOCK, privateId]);
        const first = (await send(a, 'Hello Boris', randomUUID(), privateId)).message;
        const fine = (await send(a, 'The meeting is on Monday', randomUUID(), privateId)).message;
        const spam = (await send(a, 'Call 555-0199 for cheap watches', randomUUID(), privateId)).message;
        await api()
          .post(`/api/v1/moderation/messages/${spam.id}/hide`)
          .set(moderator.auth)
          .send({ reason: 'Advertising.' })
          .expect(200);
        expect(first.id).toBeLessThan(fine.id);
        await holder.query(`SELECT pg_advisory_unlock($1::int, $2::int)`, [CHANNEL_NOTIFY_LOCK, privateId]);
        const { payload } = await eventually<{ payload: Record<string, unknown> }>(
          `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2 AND (payload->>'messageId')::bigint = $3`,
          [boris.id, privateId, fine.id],
        );
        // Nothing more comes (the spam's pass, if it was a pass of its own, writes nothing).
        await new Promise((resolve) => setTimeout(resolve, 2 * CHANNEL_NOTIFY_INTERVAL_MS));
        const rows = await t.dataSource.query(
          `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2`,
          [boris.id, privateId],
        );
        expect(rows).toHaveLength(1);
        expect(rows[0].payload).toEqual(payload);
        expect(payload).toMatchObject({
          messageId: fine.id,
          count: 2,
          body: { en: 'Anna: The meeting is on Monday' },
        });
        expect(JSON.stringify(rows)).not.toContain('555-0199');
      } finally {
        await holder.query(`SELECT pg_advisory_unlock_all()`);
        await holder.release();
      }
    });

    it('stops quoting a message in notifications once it is hidden or deleted', async () => {
      const privateId = await t.app.get(ChannelsService).createPrivate('Redaction', [anna.id, boris.id]);
      const a = await open(anna);
      const notificationOf = async () => {
        const list = await api().get('/api/v1/notifications?limit=50').set(boris.auth).expect(200);
        return list.body.items.find((item: { link: string }) => item.link === `/channels/${privateId}`);
      };
      const payloadWith = (messageId: number) =>
        eventually<{ payload: Record<string, unknown> }>(
          `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2 AND (payload->>'messageId')::bigint = $3`,
          [boris.id, privateId, messageId],
        );

      // Boris is away: told, with an excerpt, which a moderator then hides.
      const spam = (await send(a, 'Call 555-0100 for cheap watches', randomUUID(), privateId)).message;
      expect((await payloadWith(spam.id)).payload).toMatchObject({
        messageId: spam.id,
        body: { en: 'Anna: Call 555-0100 for cheap watches' },
      });
      await api()
        .post(`/api/v1/moderation/messages/${spam.id}/hide`)
        .set(moderator.auth)
        .send({ reason: 'Advertising.' })
        .expect(200);
      const hidden = await notificationOf();
      expect(hidden.body).toEqual({
        pl: 'Wiadomość została ukryta przez moderatora.',
        en: 'The message was hidden by a moderator.',
      });
      expect(JSON.stringify(hidden)).not.toContain('555-0100');

      // The next message folds into the same unread notification and is quoted; deleted by its author, it is not.
      const regret = (await send(a, 'My home address is Floriańska 1', randomUUID(), privateId)).message;
      const folded = await payloadWith(regret.id);
      expect(folded.payload).toMatchObject({
        messageId: regret.id,
        count: 2,
        body: { en: 'Anna: My home address is Floriańska 1' },
      });
      expect(await ask(a, 'message:delete', { channelId: privateId, messageId: regret.id })).toMatchObject({
        ok: true,
        message: { deleted: true },
      });
      const deleted = await notificationOf();
      expect(deleted).toMatchObject({
        id: hidden.id,
        body: { pl: 'Wiadomość została usunięta.', en: 'The message was deleted.' },
      });
      expect(JSON.stringify(deleted)).not.toContain('Floriańska');
      const rows = await t.dataSource.query(
        `SELECT payload::text AS payload FROM notifications WHERE (payload->>'channelId')::int = $1`,
        [privateId],
      );
      expect(rows.map((row: { payload: string }) => row.payload).join()).not.toMatch(/555-0100|Floriańska/);
    });

    it('keeps preferences per kind and sends a daily digest once', async () => {
      await api()
        .put('/api/v1/me/notification-preferences')
        .set(boris.auth)
        .send({
          items: [
            { kind: 'forum', delivery: 'digest' },
            { kind: 'channel_message', delivery: 'email' },
          ],
        })
        .expect(200);
      const prefs = await api().get('/api/v1/me/notification-preferences').set(boris.auth).expect(200);
      expect(prefs.body.items).toEqual(
        expect.arrayContaining([
          { kind: 'forum', delivery: 'digest' },
          { kind: 'channel_message', delivery: 'email' },
          { kind: 'interest', delivery: 'email' },
        ]),
      );
      await api()
        .put('/api/v1/me/notification-preferences')
        .set(boris.auth)
        .send({ items: [{ kind: 'forum', delivery: 'pigeon' }] })
        .expect(400);

      const notifications = t.app.get(NotificationsService);
      for (const day of ['Monday', 'Tuesday']) {
        await notifications.notify({
          userIds: [boris.id],
          kind: 'forum',
          event: 'session_place',
          params: { subject: { pl: { text: `Forum: ${day}`, lang: 'en' }, en: { text: `Forum: ${day}`, lang: 'en' } } },
          link: '/forum',
        });
      }
      expect(await notifications.sendDigests()).toBe(1);
      expect(await notifications.sendDigests()).toBe(0);
      const digests = await t.dataSource.query(
        `SELECT text FROM mail_outbox WHERE to_address = $1 AND template = 'digest'`,
        [boris.email],
      );
      expect(digests).toHaveLength(1);
      expect(digests[0].text).toContain('Forum: Monday');
      expect(digests[0].text).toContain('Forum: Tuesday');
    });

    it('retries a failed e-mail and sends it once', async () => {
      const outbox = t.app.get(MailRepository);
      await t.dataSource.query(`UPDATE mail_outbox SET status = 'sent' WHERE status = 'pending'`);
      const id = await outbox.insert({
        to: 'retry@example.org',
        subject: 'Retry',
        text: 'Body',
        template: 'notification',
        userId: null,
      });
      const attempts: number[] = [];
      const failing = (mail: { id: number }) => {
        attempts.push(mail.id);
        return Promise.reject(new Error('SMTP 451 try again later'));
      };
      expect(await outbox.deliverDue(10, failing)).toEqual({ delivered: 0, failed: 1 });
      const [afterFailure] = await t.dataSource.query(
        `SELECT status, attempts, last_error, next_attempt_at > now() AS later FROM mail_outbox WHERE id = $1`,
        [id],
      );
      expect(afterFailure).toEqual({
        status: 'pending',
        attempts: 1,
        last_error: 'SMTP 451 try again later',
        later: true,
      });
      await t.dataSource.query(`UPDATE mail_outbox SET next_attempt_at = now() WHERE id = $1`, [id]);
      const sent: number[] = [];
      const send = (mail: { id: number }) => {
        sent.push(mail.id);
        return Promise.resolve('sent' as const);
      };
      await Promise.all([1, 2].map(() => outbox.deliverDue(10, send)));
      expect(sent).toEqual([id]);
      expect((await outbox.deliverDue(10, send)).delivered).toBe(0);
      expect(sent).toEqual([id]);
    });
  });
});
