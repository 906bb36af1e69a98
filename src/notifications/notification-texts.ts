/**
 * What a notification says, in Polish and English, from what happened (`event`) and its parameters.
 * A notification stores the event and the parameters, not finished sentences: the web client words
 * it in the reader's language of the moment (switching language re-words old notifications too) and
 * marks the quoted title with its own language; the server words e-mails and digests in the
 * recipient's language with the same function. Pure types and functions: the web client imports
 * this file (scripts/build.js lists it among the client's inputs).
 */
import type { Locale } from '../users/users.constants';

/** A text people wrote or reference data holds, with its language (ISO 639-1; null when not known). */
export interface QuotedText {
  text: string;
  lang: string | null;
}

export interface NotificationParams {
  /**
   * What it is about (an initiative's or a session's title, a channel's name), in the version each
   * interface language's reader gets: theirs when it exists, else the original with its language.
   */
  subject?: Record<Locale, QuotedText>;
  /** The subject is a partnership's channel ("New message in the partnership: <title>"). */
  partnership?: boolean;
  /** The organisation that acted (its name, as written). */
  organization?: string;
  /** The other organisation (a partnership begun at the forum). */
  partner?: string;
  /** Where `organization` is, named in each language ("Norymberga, Niemcy" / "Nuremberg, Germany"). */
  place?: Record<Locale, string>;
  /** Who wrote the message. */
  author?: string;
  /** What a person wrote (a message's excerpt, a reply, a reason); null once the message is hidden or deleted. */
  text?: QuotedText | null;
  /** Why `text` is gone. */
  redacted?: 'hidden' | 'deleted';
  /** The saved searches a new initiative matches. */
  searches?: string[];
}

