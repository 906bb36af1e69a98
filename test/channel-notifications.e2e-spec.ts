import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ChannelsService } from '../src/channels/channels.service';
import { dataSourceOptions } from '../src/database/data-source-options';
import { drain } from '../src/lifecycle/drain';
import { NotificationsRepository } from '../src/notifications/notifications.repository';
import { signUp, type SignedIn } from './support/accounts';
import { ask, connect, connected } from './support/sockets';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A channel's message notifications are coalesced per window (NotificationsService.channelMessage);
 * an instance that winds down waits for no window's end, and loses none of what a window collected.
 * Each test stops its own app.
 */
describe('channel notifications when the instance winds down', () => {
  /** Anna writes twice in quick succession to Boris, who is away: the second waits in the channel's window. */
  async function twoMessagesToBoris(t: TestApp) {
    const anna = await signUp(t, `anna.${randomUUID()}@example.org`, { displayName: 'Anna' });
    const boris: SignedIn = await signUp(t, `boris.${randomUUID()}@example.org`, { displayName: 'Boris' });
    const channelId = await t.app.get(ChannelsService).createPrivate('Winding down', [anna.id, boris.id]);
    const socket = connect(t.baseUrl!, anna.accessToken);
    await connected(socket);
    const send = async (body: string) =>
      (
        await ask<{ ok: boolean; message: { id: number } }>(socket, 'message:send', {
          channelId,
          body,
          clientId: randomUUID(),
        })
      ).message;
    const first = await send('First');
    const second = await send('Second');
    return { boris, channelId, socket, first, second };
  }
  const notificationsOf = (dataSource: DataSource, userId: string, channelId: number) =>
    dataSource.query<{ payload: { count?: number; messageId: number } }[]>(
      `SELECT payload FROM notifications WHERE user_id = $1 AND (payload->>'channelId')::int = $2`,
      [userId, channelId],
    );

  it('a drain hands what a window collected to a pass at once, and waits for it', async () => {
    const t = await startTestApp({ listen: true, seed: false });
    try {
      const { boris, channelId, socket, second } = await twoMessagesToBoris(t);
      const followerLookUps = jest.spyOn(t.app.get(NotificationsRepository), 'channelFollowers');
      const passesBefore = followerLookUps.mock.calls.length;
      const draining = drain(t.app, 5000);
      // The collected message's pass started with the drain, not at the end of the window.
      expect(followerLookUps.mock.calls.length).toBe(passesBefore + 1);
      const outcome = await draining;
      socket.disconnect();
      expect(outcome.complete).toBe(true);
      const rows = await notificationsOf(t.dataSource, boris.id, channelId);
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toMatchObject({ count: 2, messageId: second.id });
    } finally {
      await t.close();
    }
  });

  it('closing the app writes what a window collected before the database closes', async () => {
    const t = await startTestApp({ listen: true, seed: false });
    const reader = new DataSource(dataSourceOptions(t.database.url, { extra: { max: 1 } }));
    try {
      const { boris, channelId, socket, second } = await twoMessagesToBoris(t);
      socket.disconnect();
      await t.app.close();
      await reader.initialize();
      const rows = await notificationsOf(reader, boris.id, channelId);
      expect(rows).toHaveLength(1);
      expect(rows[0].payload).toMatchObject({ count: 2, messageId: second.id });
    } finally {
      if (reader.isInitialized) await reader.destroy();
      await t.database.drop();
    }
  });
});
