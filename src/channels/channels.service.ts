import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainEventBus } from '../common/events/domain-events';
import { NotificationsService } from '../notifications/notifications.service';
import { isStaff } from '../users/users.constants';
import { CATCH_UP_LIMIT, EDIT_WINDOW_MINUTES } from './channels.constants';
import { ChannelsRepository, type MessageRow } from './channels.repository';
import type { ChannelDto, MessageDto, MessagePageDto } from './dto/channel.dto';
import type { Channel } from './entities/channel.entity';

const NOT_FOUND = 'There is no channel with this id, or you cannot see it.';
const READABLE_INITIATIVE = ['published', 'in_progress', 'completed', 'archived'];
const OPEN_INITIATIVE = ['published', 'in_progress'];

/**
 * Discussion channels: who may read and post (checked on every join and every send), messages
 * stored before they are broadcast, idempotent by the sender's clientId, and catch-up by id.
 */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelsRepository,
    private readonly events: DomainEventBus,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** The discussion of an initiative; created with the initiative. */
  createForInitiative(initiativeId: string, title: string): Promise<number> {
    return this.channels.create('initiative', title.slice(0, 200), initiativeId);
  }

  idForInitiative(initiativeId: string): Promise<number | null> {
    return this.channels.idForInitiative(initiativeId);
  }

  /** A private channel whose only way in is membership (partnerships use these). */
  async createPrivate(title: string, memberIds: string[], manager?: EntityManager): Promise<number> {
    const create = async (m: EntityManager) => {
      const id = await this.channels.create('private', title.slice(0, 200), null, m);
      await this.channels.addMembers(id, memberIds, m);
      return id;
    };
    // Inside the caller's transaction when given (a partnership and its channel are created together).
    return manager ? create(manager) : this.channels.transaction(create);
  }

  addMembers(channelId: number, userIds: string[], manager?: EntityManager): Promise<void> {
    return this.channels.addMembers(channelId, userIds, manager);
  }

  async describe(channelId: number, user?: AuthUser): Promise<ChannelDto> {
    const channel = await this.readable(channelId, user);
    return { id: channel.id, kind: channel.kind, title: channel.title, initiativeId: channel.initiativeId, canPost: !!user && (await this.mayPost(channel, user)) };
  }

  /** Throws 404 unless the user (or an anonymous visitor) may read the channel. */
  async readable(channelId: number, user?: AuthUser): Promise<Channel> {
    const channel = await this.channels.findById(channelId);
    if (!channel) throw new NotFoundException(NOT_FOUND);
    if (channel.kind === 'private') {
      if (!user || !(await this.channels.isMember(channel.id, user.id))) throw new NotFoundException(NOT_FOUND);
      return channel;
    }
    const initiative = await this.channels.initiativeAccess(channel.initiativeId!, user?.id ?? null);
    const insider = !!user && (isStaff(user.role) || !!initiative?.role);
    if (!initiative || (!insider && (initiative.hidden || !READABLE_INITIATIVE.includes(initiative.status)))) throw new NotFoundException(NOT_FOUND);
    return channel;
  }

  async history(channelId: number, options: { after?: number; before?: number; limit?: number }, user?: AuthUser): Promise<MessagePageDto> {
    await this.readable(channelId, user);
    const limit = options.limit ?? 50;
    const rows = await this.channels.history(channelId, { ...options, limit: limit + 1 });
    const more = rows.length > limit;
    const page = options.after !== undefined ? rows.slice(0, limit) : rows.slice(rows.length > limit ? 1 : 0);
    return { items: page.map((row) => this.toDto(row)), more };
  }

  /** What a reconnecting client missed after `after`, in order (at most CATCH_UP_LIMIT; `more` says there is more). */
  catchUp(channelId: number, after: number, user: AuthUser): Promise<MessagePageDto> {
    return this.history(channelId, { after, limit: CATCH_UP_LIMIT }, user);
  }

  /**
   * Stores the message (once per clientId), then announces it. Returns the stored message, which
   * the sender's acknowledgement carries.
   */
  async send(user: AuthUser, channelId: number, body: string, clientId: string): Promise<MessageDto> {
    const channel = await this.readable(channelId, user);
    if (!(await this.mayPost(channel, user))) {
      throw new ForbiddenException(channel.kind === 'private' ? 'Only members of this channel can post.' : 'Only members of a verified organisation can post in discussions, while the initiative is open.');
    }
    const { message, created } = await this.channels.insertMessage(channelId, user.id, clientId, body, channel.kind === 'initiative');
    const dto = this.toDto(message);
    if (created) {
      this.events.emit('message.created', { message: dto });
      void this.notifications.channelMessage(channel, dto);
    }
    return dto;
  }

  async edit(user: AuthUser, channelId: number, messageId: number, body: string): Promise<MessageDto> {
    return this.changeOwn(user, channelId, messageId, { body });
  }

  async remove(user: AuthUser, channelId: number, messageId: number): Promise<MessageDto> {
    return this.changeOwn(user, channelId, messageId, { delete: true });
  }

  async hide(moderator: AuthUser, messageId: number, reason: string): Promise<MessageDto> {
    const hidden = await this.channels.transaction(async (manager) => {
      const changed = await this.channels.hide(messageId, reason, manager);
      if (changed) await this.audit.record({ actorId: moderator.id, action: 'message.hide', targetType: 'message', targetId: String(messageId), reason }, manager);
      return changed;
    });
    const message = await this.channels.findMessageById(messageId);
    if (!message) throw new NotFoundException('There is no message with this id.');
    const dto = this.toDto(message);
    if (hidden) this.events.emit('message.updated', { message: dto });
    return dto;
  }

  private async changeOwn(user: AuthUser, channelId: number, messageId: number, change: { body?: string; delete?: boolean }): Promise<MessageDto> {
    await this.readable(channelId, user);
    const message = await this.channels.findMessage(channelId, messageId);
    if (!message) throw new NotFoundException('There is no message with this id in this channel.');
    if (message.authorId !== user.id) throw new ForbiddenException('You can only change your own messages.');
    if (!(await this.channels.editOwn(channelId, messageId, user.id, EDIT_WINDOW_MINUTES, change))) {
      throw new ForbiddenException(`A message can be edited or deleted only within ${EDIT_WINDOW_MINUTES} minutes of sending it.`);
    }
    const dto = this.toDto((await this.channels.findMessage(channelId, messageId))!);
    this.events.emit('message.updated', { message: dto });
    return dto;
  }

  private async mayPost(channel: Channel, user: AuthUser): Promise<boolean> {
    if (channel.kind === 'private') return this.channels.isMember(channel.id, user.id);
    const initiative = await this.channels.initiativeAccess(channel.initiativeId!, user.id);
    if (!initiative || initiative.hidden || !OPEN_INITIATIVE.includes(initiative.status)) return false;
    return this.channels.belongsToVerifiedOrganization(user.id);
  }

  toDto(row: MessageRow): MessageDto {
    const gone = !!row.deletedAt || !!row.hiddenAt;
    return {
      id: row.id,
      channelId: row.channelId,
      author: { id: row.authorId, displayName: row.authorName ?? 'deleted user' },
      body: gone ? null : row.body,
      clientId: row.clientId,
      createdAt: new Date(row.createdAt).toISOString(),
      editedAt: row.editedAt ? new Date(row.editedAt).toISOString() : null,
      deleted: !!row.deletedAt,
      hidden: !!row.hiddenAt,
      hiddenReason: row.hiddenReason,
    };
  }
}
