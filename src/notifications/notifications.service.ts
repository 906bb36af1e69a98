import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user';
import type { MessageDto } from '../channels/dto/channel.dto';
import type { Channel } from '../channels/entities/channel.entity';
import { DomainEventBus } from '../common/events/domain-events';
import { KeyedTurns } from '../common/keyed-turns';
import { versionsFor, type Translations } from '../common/i18n/translations';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Lifecycle } from '../lifecycle/lifecycle';
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

/**
 * After a channel's notification pass starts, the channel's next messages (on this instance) wait
 * this long and are then handled in one pass: at 100 messages a second, one look-up of the
 * followers and of who is present, and one transaction, per period instead of per message.
 */
export const CHANNEL_NOTIFY_INTERVAL_MS = 250;

/** A channel whose notifications were handled less than CHANNEL_NOTIFY_INTERVAL_MS ago. */
interface ChannelWindow {
  channel: Pick<Channel, 'id' | 'initiativeId'>;
  /** The latest message's way to the channel's subject (all alike; looked up only if someone is told). */
  subject: () => Promise<ChannelSubject>;
  timer: NodeJS.Timeout;
  /** Messages stored since, each with what resolves its channelMessage once its pass is done. */
  collected: { message: MessageDto; handled: () => void }[];
}

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
export class NotificationsService implements OnModuleDestroy {
  private readonly logger = new Logger('Notifications');
  /**
   * A channel's message notifications, one transaction after another in this process. They take
   * turns on the channel's lock in PostgreSQL anyway (lockQuotableMessages); waiting there, each
   * would hold a pooled connection, and a busy channel with followers away would take the whole
   * pool from the sends. Waiting here holds none.
   */
  private readonly channelTurns = new KeyedTurns<number>();
  /** Channels whose notifications were handled less than CHANNEL_NOTIFY_INTERVAL_MS ago, and the messages stored since. */
  private readonly channelWindows = new Map<number, ChannelWindow>();
  /** Passes started and not finished (notifyChannel never rejects). */
  private readonly passesUnderWay = new Set<Promise<void>>();
  private closing = false;

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly mail: MailService,
    private readonly events: DomainEventBus,
    private readonly presence: PresenceService,
    private readonly lifecycle: Lifecycle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A drain does not wait for the windows' ends: what they collected is handled at once.
    lifecycle.addDrainer({
      drain: async () => {
        await Promise.all([...this.channelWindows.values()].map((window) => this.handleCollected(window)));
      },
      open: () => [...this.channelWindows.values()].reduce((sum, window) => sum + window.collected.length, 0),
    });
  }

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
   * A new message: its channel's followers who are away are told. `othersFollow: false` (known
   * from the send itself) means nobody but the author follows: nothing to look up. A quiet
   * channel's message is handled at once; the messages stored in the CHANNEL_NOTIFY_INTERVAL_MS
   * after that are collected and handled together at its end (see notifyChannel). Resolves when
   * the pass that handles this message has finished (a drain waits for it); never rejects.
   */
  channelMessage(
    channel: Pick<Channel, 'id' | 'initiativeId'>,
    message: MessageDto,
    options: { othersFollow?: boolean; subject: () => Promise<ChannelSubject> },
  ): Promise<void> {
    if (options.othersFollow === false) return Promise.resolve();
    // Winding down, nothing waits for a window's end: every message is handled at once.
    const coalescing = !this.closing && !this.lifecycle.draining;
    const window = this.channelWindows.get(channel.id);
    if (window && coalescing)
      return new Promise((handled) => {
        window.collected.push({ message, handled });
        window.subject = options.subject;
      });
    if (!window && coalescing) this.openChannelWindow(channel, options.subject);
    return this.startPass(channel, [message], options.subject);
  }

  /**
   * Stops coalescing: what windows collected is handled now, and the passes under way finish,
   * before the database closes; no timer outlives the app.
   */
  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    const windows = [...this.channelWindows.values()];
    this.channelWindows.clear();
    for (const window of windows) clearTimeout(window.timer);
    for (const window of windows) void this.handleCollected(window);
    await Promise.all([...this.passesUnderWay]);
  }

  /**
   * A pass has started for the channel: for CHANNEL_NOTIFY_INTERVAL_MS its messages are collected,
   * then handled in one pass, which opens the next window; a window that collected nothing closes.
   */
  private openChannelWindow(channel: ChannelWindow['channel'], subject: ChannelWindow['subject']): void {
    const timer = setTimeout(() => {
      const window = this.channelWindows.get(channel.id);
      this.channelWindows.delete(channel.id);
      if (!window?.collected.length) return;
      this.openChannelWindow(channel, window.subject);
      void this.handleCollected(window);
    }, CHANNEL_NOTIFY_INTERVAL_MS);
    // The collected messages are tracked by the lifecycle (and handled by the drain or at module
    // destroy), so the timer need not keep the process alive.
    timer.unref();
    this.channelWindows.set(channel.id, { channel, subject, timer, collected: [] });
  }

  /** One pass for what a window collected; each message's promise resolves once it is done. */
  private async handleCollected(window: ChannelWindow): Promise<void> {
    const collected = window.collected.splice(0);
    if (!collected.length) return;
    await this.startPass(
      window.channel,
      collected.map((item) => item.message),
      window.subject,
    );
    for (const item of collected) item.handled();
  }

  /** Starts a pass over these messages, known until it finishes (closing the app waits for it). */
  private startPass(
    channel: ChannelWindow['channel'],
    messages: MessageDto[],
    subject: ChannelWindow['subject'],
  ): Promise<void> {
    const pass = this.notifyChannel(channel, messages, subject);
    this.passesUnderWay.add(pass);
    void pass.then(() => this.passesUnderWay.delete(pass));
    return pass;
  }

  /**
   * One pass over a channel's messages (one, or those a window collected): one look-up of the
   * followers, of who is present and of the recipients, then one transaction in which each
   * follower who is away gets one notification for the channel, quoting the latest of these
   * messages they did not write and counting all of those, of the ones that may still be quoted
   * (a message hidden or deleted meanwhile is neither quoted nor counted). Logged, never thrown.
   */
  private async notifyChannel(
    channel: Pick<Channel, 'id' | 'initiativeId'>,
    messages: MessageDto[],
    subjectOf: () => Promise<ChannelSubject>,
  ): Promise<void> {
    try {
      // Nobody is told of their own messages: a follower who wrote all of them has nothing to hear.
      const followers = (await this.notifications.channelFollowers(channel.id)).filter((id) =>
        messages.some((message) => message.author.id !== id),
      );
      if (!followers.length) return;
      const present = await this.presence.usersIn(channelRoom(channel.id));
      const away = followers.filter((id) => !present.has(id));
      const recipients = await this.notifications.recipients(away, 'channel_message');
      if (!recipients.length) return;
      const link = channel.initiativeId ? `/initiatives/${channel.initiativeId}#discussion` : `/channels/${channel.id}`;
      // Looked up only now that someone is to be told (sending itself never waits for it).
      const { subject, partnership } = await subjectOf();
      const inOrder = [...messages].sort((a, b) => a.id - b.id);
      const payloads = new Map<number, Payload>();
      /** What a notification quoting this message stores (its count aside), worded once per pass. */
      const quoting = (message: MessageDto): Payload => {
        let payload = payloads.get(message.id);
        if (!payload) {
          const excerpt = { text: (message.body ?? '').slice(0, 140), lang: message.lang };
          payload = {
            ...payloadOf(
              'channel_message',
              { subject, partnership, author: message.author.displayName, text: excerpt },
              link,
            ),
            channelId: channel.id,
            // Which message the excerpt quotes (the latest, when several are folded): hiding or deleting it redacts the excerpt.
            messageId: message.id,
          };
          payloads.set(message.id, payload);
        }
        return payload;
      };
      const changed = await this.channelTurns.run(channel.id, () =>
        this.notifications.transaction(async (manager) => {
          const rows: Notification[] = [];
          // One writer per channel at a time (folding), and the messages locked against hiding or
          // deletion until these are committed, so the redaction cannot miss them; a message already
          // hidden or deleted is not quoted at all.
          const quotable = await this.notifications.lockQuotableMessages(
            channel.id,
            inOrder.map((message) => message.id),
            manager,
          );
          const told = inOrder.filter((message) => quotable.has(message.id));
          for (const recipient of recipients) {
            const news = told.filter((message) => message.author.id !== recipient.userId);
            if (!news.length) continue;
            const latest = quoting(news[news.length - 1]);
            const folded = await this.notifications.foldChannelMessages(
              recipient.userId,
              channel.id,
              latest,
              news.length,
              manager,
            );
            if (folded) {
              rows.push(folded);
              continue;
            }
            // A notification without a count stands for one message.
            const payload = news.length > 1 ? { ...latest, count: news.length } : latest;
            rows.push(
              await this.notifications.insert(
                { userId: recipient.userId, kind: 'channel_message', payload, delivery: recipient.delivery },
                manager,
              ),
            );
            if (recipient.delivery === 'email') await this.mail.enqueue(this.genericMail(recipient, payload), manager);
          }
          return rows;
        }),
      );
      if (recipients.some((r) => r.delivery === 'email')) await this.mail.deliverNow();
      await this.push(changed);
    } catch (error) {
      // The messages themselves are stored and delivered; a failed notification is logged, not thrown at the senders.
      this.logger.error({
        msg: 'channel notifications failed',
        channelId: channel.id,
        messages: messages.length,
        err: String(error),
      });
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
