import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { DomainEventBus } from '../common/events/domain-events';
import { KeyedTurns } from '../common/keyed-turns';
import { TooManyRequestsException } from '../common/rate-limit/rate-limit.service';
import { Lifecycle } from '../lifecycle/lifecycle';
import { versionFor } from '../common/i18n/translations';
import { NotificationsService, quotedTitle, type ChannelSubject } from '../notifications/notifications.service';
import { PUBLIC_STATUSES } from '../initiatives/initiatives.constants';
import { isStaff, type Locale } from '../users/users.constants';
import { CATCH_UP_LIMIT, EDIT_WINDOW_MINUTES, SEND_LIMIT } from './channels.constants';
import { ChannelsRepository, type MessageRow } from './channels.repository';
import type { ChannelDto, MessageDto, MessagePageDto } from './dto/channel.dto';
import type { Channel } from './entities/channel.entity';

const NOT_FOUND = 'There is no channel with this id, or you cannot see it.';

/**
 * The message limit's bucket of a person, in PostgreSQL's rate_limit_buckets (shared by every
 * instance), counted by the send's own statement (ChannelsRepository.countAndInsertMessage).
 */
const messageBucket = (userId: string) => `messages:person:${userId}`;
const TOO_MANY_MESSAGES = `Too many messages: at most ${SEND_LIMIT.messages} in ${SEND_LIMIT.windowSeconds} seconds. Wait a moment.`;

/**
 * Discussion channels: who may read and post (checked on every join and every send), messages
 * stored before they are broadcast, idempotent by the sender's clientId, and catch-up by id.
 */
@Injectable()
export class ChannelsService {
  /**
   * A channel's announcements, one after another in this process. A channel's statements are
   * answered in the order sent, but what follows an answer takes more or fewer steps (a resend, a
   * refusal, the slow path's checks): announcing in turn keeps `message:new` in id order whatever
   * happens in between.
   */
  private readonly announcing = new KeyedTurns<number>();

  constructor(
    private readonly channels: ChannelsRepository,
    private readonly events: DomainEventBus,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly lifecycle: Lifecycle,
  ) {}

  /**
   * The discussion of an initiative; created with the initiative. (Its title is the initiative's at
   * creation; readers get the initiative's current title in their version, see describe.)
   */
  createForInitiative(initiativeId: string, title: string): Promise<number> {
    return this.channels.create('initiative', title.slice(0, 200), initiativeId);
  }

  idForInitiative(initiativeId: string): Promise<number | null> {
    return this.channels.idForInitiative(initiativeId);
  }

  /**
   * A private channel whose only way in is membership (partnerships use these). `title` is a
   * language-neutral name (a partnership's channel is named by its initiative's title, which the
   * interface words as "Partnership: <title>" in the reader's language).
   */
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

  /**
   * Leaves in the private channel only these people, inside the caller's transaction; answers who
   * was removed, whose sockets `evictAfterCommit` then takes out of the channel's room.
   */
  keepOnlyMembers(channelId: number, userIds: string[], manager: EntityManager): Promise<string[]> {
    return this.channels.keepOnly(channelId, userIds, manager);
  }

  /** After the commit: the removed people's sockets leave the room, on every instance, so nothing more reaches them. */
  evictAfterCommit(channelId: number, userIds: string[]): void {
    if (userIds.length) this.events.emit('channel.members_removed', { channelId, userIds });
  }

  async describe(channelId: number, user?: AuthUser, language: Locale = user?.locale ?? 'pl'): Promise<ChannelDto> {
    const channel = await this.readable(channelId, user);
    const subject = await this.channels.subject(channel.id);
    const title = subject?.language
      ? versionFor({ title: subject.title }, subject.language, subject.translations, 'title', language)
      : { value: channel.title, lang: null };
    return {
      id: channel.id,
      kind: channel.kind,
      title: title.value,
      titleLang: title.lang,
      partnershipId: subject?.partnershipId ?? null,
      initiativeId: channel.initiativeId,
      canPost: !!user && (await this.mayPost(channel, user)),
    };
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
    if (!initiative || (!insider && (initiative.hidden || !PUBLIC_STATUSES.includes(initiative.status))))
      throw new NotFoundException(NOT_FOUND);
    return channel;
  }

