import { Logger, type OnModuleDestroy } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  type OnGatewayConnection,
  type OnGatewayInit,
} from '@nestjs/websockets';
import { AccessTokenVerifier } from '../auth/access-token.verifier';
import { ChannelsService } from '../channels/channels.service';
import {
  SocketChannelDto,
  SocketEditMessageDto,
  SocketMessageRefDto,
  SocketSendMessageDto,
} from '../channels/dto/channel.dto';
import type { DomainEvents } from '../common/events/domain-events';
import type { AppServer, AppSocket } from './app-socket';
import { PresenceService } from './presence.service';
import type { AckOf } from './protocol';
import { channelOfRoom, channelRoom, loginRoom, userRoom } from './rooms';
import { acknowledged, clientEvent, parsePayload } from './socket-payload';

/**
 * Open sockets per person on one instance (tabs, windows, devices); the next is refused at the
 * handshake. Per instance: it bounds what one person holds of an instance's memory and fan-out,
 * while the message limit, which is what abuse would need, is per person across instances.
 */
export const SOCKETS_PER_PERSON = 10;

/** At most one `presence` broadcast per room in this period (a burst of joins would send n² events). */
export const PRESENCE_INTERVAL_MS = 500;

/**
 * The Socket.IO gateway: authentication on the handshake (the access token in `auth`, never in
 * the URL), the rooms of rooms.ts, and the protocol of protocol.ts (described in docs/REALTIME.md).
 * It turns domain events into pushes; services never touch sockets.
 */
