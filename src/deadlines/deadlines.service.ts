import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { addDays, addMonths, today } from '../common/calendar-date';
import { randomToken, sha256 } from '../common/crypto';
import { calendar } from '../common/icalendar';
import { RateLimitService, type RateLimitRule } from '../common/rate-limit/rate-limit.service';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { MailService } from '../mail/mail.service';
import { placeName } from '../registry/place-names';
import type { Locale } from '../users/users.constants';
import { DEADLINE_KIND_NAMES, DOCUMENT_KIND_NAMES, decisionText, longDate } from './deadline-texts';
import { deadlinesBetween } from './deadlines';
import { DeadlinesRepository } from './deadlines.repository';
import type { CalendarFeedDto, CreatedCalendarFeedDto, DeadlineDto, DeadlineListDto } from './dto/deadlines.dto';

/** A feed is created by a person's click: a few a day at most. */
const FEED_CREATION: RateLimitRule = { name: 'calendar-feed-create', limit: 10, windowSeconds: 3600 };
/** Calendar apps poll a feed every few minutes to hours; more than this is not a calendar. */
const FEED_READS: RateLimitRule = { name: 'calendar-feed-read', limit: 120, windowSeconds: 3600 };

/** The window of the deadlines page and of the calendar feed, unless asked otherwise. */
export const DEFAULT_WINDOW_MONTHS = 24;

/**
 * Every deadline of the partner cities' documents in one place (staff): the list, the daily
 * reminders of notice deadlines, and each person's calendar feed.
 */
@Injectable()
export class DeadlinesService {
  constructor(
    private readonly deadlines: DeadlinesRepository,
    private readonly mail: MailService,
    private readonly rateLimits: RateLimitService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(months = DEFAULT_WINDOW_MONTHS, on?: string): Promise<DeadlineListDto> {
    const from = on ?? today(this.config.timeZone);
    const until = addMonths(from, months);
    return { items: await this.between(from, until), from, until };
  }

  /** The deadlines from `from` to `until` (inclusive), soonest first. */
  private async between(from: string, until: string, manager?: EntityManager): Promise<DeadlineDto[]> {
    const items: DeadlineDto[] = [];
    for (const row of await this.deadlines.documentsWithTerms(manager)) {
      const input = {
        signedOn: row.signed_on,
        validFrom: row.valid_from,
        validUntil: row.valid_until,
        term: row.term,
        termYears: row.term_years,
        renewalYears: row.renewal_years,
        noticeMonths: row.notice_months,
      };
      for (const deadline of deadlinesBetween(input, from, until))
        items.push({
          ...deadline,
          city: { key: row.city_key, name: row.city_name, namePl: row.city_name_pl },
          documentId: row.id,
          documentKind: row.kind,
          documentTitle: row.title,
          noticeMonths: row.notice_months,
        });
    }
    return items.sort(
      (a, b) => a.on.localeCompare(b.on) || a.city.key.localeCompare(b.city.key) || a.documentId - b.documentId,
    );
  }

  /**
   * The daily job's work: each notice deadline within the configured number of days from `day` is
   * mailed to every registry editor, in their language, once. A deadline that comes into
   * the window late (a document added a week before it) is still reminded of, on the next run.
   * Runs in the job's transaction: each reminder row and its mail commit together or not at all.
   */
  async sendReminders(manager: EntityManager, day: string): Promise<number> {
    const due = (await this.between(day, addDays(day, this.config.deadlineReminderDays), manager)).filter(
      (deadline) => deadline.kind === 'notice',
    );
    if (!due.length) return 0;
    const recipients = await this.deadlines.reminderRecipients(manager);
    let sent = 0;
    for (const deadline of due)
      for (const person of recipients) {
        if (!(await this.deadlines.claimReminder(manager, deadline.documentId, deadline.on, person.id))) continue;
        const locale = person.locale;
        await this.mail.enqueue(
          {
            to: person.email,
            locale,
            userId: person.id,
            template: 'deadline_reminder',
            params: {
              name: person.display_name ?? person.email,
              city: placeName(deadline.city, locale),
              document: this.documentLabel(deadline, locale),
              deadline: longDate(deadline.on, locale),
              decision: decisionText(deadline, locale),
              link: `${this.config.publicUrl}/deadlines`,
            },
          },
          manager,
        );
        sent++;
      }
    return sent;
  }

  private documentLabel(deadline: DeadlineDto, locale: Locale): string {
    const kind = DOCUMENT_KIND_NAMES[deadline.documentKind][locale];
    return deadline.documentTitle ? `${kind} „${deadline.documentTitle}”` : kind;
  }

  async feedOf(userId: string): Promise<CalendarFeedDto> {
    const createdAt = await this.deadlines.feedCreatedAt(userId);
    return { active: !!createdAt, createdAt: createdAt?.toISOString() ?? null };
  }

  /**
   * A new feed: its address holds a random 256-bit secret, shown this once; only its hash is kept.
   * One feed a person: a second is a 409 (rotating is revoking, then creating).
   */
  async createFeed(userId: string): Promise<CreatedCalendarFeedDto> {
    await this.rateLimits.consume(FEED_CREATION, userId);
    const secret = randomToken();
    const createdAt = await this.deadlines.createFeed(userId, sha256(secret));
    if (!createdAt)
      throw new ConflictException(
        'You already have a calendar feed: revoke it first to get a new address (the old one then stops working).',
      );
    return {
      active: true,
      createdAt: createdAt.toISOString(),
      url: `${this.config.publicUrl}/api/v1/calendar-feeds/${secret}`,
    };
  }

  /** Revoking is idempotent: afterwards there is no feed, whether there was one or not. */
  async revokeFeed(userId: string): Promise<void> {
    await this.deadlines.deleteFeed(userId);
  }

  /**
   * The feed of the secret's owner: the deadlines of the default window, all-day events named in
   * the owner's language. An unknown or revoked secret, or one of someone no longer staff, is a 404.
   */
  async feed(secret: string, now = new Date()): Promise<string> {
    const owner = await this.deadlines.feedOwner(sha256(secret));
    if (!owner) throw new NotFoundException('No calendar feed has this address (it may have been revoked).');
    await this.rateLimits.consume(FEED_READS, owner.user_id);
    const locale = owner.locale;
    const { items } = await this.list(DEFAULT_WINDOW_MONTHS);
    const name = locale === 'pl' ? 'Terminy umów miast partnerskich' : "Partner cities' agreement deadlines";
    return calendar(
      name,
      items.map((deadline) => ({
        uid: `deadline-${deadline.documentId}-${deadline.kind}-${deadline.on}@cooperation-forum`,
        date: deadline.on,
        summary: `${placeName(deadline.city, locale)}: ${DEADLINE_KIND_NAMES[deadline.kind][locale]}`,
        description: `${this.documentLabel(deadline, locale)}\n${decisionText(deadline, locale)}\n${this.config.publicUrl}/deadlines`,
      })),
      now,
    );
  }
}