  async history(
    channelId: number,
    options: { after?: number; before?: number; limit?: number },
    user?: AuthUser,
  ): Promise<MessagePageDto> {
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
   *
   * Sending is the hot path of the real-time fan-out, so the usual case is one statement (one round
   * trip) that counts the attempt against the person's message limit, checks the same rule as
   * mayPost and stores the message. Every attempt counts, a resend or a refused one included,
   * atomically per person across instances; beyond the limit, a 429 and nothing stored. When it
   * stores nothing otherwise (not allowed, no such channel, or a resend), the checks below run one
   * by one to give the right 404 or 403, or to return the message stored by the first send (never
   * announced twice).
   */
  async send(
    user: AuthUser,
    channelId: number,
    body: string,
    clientId: string,
    language: string | null = null,
  ): Promise<MessageDto> {
    const stored = await this.storeInTurn(user, channelId, clientId, body, language, true);
    if (stored) return stored;

    const channel = await this.readable(channelId, user);
    const refused = () =>
      new ForbiddenException(
        channel.kind === 'private'
          ? 'Only members of this channel can post.'
          : 'Only members of a verified organisation can post in discussions, while the initiative is open.',
      );
    if (!(await this.mayPost(channel, user))) throw refused();
    // Allowed: normally a resend, or else the right to post came in between and this stores it.
    const retried = await this.storeInTurn(user, channelId, clientId, body, language, false);
    if (retried) return retried;
    const first = await this.channels.findSent(channelId, user.id, clientId);
    if (first) return this.toDto(first);
    throw refused(); // and gone again since
  }

  /**
   * The one statement of a send (counted against the limit unless this attempt already was),
   * announced in turn; null if it stored nothing; a 429 beyond the limit. The statement is sent
   * now, not in turn: queued on the channel's connection behind its earlier messages
   * (ChannelsRepository.tryInsertMessage), it is stored while the turn announces the one before,
   * and its id follows theirs.
   */
  private async storeInTurn(
    user: AuthUser,
    channelId: number,
    clientId: string,
    body: string,
    language: string | null,
    count: boolean,
  ): Promise<MessageDto | null> {
    const storing = count
      ? this.channels.countAndInsertMessage(channelId, user.id, clientId, body, language, {
          key: messageBucket(user.id),
          messages: SEND_LIMIT.messages,
          windowSeconds: SEND_LIMIT.windowSeconds,
        })
      : this.channels.tryInsertMessage(channelId, user.id, clientId, body, language).then((stored) => ({
          stored,
          limited: null,
        }));
    storing.catch(() => undefined); // awaited in turn, which may come after it fails
    const { dto, limited } = await this.announcing.run(channelId, async () => {
      const { stored, limited } = await storing;
      return { dto: stored && this.announce(stored.channel, stored.message, stored.othersFollow), limited };
    });
    if (limited)
      throw new TooManyRequestsException(
        Math.max(1, Math.ceil((limited.windowEndsAt.getTime() - Date.now()) / 1000)),
        TOO_MANY_MESSAGES,
      );
    return dto;
  }

  /** What the channel's notifications name it by, in each interface language's version. */
  private async subject(channelId: number): Promise<ChannelSubject> {
    const row = await this.channels.subject(channelId);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return {
      subject: row.language
        ? quotedTitle(row.title, row.language, row.translations)
        : { pl: { text: row.title, lang: null }, en: { text: row.title, lang: null } },
      partnership: !!row.partnershipId,
    };
  }

  /** After the commit: to the room at once, then to followers who are away (never awaited by the sender). */
  private announce(
    channel: Pick<Channel, 'id' | 'initiativeId'>,
    message: MessageRow,
    othersFollow?: boolean,
  ): MessageDto {
    const dto = this.toDto(message);
    this.events.emit('message.created', { message: dto });
    // Not awaited by the sender, but finished before the instance exits (a drain waits for it).
    this.lifecycle.track(
      this.notifications.channelMessage(channel, dto, { othersFollow, subject: () => this.subject(channel.id) }),
    );
    return dto;
  }

  async edit(user: AuthUser, channelId: number, messageId: number, body: string): Promise<MessageDto> {
    return this.changeOwn(user, channelId, messageId, { body });
  }

  async remove(user: AuthUser, channelId: number, messageId: number): Promise<MessageDto> {
    return this.changeOwn(user, channelId, messageId, { delete: true });
  }

  async hide(moderator: AuthUser, messageId: number, reason: string, lang: string | null = null): Promise<MessageDto> {
    const hidden = await this.channels.transaction(async (manager) => {
      const changed = await this.channels.hide(messageId, reason, lang, manager);
      if (changed) {
        await this.audit.record(
          { actorId: moderator.id, action: 'message.hide', targetType: 'message', targetId: String(messageId), reason },
          manager,
        );
        // Notifications quote the message: with the hiding, in the same transaction, they stop quoting it.
        await this.notifications.redactChannelMessage(messageId, 'hidden', manager);
      }
      return changed;
    });
    const message = await this.channels.findMessageById(messageId);
    if (!message) throw new NotFoundException('There is no message with this id.');
    const dto = this.toDto(message);
    if (hidden) this.events.emit('message.updated', { message: dto });
    return dto;
  }

  private async changeOwn(
    user: AuthUser,
    channelId: number,
    messageId: number,
    change: { body?: string; delete?: boolean },
  ): Promise<MessageDto> {
    await this.readable(channelId, user);
    const message = await this.channels.findMessage(channelId, messageId);
    if (!message) throw new NotFoundException('There is no message with this id in this channel.');
    if (message.authorId !== user.id) throw new ForbiddenException('You can only change your own messages.');
    const edit = (manager?: EntityManager) =>
      this.channels.editOwn(channelId, messageId, user.id, EDIT_WINDOW_MINUTES, change, manager);
    // A deleted message's notifications stop quoting it, in the same transaction. (An edit keeps
    // the excerpt taken when the message was sent, as before.)
    const changed = change.delete
      ? await this.channels.transaction(async (manager) => {
          if (!(await edit(manager))) return false;
          await this.notifications.redactChannelMessage(messageId, 'deleted', manager);
          return true;
        })
      : await edit();
    if (!changed) {
      throw new ForbiddenException(
        `A message can be edited or deleted only within ${EDIT_WINDOW_MINUTES} minutes of sending it.`,
      );
    }
    const dto = this.toDto((await this.channels.findMessage(channelId, messageId))!);
    this.events.emit('message.updated', { message: dto });
    return dto;
  }

  /** Who may post: the rule is the SQL of ChannelsRepository (MAY_POST), which the one-statement send uses too. */
  private mayPost(channel: Channel, user: AuthUser): Promise<boolean> {
    return this.channels.canPost(channel.id, user.id);
  }

  toDto(row: MessageRow): MessageDto {
    const gone = !!row.deletedAt || !!row.hiddenAt;
    return {
      id: row.id,
      channelId: row.channelId,
      author: { id: row.authorId, displayName: row.authorName ?? 'deleted user' },
      body: gone ? null : row.body,
      lang: row.language,
      clientId: row.clientId,
      createdAt: new Date(row.createdAt).toISOString(),
      editedAt: row.editedAt ? new Date(row.editedAt).toISOString() : null,
      deleted: !!row.deletedAt,
      hidden: !!row.hiddenAt,
      hiddenReason: row.hiddenReason,
      hiddenReasonLang: row.hiddenReasonLanguage,
    };
  }
}
