import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { MessageDto } from '../channels/dto/channel.dto';
import type { Channel } from '../channels/entities/channel.entity';
import { DomainEventBus } from '../common/events/domain-events';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService, type MailRequest } from '../mail/mail.service';
import type { MailTemplate } from '../mail/mail-templates';
import { PresenceService } from '../realtime/presence.service';
import { channelRoom } from '../realtime/rooms';
import type { NotificationDto, NotificationPageDto, PreferenceDto } from './dto/notification.dto';
import type { Notification } from './entities/notification.entity';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, type NotificationKind } from './notifications.constants';
import { NotificationsRepository, type Recipient } from './notifications.repository';

type Localized = { pl: string; en: string };

/** What a notification says instead of quoting a message that is no longer shown. */
const REDACTED: Record<'hidden' | 'deleted', Localized> = {
  hidden: { pl: 'Wiadomość została ukryta przez moderatora.', en: 'The message was hidden by a moderator.' },
  deleted: { pl: 'Wiadomość została usunięta.', en: 'The message was deleted.' },
};

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  title: Localized;
  body: Localized;
  /** Path of the page to open (the client's route). */
  link: string;
  /** A specific e-mail for people who want e-mail at once (otherwise a generic one with the texts). */
  mail?: (recipient: Recipient) => MailRequest<MailTemplate>;
}

