/**
 * What the forum pages share: times in the forum's own time zone, the translation of the
 * server's forum messages, a form hook that uses it, and a few small fields and badges.
 */
import type { ComponentChildren } from 'preact';
import { ApiError, type Me } from '../../../shared/api/client';
import { getEdition, type Edition, type EditionStatus, type SessionKind } from '../api';
import { ExplainedText } from '../../../shared/ui/Form';
import { LoadError, Loading } from '../../../shared/ui/LoadError';
import { RequireSignIn } from '../../../shared/ui/RequireSignIn';
import { useForumMessages, type ForumMessages } from '../i18n/messages';
import { useI18n } from '../../../shared/i18n/i18n';
import { explainError, explainFieldMessage, type Explained } from '../../../shared/errors';
import { useApi } from '../../../shared/hooks/use-api';
import { useForm, type FormState } from '../../../shared/hooks/use-form';

/** The forum takes place in Kraków: the server groups the agenda's days in this zone, and times are shown in it. */
export const FORUM_TIME_ZONE = 'Europe/Warsaw';

/** Minutes the zone is ahead of UTC at an instant. */
function zoneOffsetMinutes(utcMs: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: FORUM_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return Math.round((asUtc - utcMs) / 60_000);
}

/** A day and a wall-clock time in Kraków as an ISO 8601 timestamp with its offset (2027-05-20T10:00:00+02:00). */
export function forumTimestamp(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  // The offset at the wall time read as UTC is right except within hours of a DST change: correct once.
  const offset = zoneOffsetMinutes(wall - zoneOffsetMinutes(wall) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${day}T${time}:00${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** The day (YYYY-MM-DD) of an instant in Kraków. */
export function forumDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: FORUM_TIME_ZONE }).format(new Date(iso));
}

/** Every day of an edition, first to last (YYYY-MM-DD). */
export function editionDays(edition: Pick<Edition, 'startsOn' | 'endsOn'>): string[] {
  const days: string[] = [];
  for (
    let day = Date.parse(`${edition.startsOn}T00:00:00Z`), last = Date.parse(`${edition.endsOn}T00:00:00Z`);
    day <= last && days.length < 31;
    day += 86_400_000
  ) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
}

export interface ForumFormat {
  /** 10:00 */
  time: (iso: string) => string;
  /** Wednesday, 20 May 2027 */
  day: (isoDate: string) => string;
  /** Wednesday, 20 May 2027, 10:00–11:30 */
  span: (startsAt: string, endsAt: string) => string;
  /** 20–21 May 2027 (the edition's dates) */
  dates: (edition: Edition) => string;
  /** The edition's theme in the interface language. */
  theme: (edition: Edition) => string;
}

export function useForumFormat(): ForumFormat {
  const { locale, language, formatDate } = useI18n();
  const fm = useForumMessages();
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: FORUM_TIME_ZONE });
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dayOf = (isoDate: string) => day.format(new Date(`${isoDate}T00:00:00Z`));
  return {
    time: (iso) => time.format(new Date(iso)),
    day: dayOf,
    span: (startsAt, endsAt) =>
      `${dayOf(forumDay(startsAt))}, ${fm.timeRange(time.format(new Date(startsAt)), time.format(new Date(endsAt)))}`,
    dates: (edition) => fm.dateRange(formatDate(edition.startsOn), formatDate(edition.endsOn)),
    theme: (edition) => (language === 'pl' ? edition.themePl : edition.themeEn),
  };
}

type Rule = [RegExp, (fm: ForumMessages, match: RegExpExecArray) => string];