@WebSocketGateway()
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  @WebSocketServer() server: AppServer;
  /** Rooms whose presence was broadcast less than PRESENCE_INTERVAL_MS ago, and whether it changed since. */
  private readonly presenceWindows = new Map<string, { timer: NodeJS.Timeout; changed: boolean }>();
  private closing = false;
  /** Per person, the sockets open (or being opened) on this instance. */
  private readonly socketsOf = new Map<string, number>();

  constructor(
    private readonly tokens: AccessTokenVerifier,
    private readonly channels: ChannelsService,
    private readonly presence: PresenceService,
  ) {}

  afterInit(server: AppServer): void {
    this.presence.attach(server);
    server.use((socket, next) => {
      this.tokens
        .verify((socket.handshake.auth as { token?: unknown } | undefined)?.token)
        .then((user) => {
          if (!user)
            return next(new Error('unauthorized: log in again (the access token is missing, invalid or expired)'));
          // Counted and decided in one step (no await between): simultaneous handshakes cannot all pass.
          const open = this.socketsOf.get(user.id) ?? 0;
          if (open >= SOCKETS_PER_PERSON)
            return next(
              new Error(
                `too many connections: at most ${SOCKETS_PER_PERSON} open at once; close another tab or window and try again`,
              ),
            );
          this.socketsOf.set(user.id, open + 1);
          socket.data = { user };
          // Given back once, when the socket goes or its connection closes before it was ever connected.
          let counted = true;
          const release = () => {
            if (!counted) return;
            counted = false;
            const left = (this.socketsOf.get(user.id) ?? 1) - 1;
            if (left > 0) this.socketsOf.set(user.id, left);
            else this.socketsOf.delete(user.id);
          };
          socket.once('disconnect', release);
          socket.conn.once('close', release);
          next();
        })
        .catch(() => next(new Error('unauthorized')));
    });
  }

  async handleConnection(socket: AppSocket): Promise<void> {
    const { user } = socket.data;
    await socket.join([userRoom(user.id), loginRoom(user.sessionId)]);
    socket.on('disconnecting', () => {
      const rooms = [...socket.rooms].filter((room) => channelOfRoom(room) !== null);
      // After the socket has left, tell the rooms how many remain.
      setImmediate(() => rooms.forEach((room) => this.presenceChanged(room)));
    });
  }

  @SubscribeMessage(clientEvent('channel:join'))
  async join(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'channel:join'>> {
    const parsed = parsePayload('channel:join', SocketChannelDto, payload);
    if ('error' in parsed) return parsed.error;
    const { channelId, after } = parsed.value;
    return this.guard(async () => {
      await this.channels.readable(channelId, socket.data.user);
      await socket.join(channelRoom(channelId));
      // The acknowledgement carries the count as of this join; the room hears it, coalesced.
      const presence = (await this.presence.usersIn(channelRoom(channelId))).size;
      this.presenceChanged(channelRoom(channelId), presence);
      if (after === undefined) return { ok: true as const, presence };
      const { items, more } = await this.channels.catchUp(channelId, after, socket.data.user);
      return { ok: true as const, presence, missed: items, more };
    });
  }

  @SubscribeMessage(clientEvent('channel:leave'))
  async leave(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'channel:leave'>> {
    const parsed = parsePayload('channel:leave', SocketChannelDto, payload);
    if ('error' in parsed) return parsed.error;
    await socket.leave(channelRoom(parsed.value.channelId));
    this.presenceChanged(channelRoom(parsed.value.channelId));
    return { ok: true };
  }

  /** The message limit is the service's: per person, across sockets, instances and reconnects. */
  @SubscribeMessage(clientEvent('message:send'))
  async send(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'message:send'>> {
    const parsed = parsePayload('message:send', SocketSendMessageDto, payload);
    if ('error' in parsed) return parsed.error;
    const { channelId, body, clientId, lang } = parsed.value;
    return this.guard(async () => ({
      ok: true as const,
      message: await this.channels.send(socket.data.user, channelId, body, clientId, lang ?? null),
    }));
  }

  @SubscribeMessage(clientEvent('message:edit'))
  async edit(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): Promise<AckOf<'message:edit'>> {
    const parsed = parsePayload('message:edit', SocketEditMessageDto, payload);
    if ('error' in parsed) return parsed.error;
    const { channelId, messageId, body } = parsed.value;
    return this.guard(async () => ({
      ok: true as const,
      message: await this.channels.edit(socket.data.user, channelId, messageId, body),
    }));
  }

  @SubscribeMessage(clientEvent('message:delete'))
  async remove(
    @ConnectedSocket() socket: AppSocket,
    @MessageBody() payload: unknown,
  ): Promise<AckOf<'message:delete'>> {
    const parsed = parsePayload('message:delete', SocketMessageRefDto, payload);
    if ('error' in parsed) return parsed.error;
    const { channelId, messageId } = parsed.value;
    return this.guard(async () => ({
      ok: true as const,
      message: await this.channels.remove(socket.data.user, channelId, messageId),
    }));
  }

  @SubscribeMessage(clientEvent('typing'))
  typing(@ConnectedSocket() socket: AppSocket, @MessageBody() payload: unknown): AckOf<'typing'> {
    const parsed = parsePayload('typing', SocketChannelDto, payload);
    if ('error' in parsed) return parsed.error;
    const room = channelRoom(parsed.value.channelId);
    if (!socket.rooms.has(room)) return { ok: false, error: { status: 403, message: 'Join the channel first.' } };
    // At most one typing signal every two seconds per socket.
    if (!socket.data.typingAt || Date.now() - socket.data.typingAt > 2000) {
      socket.data.typingAt = Date.now();
      socket.to(room).emit('typing', {
        channelId: parsed.value.channelId,
        user: { id: socket.data.user.id, displayName: socket.data.user.displayName },
      });
    }
    return { ok: true };
  }

  @OnEvent('message.created')
  onMessageCreated({ message }: DomainEvents['message.created']): void {
    this.server.to(channelRoom(message.channelId)).emit('message:new', message);
  }

  @OnEvent('message.updated')
  onMessageUpdated({ message }: DomainEvents['message.updated']): void {
    const room = this.server.to(channelRoom(message.channelId));
    if (message.hidden)
      room.emit('message:hidden', {
        channelId: message.channelId,
        messageId: message.id,
        reason: message.hiddenReason,
        reasonLang: message.hiddenReasonLang,
      });
    room.emit('message:updated', message);
  }

  @OnEvent('notification.created')
  onNotification({ userId, notification, unread }: DomainEvents['notification.created']): void {
    this.server.to(userRoom(userId)).emit('notification:new', { notification, unread });
  }

  @OnEvent('channel.members_removed')
  onMembersRemoved({ channelId, userIds }: DomainEvents['channel.members_removed']): void {
    // Through the adapter, so a socket on another instance leaves too.
    for (const userId of userIds) this.server.in(userRoom(userId)).socketsLeave(channelRoom(channelId));
  }

  @OnEvent('sessions.revoked')
  onSessionsRevoked({ sessionIds }: DomainEvents['sessions.revoked']): void {
    for (const id of sessionIds) this.server.in(loginRoom(id)).disconnectSockets(true);
  }

  /** Stops coalescing (no timer outlives the app; nothing is broadcast while it closes). */
  onModuleDestroy(): void {
    this.closing = true;
    for (const { timer } of this.presenceWindows.values()) clearTimeout(timer);
    this.presenceWindows.clear();
  }

  /**
   * Someone joined or left a room. A quiet room is told at once (with `count` when the caller has
   * just computed it); after that, changes within PRESENCE_INTERVAL_MS are told once, at the end of
   * the period, with the count of that moment: the last event always carries the final count.
   */
  private presenceChanged(room: string, count?: number): void {
    if (this.closing) return;
    const window = this.presenceWindows.get(room);
    if (window) {
      window.changed = true;
      return;
    }
    this.openPresenceWindow(room);
    void this.announcePresence(room, count);
  }

  private openPresenceWindow(room: string): void {
    const timer = setTimeout(() => {
      const changed = this.presenceWindows.get(room)?.changed;
      this.presenceWindows.delete(room);
      if (changed && !this.closing) {
        this.openPresenceWindow(room);
        void this.announcePresence(room);
      }
    }, PRESENCE_INTERVAL_MS);
    timer.unref();
    this.presenceWindows.set(room, { timer, changed: false });
  }

  private async announcePresence(room: string, known?: number): Promise<void> {
    try {
      const count = known ?? (await this.presence.usersIn(room)).size;
      this.server.to(room).emit('presence', { channelId: channelOfRoom(room)!, count });
    } catch (error) {
      this.logger.error({ msg: 'presence broadcast failed', room, err: String(error) });
    }
  }

  private guard<T>(work: () => Promise<T>) {
    return acknowledged(work, (error) => this.logger.error({ msg: 'socket handler failed', err: String(error) }));
  }
}
