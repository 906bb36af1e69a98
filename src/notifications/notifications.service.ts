import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { MessageDto } from '../channels/dto/channel.dto';
import type { Channel } from '../channels/entities/channel.entity';
import { DomainEventBus } from '../common/events/domain-events';
import { KeyedTurns } from '../common/keyed-turns';
import { versionsFor, type Translations } from '../common/i18n/translations';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService, type MailRequest } from '../mail/mail.service';
import type { MailTemplate } from '../mail/mail-templates';
import { PresenceService } from '../realtime/presence.service';
import { channelRoom } from '../realtime/rooms';
import type { Locale } from '../users/users.constants';
import type { NotificationDto, NotificationPageDto, PreferenceDto } from './dto/notification.dto';
import type { Notification } from './entities/notification.entity';
import {
  isNotificationEvent,
  wordNotification,
  type NotificationEvent,
  type NotificationParams,
  type QuotedText,
} from './notification-texts';
import { DEFAULT_DELIVERY, NOTIFICATION_KINDS, type NotificationKind } from './notifications.constants';
import { NotificationsRepository, type Recipient } from './notifications.repository';

export interface NotifyInput {
  userIds: string[];
  kind: NotificationKind;
  /** What happened, and what the wording quotes (notification-texts.ts words it in each reader's language). */
  event: NotificationEvent;
  params: NotificationParams;
  /** Path of the page to open (the client's route). */
  link: string;
  /** A specific e-mail for people who want e-mail at once (otherwise a generic one with the texts). */
  mail?: (recipient: Recipient) => MailRequest<MailTemplate>;
}

/** What a channel's notifications name it by: its initiative's title in each language's version, or its own name. */
export interface ChannelSubject {
  subject: Record<Locale, QuotedText>;
  /** A partnership's channel. */
  partnership: boolean;
}

/** A title a notification quotes, in the version each interface language's reader gets, with its language. */
export function quotedTitle(
  title: string,
  language: string,
  translations?: Translations<{ title: string }> | null,
): Record<Locale, QuotedText> {
  const versions = versionsFor({ title }, language, translations, 'title');
  return {
    pl: { text: versions.pl.value, lang: versions.pl.lang },
    en: { text: versions.en.value, lang: versions.en.lang },
  };
}

type Payload = Notification['payload'];

/** The stored payload: the event and its parameters, with the texts worded in both languages beside them. */
function payloadOf(event: NotificationEvent, params: NotificationParams, link: string): Payload {
  const pl = wordNotification(event, params, 'pl');
  const en = wordNotification(event, params, 'en');
  return { event, params, title: { pl: pl.title, en: en.title }, body: { pl: pl.body, en: en.body }, link };
}

/** A stored notification's texts in one language: worded from its event, or as stored (one from before events, or of an unknown one). */
function wording(payload: Payload, locale: Locale): { title: string; body: string } {
  if (isNotificationEvent(payload.event) && payload.params)
    return wordNotification(payload.event, payload.params, locale);
  return { title: payload.title[locale], body: payload.body[locale] };
}

/**
 * Notifications: stored (with their e-mail, in one transaction, so an acknowledged notification is
 * never lost and its mail is sent once from the stored row), then pushed live to user:<id>.
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');
  /**
   * A channel's message notifications, one transaction after another in this process. They take
   * turns on the channel's lock in PostgreSQL anyway (lockForChannelMessage); waiting there, each
   * would hold a pooled connection, and a busy channel with followers away would take the whole
   * pool from the sends. Waiting here holds none.
   */
  private readonly channelTurns = new KeyedTurns<number>();

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
    const payload = payloadOf(input.event, input.params, input.link);
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
    channel: Pick<Channel, 'id' | 'initiativeId'>,
    message: MessageDto,
    options: { othersFollow?: boolean; subject: () => Promise<ChannelSubject> },
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
      // Looked up only now that someone is to be told (sending itself never waits for it).
      const { subject, partnership } = await options.subject();
      const excerpt = { text: (message.body ?? '').slice(0, 140), lang: message.lang };
      const payload = {
        ...payloadOf(
          'channel_message',
          { subject, partnership, author: message.author.displayName, text: excerpt },
          link,
        ),
        channelId: channel.id,
        // Which message the excerpt quotes (the latest, when several are folded): hiding or deleting it redacts the excerpt.
        messageId: message.id,
      };
      const changed = await this.channelTurns.run(channel.id, () =>
        this.notifications.transaction(async (manager) => {
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
        }),
      );
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
    const body = {
      pl: wordNotification('channel_message', { redacted: why }, 'pl').body,
      en: wordNotification('channel_message', { redacted: why }, 'en').body,
    };
    await this.notifications.redactChannelMessage(messageId, why, body, manager);
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
          ...wording(row.payload, recipient.locale),
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

  private genericMail(recipient: Recipient, payload: Payload): MailRequest<'notification'> {
    const { title, body } = wording(payload, recipient.locale);
    return {
      to: recipient.email,
      locale: recipient.locale,
      template: 'notification',
      params: {
        name: recipient.displayName,
        title,
        body,
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
    const known = isNotificationEvent(row.payload.event) && !!row.payload.params;
    const pl = wording(row.payload, 'pl');
    const en = wording(row.payload, 'en');
    return {
      id: Number(row.id),
      kind: row.kind,
      event: known ? row.payload.event! : null,
      params: known ? row.payload.params! : null,
      title: { pl: pl.title, en: en.title },
      body: { pl: pl.body, en: en.body },
      link: row.payload.link,
      createdAt: new Date(row.createdAt).toISOString(),
      read: !!row.readAt,
    };
  }
}