export const NOTIFICATION_EVENTS = [
  'channel_message',
  'invitation',
  'interest',
  'invitation_accepted',
  'invitation_declined',
  'interest_accepted',
  'interest_declined',
  'saved_search',
  'session_place',
  'session_accepted',
  'session_declined',
  'meeting_request',
  'meeting_partnership',
  'initiative_published',
  'initiative_changes_requested',
  'initiative_rejected',
  'organization_verified',
  'organization_rejected',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

/** A notification worded for one reader; `titleQuote` and `bodyQuote` are the parts to mark with their language. */
export interface NotificationWording {
  title: string;
  body: string;
  titleQuote: QuotedText | null;
  bodyQuote: QuotedText | null;
}

type Words = { title: (p: Filled, s: string) => string; body: (p: Filled, text: string | undefined) => string };
/** The parameters with what every wording may use filled in. */
type Filled = NotificationParams & { org: string; where: string };

const REDACTED: Record<Locale, Record<'hidden' | 'deleted', string>> = {
  pl: { hidden: 'Wiadomość została ukryta przez moderatora.', deleted: 'Wiadomość została usunięta.' },
  en: { hidden: 'The message was hidden by a moderator.', deleted: 'The message was deleted.' },
};

const WORDS: Record<Locale, Record<NotificationEvent, Words>> = {
  pl: {
    channel_message: {
      title: (p, s) => (p.partnership ? `Nowa wiadomość w partnerstwie: ${s}` : `Nowa wiadomość: ${s}`),
      body: (p, text) => (text ? `${p.author ?? ''}: ${text}` : REDACTED.pl[p.redacted ?? 'deleted']),
    },
    invitation: { title: (_p, s) => `Zaproszenie: ${s}`, body: (p, text) => `${p.org}: ${text ?? ''}` },
    interest: { title: (_p, s) => `Zainteresowanie: ${s}`, body: (p, text) => `${p.org} (${p.where}): ${text ?? ''}` },
    invitation_accepted: {
      title: (p, s) => `${p.org} przyjmuje zaproszenie: ${s}`,
      body: (_p, text) => text ?? 'Partnerstwo ma już swój kanał.',
    },
    invitation_declined: { title: (p, s) => `${p.org} odrzuca zaproszenie: ${s}`, body: (_p, text) => text ?? '' },
    interest_accepted: {
      title: (_p, s) => `Przyjęto zainteresowanie: ${s}`,
      body: (_p, text) => text ?? 'Partnerstwo ma już swój kanał.',
    },
    interest_declined: { title: (_p, s) => `Odrzucono zainteresowanie: ${s}`, body: (_p, text) => text ?? '' },
    saved_search: {
      title: (_p, s) => `Nowa inicjatywa: ${s}`,
      body: (p) => `Pasuje do zapisanego wyszukiwania: ${(p.searches ?? []).join(', ')}`,
    },
    session_place: {
      title: (_p, s) => `Masz miejsce: ${s}`,
      body: () => 'Zwolniło się miejsce i Twoja rejestracja z listy oczekujących jest potwierdzona.',
    },
    session_accepted: {
      title: (_p, s) => `Sesja przyjęta: ${s}`,
      body: (_p, text) => text ?? 'Sesja jest w programie Forum.',
    },
    session_declined: { title: (_p, s) => `Sesja nieprzyjęta: ${s}`, body: (_p, text) => text ?? '' },
    meeting_request: { title: () => 'Prośba o spotkanie na Forum', body: (_p, text) => text ?? '' },
    meeting_partnership: {
      title: (p, s) => `${p.org}: będziemy współpracować – ${s}`,
      body: (p) => `Spotkanie na Forum zaczęło partnerstwo organizacji ${p.org} i ${p.partner ?? ''}.`,
    },
    initiative_published: {
      title: (_p, s) => `Opublikowano: ${s}`,
      body: (_p, text) => text ?? 'Inicjatywa jest widoczna dla wszystkich.',
    },
    initiative_changes_requested: { title: (_p, s) => `Prośba o zmiany: ${s}`, body: (_p, text) => text ?? '' },
    initiative_rejected: { title: (_p, s) => `Odrzucono: ${s}`, body: (_p, text) => text ?? '' },
    organization_verified: { title: (p) => `Zweryfikowano: ${p.org}`, body: () => 'Możecie publikować inicjatywy.' },
    organization_rejected: { title: (p) => `Nie zweryfikowano: ${p.org}`, body: (_p, text) => text ?? '' },
  },
  en: {
    channel_message: {
      title: (p, s) => (p.partnership ? `New message in the partnership: ${s}` : `New message: ${s}`),
      body: (p, text) => (text ? `${p.author ?? ''}: ${text}` : REDACTED.en[p.redacted ?? 'deleted']),
    },
    invitation: { title: (_p, s) => `Invitation: ${s}`, body: (p, text) => `${p.org}: ${text ?? ''}` },
    interest: { title: (_p, s) => `Interest in: ${s}`, body: (p, text) => `${p.org} (${p.where}): ${text ?? ''}` },
    invitation_accepted: {
      title: (p, s) => `${p.org} accepted the invitation: ${s}`,
      body: (_p, text) => text ?? 'The partnership has its own channel now.',
    },
    invitation_declined: { title: (p, s) => `${p.org} declined the invitation: ${s}`, body: (_p, text) => text ?? '' },
    interest_accepted: {
      title: (_p, s) => `Interest accepted: ${s}`,
      body: (_p, text) => text ?? 'The partnership has its own channel now.',
    },
    interest_declined: { title: (_p, s) => `Interest declined: ${s}`, body: (_p, text) => text ?? '' },
    saved_search: {
      title: (_p, s) => `New initiative: ${s}`,
      body: (p) => `Matches your saved search: ${(p.searches ?? []).join(', ')}`,
    },
    session_place: {
      title: (_p, s) => `You have a place: ${s}`,
      body: () => 'A place came free and your registration from the waiting list is confirmed.',
    },
    session_accepted: {
      title: (_p, s) => `Session accepted: ${s}`,
      body: (_p, text) => text ?? 'The session is in the Forum agenda.',
    },
    session_declined: { title: (_p, s) => `Session declined: ${s}`, body: (_p, text) => text ?? '' },
    meeting_request: { title: () => 'A meeting request at the Forum', body: (_p, text) => text ?? '' },
    meeting_partnership: {
      title: (p, s) => `${p.org}: we will work together – ${s}`,
      body: (p) => `The meeting at the Forum started a partnership of ${p.org} and ${p.partner ?? ''}.`,
    },
    initiative_published: {
      title: (_p, s) => `Published: ${s}`,
      body: (_p, text) => text ?? 'Everyone can see the initiative now.',
    },
    initiative_changes_requested: { title: (_p, s) => `Changes requested: ${s}`, body: (_p, text) => text ?? '' },
    initiative_rejected: { title: (_p, s) => `Rejected: ${s}`, body: (_p, text) => text ?? '' },
    organization_verified: { title: (p) => `Verified: ${p.org}`, body: () => 'You can publish initiatives now.' },
    organization_rejected: { title: (p) => `Not verified: ${p.org}`, body: (_p, text) => text ?? '' },
  },
};

/** Whether a stored event is one this version words (an unknown one keeps its stored texts). */
export function isNotificationEvent(event: unknown): event is NotificationEvent {
  return typeof event === 'string' && (NOTIFICATION_EVENTS as readonly string[]).includes(event);
}

/** The notification in `locale`: its title and body, and which parts of them quote a text in its own language. */
export function wordNotification(
  event: NotificationEvent,
  params: NotificationParams,
  locale: Locale,
): NotificationWording {
  const words = WORDS[locale][event];
  const subject = params.subject?.[locale] ?? null;
  const filled: Filled = { ...params, org: params.organization ?? '', where: params.place?.[locale] ?? '' };
  const text = params.text?.text || undefined;
  const body = words.body(filled, text);
  return {
    title: words.title(filled, subject?.text ?? ''),
    body,
    titleQuote: subject,
    // A redacted excerpt or a text the catalogue supplied quotes nobody.
    bodyQuote: text && body.includes(text) ? params.text! : null,
  };
}