/**
 * Notifications: stored (with their e-mail, in one transaction, so an acknowledged notification is
 * never lost and its mail is sent once from the stored row), then pushed live to user:<id>.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mail: MailService,
    private readonly events: DomainEventBus,
    private readonly presence: PresenceService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async notify(input: NotifyInput): Promise<void> {
    const recipients = await this.notifications.recipients(input.userIds, input.kind);
    if (!recipients.length) return;
    const payload = { title: input.title, body: input.body, link: input.link };
    const created = await this.notifications.transaction(async (manager) => {
      const rows: Notification[] = [];
      for (const recipient of recipients) {
        rows.push(
          await this.notifications.insert(
            { userId: recipient.userId, kind: input.kind, payload, delivery: recipient.delivery },
            manager,
          ),
        );
        if (recipient.delivery === 'email')
          await this.mail.enqueue(input.mail?.(recipient) ?? this.genericMail(recipient, payload), manager);
      }
      return rows;
    });
    if (recipients.some((r) => r.delivery === 'email')) await this.mail.deliverNow();
    await this.push(created);
  }

  /**
   * A new message: its channel's members and followers who are away are told. `othersFollow:
   * false` (known from the send itself) means nobody but the author follows: nothing to look up.
   */
  async channelMessage(
    channel: Pick<Channel, 'id' | 'title' | 'initiativeId'>,
    message: MessageDto,
    options: { othersFollow?: boolean } = {},
  ): Promise<void> {
    if (options.othersFollow === false) return;
    try {
      const followers = (await this.notifications.channelFollowers(channel.id)).filter(
        (id) => id !== message.author.id,
      );
      if (!followers.length) return;
      const present = await this.presence.usersIn(channelRoom(channel.id));
      const away = followers.filter((id) => !present.has(id));
      const recipients = await this.notifications.recipients(away, 'channel_message');
      if (!recipients.length) return;
      const link = channel.initiativeId ? `/initiatives/${channel.initiativeId}#discussion` : `/channels/${channel.id}`;
      const excerpt = (message.body ?? '').slice(0, 140);
      const payload = {
        title: { pl: `Nowa wiadomość: ${channel.title}`, en: `New message: ${channel.title}` },
        body: { pl: `${message.author.displayName}: ${excerpt}`, en: `${message.author.displayName}: ${excerpt}` },
        link,
        channelId: channel.id,
        // Which message the excerpt quotes (the latest, when several are folded): hiding or deleting it redacts the excerpt.
        messageId: message.id,
      };
      const changed = await this.notifications.transaction(async (manager) => {
        const rows: Notification[] = [];
        // One writer per channel at a time (folding), and the message locked against hiding or
        // deletion until these are committed, so the redaction cannot miss them; a message already
        // hidden or deleted is not quoted at all.
        if (!(await this.notifications.lockForChannelMessage(channel.id, message.id, manager))) return rows;
        for (const recipient of recipients) {
          const folded = await this.notifications.foldChannelMessage(recipient.userId, channel.id, payload, manager);
          rows.push(
            folded ??
              (await this.notifications.insert(
                { userId: recipient.userId, kind: 'channel_message', payload, delivery: recipient.delivery },
                manager,
              )),
          );
          if (!folded && recipient.delivery === 'email')
            await this.mail.enqueue(this.genericMail(recipient, payload), manager);
        }
        return rows;
      });
      if (recipients.some((r) => r.delivery === 'email')) await this.mail.deliverNow();
      await this.push(changed);
    } catch (error) {
      // The message itself is stored and delivered; a failed notification is logged, not thrown at the sender.
      this.logger.error({ msg: 'channel notifications failed', channelId: channel.id, err: String(error) });
    }
  }

  /**
   * A channel message was hidden by a moderator or deleted by its author: notifications quoting it
   * say so instead (within the caller's transaction, the one that hides or deletes it).
   */
  async redactChannelMessage(messageId: number, why: 'hidden' | 'deleted', manager: EntityManager): Promise<void> {
    await this.notifications.redactChannelMessage(messageId, REDACTED[why], manager);
  }

  async page(user: AuthUser, cursor: number | undefined, limit: number): Promise<NotificationPageDto> {
    const rows = await this.notifications.page(user.id, cursor, limit + 1);
    const items = rows.slice(0, limit).map((row) => this.toDto(row));
    return {
      items,
      unread: await this.notifications.unreadCount(user.id),
      nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null,
    };
  }

  async markRead(user: AuthUser, ids: number[] | 'all'): Promise<{ unread: number }> {
    await this.notifications.markRead(user.id, ids);
    return { unread: await this.notifications.unreadCount(user.id) };
  }

  async preferences(user: AuthUser): Promise<{ items: PreferenceDto[] }> {
    const chosen = new Map((await this.notifications.preferences(user.id)).map((p) => [p.kind, p.delivery]));
    return {
      items: NOTIFICATION_KINDS.map((kind) => ({ kind, delivery: chosen.get(kind) ?? DEFAULT_DELIVERY[kind] })),
    };
  }

  async setPreferences(user: AuthUser, items: PreferenceDto[]): Promise<{ items: PreferenceDto[] }> {
    await this.notifications.setPreferences(user.id, items);
    return this.preferences(user);
  }

  /**
   * The daily digest: one e-mail per person with what waited for it; each notification goes into
   * one digest only. In the caller's transaction when given (the daily job's: then the caller
   * delivers the mails after its commit); otherwise one transaction per person, mails delivered after.
   */
  async sendDigests(manager?: EntityManager): Promise<number> {
    let sent = 0;
    for (const userId of await this.notifications.digestRecipients()) {
      const [recipient] = await this.notifications.recipients([userId], 'forum');
      if (!recipient) continue;
      const digest = async (m: EntityManager) => {
        const rows = await this.notifications.claimDigest(userId, m);
        if (!rows.length) return 0;
        const items = rows.map((row) => ({
          title: row.payload.title[recipient.locale],
          body: row.payload.body[recipient.locale],
          link: `${this.config.publicUrl}${row.payload.link}`,
        }));
        await this.mail.enqueue(
          {
            to: recipient.email,
            locale: recipient.locale,
            template: 'digest',
            params: {
              name: recipient.displayName,
              items,
              preferencesLink: `${this.config.publicUrl}/account#notifications`,
            },
            userId,
          },
          m,
        );
        return rows.length;
      };
      const included = manager ? await digest(manager) : await this.notifications.transaction(digest);
      if (included) sent++;
    }
    if (sent && !manager) await this.mail.deliverNow();
    return sent;
  }

  private genericMail(
    recipient: Recipient,
    payload: { title: Localized; body: Localized; link: string },
  ): MailRequest<'notification'> {
    return {
      to: recipient.email,
      locale: recipient.locale,
      template: 'notification',
      params: {
        name: recipient.displayName,
        title: payload.title[recipient.locale],
        body: payload.body[recipient.locale],
        link: `${this.config.publicUrl}${payload.link}`,
      },
      userId: recipient.userId,
    };
  }

  private async push(rows: Notification[]): Promise<void> {
    for (const row of rows) {
      this.events.emit('notification.created', {
        userId: row.userId,
        notification: this.toDto(row),
        unread: await this.notifications.unreadCount(row.userId),
      });
    }
  }

  private toDto(row: Pick<Notification, 'id' | 'kind' | 'payload' | 'createdAt' | 'readAt'>): NotificationDto {
    return {
      id: Number(row.id),
      kind: row.kind,
      title: row.payload.title,
      body: row.payload.body,
      link: row.payload.link,
      createdAt: new Date(row.createdAt).toISOString(),
      read: !!row.readAt,
    };
  }
}