/** The server's forum messages (whole requests and single fields), matched on its wording. */
const RULES: Rule[] = [
  [/^(.+) is already taken by another session at that time/, (fm, match) => fm.errors.roomTaken(match[1])],
  [/^(the session must take place during the edition|outside the edition)/, (fm) => fm.errors.outsideEdition],
  [/^endsAt must be after startsAt/, (fm) => fm.errors.endBeforeStart],
  [/^There is already an edition for (\d+)/, (fm, match) => fm.errors.yearTaken(match[1])],
  [/^Sessions can be proposed only while the call/, (fm) => fm.errors.callClosed],
  [
    /^(Only verified organisations|withOrganizationId must be a verified|not a verified organisation)/,
    (fm) => fm.errors.notVerified,
  ],
  [
    /^(Registration for this session is not open|Registration opens with the published agenda)/,
    (fm) => fm.errors.registrationClosed,
  ],
  [/^You are not registered for this session/, (fm) => fm.errors.notRegistered],
  [/^The edition is .+ and cannot move on/, (fm) => fm.errors.cannotMoveOn],
  [/^Meetings can be booked once/, (fm) => fm.errors.meetingsClosed],
  [/^One of the organisations already has a meeting/, (fm) => fm.errors.doubleBooked],
  [/^All tables are taken/, (fm) => fm.errors.noTable],
  [
    /^This meeting (request )?(has already been answered|is already declined or cancelled)/,
    (fm) => fm.errors.meetingAnswered,
  ],
  [/^Meeting slots of an edition must not overlap/, (fm) => fm.errors.slotsOverlap],
  [/^every slot must end after it starts/, (fm) => fm.errors.slotEnd],
  [/^Outcomes are published after/, (fm) => fm.errors.outcomesAfterClose],
  // "We will work together" (before the staff's origins, whose messages also begin with initiativeId).
  [/^(initiativeId must be an initiative of|not an initiative of either)/, (fm) => fm.errors.hostInitiative],
  [/^(give initiativeId \(|choose an initiative, or give the title)/, (fm) => fm.errors.hostOrTitle],
  [/^title must be 3 to 140/, (fm) => fm.errors.initiativeTitle],
  [/^The meeting has not taken place yet/, (fm) => fm.errors.notMetYet],
  [/^Only an accepted meeting can lead/, (fm) => fm.errors.meetingNotAccepted],
  [/^This meeting has already led to a partnership/, (fm) => fm.errors.alreadyPartnership],
  [/^(give initiativeId or partnershipId|initiativeId must be|partnershipId must be)/, (fm) => fm.errors.originTarget],
  [/^There is no such initiative or partnership/, (fm) => fm.errors.originMissing],
  [/^Only owners and editors of the organisation/, (fm) => fm.errors.editorsOnly],
  [/^You have already voted/, (fm) => fm.errors.alreadyVoted],
  [/^Questions are open while/, (fm) => fm.errors.questionsClosed],
  [/^room must be/, (fm) => fm.errors.room],
  [/^(startsAt|endsAt) must be a date and time/, (fm) => fm.errors.dateTime],
  [/^capacity must/, (fm) => fm.errors.capacity],
  [/^(the )?title (of a translation )?must be 3 to 200/, (fm) => fm.errors.title],
  [/^(the )?abstract (of a translation )?must be/, (fm) => fm.errors.abstract],
  [/^the summary of a translation must be/, (fm) => fm.errors.summary],
  [/^translations\.(pl|en) is in the original's language/, (fm) => fm.errors.sameLanguage],
  [/^(each of areas must be|areas has unknown)/, (fm) => fm.errors.areas],
  [/^kind must be one of/, (fm) => fm.errors.kind],
  [/^language must be an ISO/, (fm) => fm.errors.language],
  [/^(organizationId must be|not your organisation)/, (fm) => fm.errors.organization],
  [/^theme(Pl|En) must be/, (fm) => fm.errors.theme],
  [/^venue must be/, (fm) => fm.errors.venue],
  [/^year must/, (fm) => fm.errors.year],
  [/^endsOn must not be before startsOn/, (fm) => fm.errors.endsOn],
  [/^(startsOn|endsOn) must be a date/, (fm) => fm.errors.date],
  [/^summary must be/, (fm) => fm.errors.summary],
  [/^reason must be 3 to 2,000/, (fm) => fm.errors.reason],
  [/^(reason is required to hide|reason must be (longer|shorter))/, (fm) => fm.errors.hideReason],
  [/^body must be 3 to 500/, (fm) => fm.errors.questionBody],
  [/^(withOrganizationId must be another|choose another organisation)/, (fm) => fm.errors.otherOrganization],
  [/^withOrganizationId is required/, (fm) => fm.chooseOrganizationFirst],
  [/^slots are required/, (fm) => fm.errors.slotsIncomplete],
];

function explainForum(message: string, fm: ForumMessages): Explained | undefined {
  for (const [pattern, translate] of RULES) {
    const match = pattern.exec(message);
    if (match) return { text: translate(fm, match) };
  }
  return undefined;
}

/** A failed forum request in a sentence: the forum's own messages first, then the general ones. */
export function useExplainError(): (error: ApiError) => Explained {
  const { m } = useI18n();
  const fm = useForumMessages();
  return (error) => {
    if (error.status > 0 && error.status < 500 && error.status !== 429) {
      const fieldMessages = Object.values(error.fields ?? {}).flat();
      const known =
        explainForum(error.message, fm) ??
        (fieldMessages.length === 1 ? explainForum(fieldMessages[0], fm) : undefined);
      if (known) return known;
    }
    return explainError(error, m);
  };
}

/**
 * useForm, with the server's forum messages translated: next to their fields, and in the alert.
 * (The shared form parts read errors through fieldError and generalErrors, so they show these.)
 */
export function useForumForm<T>(
  action: () => Promise<T>,
  options: { fields?: readonly string[]; onSuccess?: (result: T) => void } = {},
): FormState {
  const { m } = useI18n();
  const fm = useForumMessages();
  const explain = useExplainError();
  const form = useForm(action, options);
  const shown = new Set(options.fields ?? []);
  const fieldMessage = (message: string) => explainForum(message, fm) ?? explainFieldMessage(message, m);
  return {
    ...form,
    fieldError(field) {
      const message = shown.has(field) ? form.error?.fields?.[field]?.[0] : undefined;
      return message ? fieldMessage(message) : undefined;
    },
    generalErrors() {
      const error = form.error;
      if (!error) return [];
      if (!form.hasFieldErrors) return [explain(error)];
      return Object.entries(error.fields ?? {})
        .filter(([field]) => !shown.has(field))
        .flatMap(([, messages]) => messages.map(fieldMessage));
    },
  };
}

/** The edition's stage in words, marked by more than its colour. */
export function EditionStatusBadge({ status }: { status: EditionStatus }) {
  const fm = useForumMessages();
  return <span class={`badge forum-status forum-status--${status}`}>{fm.editionStatus[status]}</span>;
}

export function KindLabel({ kind }: { kind: SessionKind }) {
  const fm = useForumMessages();
  return <span class="forum-kind">{fm.sessionKind[kind]}</span>;
}

/** An error for places outside a form (a button's request): the forum's words, or the general ones. */
export function ActionError({ error }: { error?: ApiError }) {
  const explain = useExplainError();
  if (!error) return null;
  return (
    <p class="form-error forum-action-error" role="alert">
      <ExplainedText explained={explain(error)} />
    </p>
  );
}

export function isStaffUser(user: Me | undefined): boolean {
  return user?.role === 'moderator' || user?.role === 'admin';
}

export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, String(error));
}

/** A signed-in page of one edition: the edition loaded (or its load error, with a retry), then the page itself. */
export function SignedInEditionPage({
  editionId,
  title,
  children,
}: {
  editionId: string;
  title: (edition: Edition | undefined) => string;
  children: (edition: Edition) => ComponentChildren;
}) {
  const edition = useApi((signal) => getEdition(editionId, signal), [editionId]);
  return (
    <RequireSignIn title={title(edition.data)}>
      {() =>
        edition.error ? (
          <LoadError error={edition.error} onRetry={edition.reload} />
        ) : !edition.data ? (
          <Loading />
        ) : (
          children(edition.data)
        )
      }
    </RequireSignIn>
  );
}
