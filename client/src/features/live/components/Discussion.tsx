/**
 * A discussion channel: the history by REST (newest page first, older pages on request), then
 * live over the socket (new, edited, deleted and hidden messages, who is typing, how many are
 * here), a form to write, and editing or deleting one's own messages for 15 minutes. City staff
 * (moderators) can hide any message with a reason, which every reader then sees in its place.
 *
 * Visitors who are not signed in read the history only. Sending survives a flaky network: each
 * message has its own clientId, and a lost acknowledgement is retried with it (the server stores
 * it once); after a reconnect the socket module catches up what was missed, and merging by id
 * shows each message once.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../../../shared/api/client';
import {
  deleteMessageByRest,
  EDIT_WINDOW_MS,
  editMessageByRest,
  getChannel,
  hideMessageByRest,
  listMessages,
  MESSAGE_MAX_LENGTH,
  type Channel,
  type Message,
} from '../api';
import {
  deleteMessage,
  editMessage,
  isConnected,
  joinChannel,
  mergeMessages,
  sendMessage,
  sendTyping,
  type TypingUser,
} from '../../../shared/api/socket';
import { currentPath, isStaff, loginHref, useSession } from '../../../shared/session';
import { useI18n } from '../../../shared/i18n/i18n';
import { useLiveMessages } from '../i18n/messages';
import type { Explained } from '../../../shared/errors';
import { explainLiveError } from '../errors';
import { Link } from '../../../shared/router';
import { useConnectionState, useLiveSocket } from '../use-live';
import { useLiveForm } from '../use-live-form';
import { ConfirmAction } from '../../../shared/ui/ConfirmAction';
import { ExplainedText, FormError, SubmitButton, TextAreaField } from '../../../shared/ui/Form';
import { LoadError, Loading } from '../../../shared/ui/LoadError';
import { ConnectionStatus } from './ConnectionStatus';

interface DiscussionProps {
  channelId: number;
  /** The section's heading (an h2); "Discussion" by default. */
  heading?: string;
  /** The section's id: notification links point at it (/initiatives/<id>#discussion). */
  anchor?: string;
}

export function Discussion({ channelId, heading, anchor = 'discussion' }: DiscussionProps) {
  const session = useSession();
  if (session.status === 'restoring') return <Loading />;
  // Started afresh for another channel or another reader: what they may see and do differs.
  return (
    <DiscussionView
      key={`${channelId}:${session.user?.id ?? ''}`}
      channelId={channelId}
      heading={heading}
      anchor={anchor}
      userId={session.user?.id}
      moderator={isStaff(session.user)}
    />
  );
}

interface Pending {
  clientId: string;
  body: string;
  failed?: Explained;
}

/** How long "X is typing…" stays after their last signal. */
const TYPING_SHOWN_MS = 4000;

function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Older browsers: a version-4 UUID from random bytes all the same.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function DiscussionView({
  channelId,
  heading,
  anchor,
  userId,
  moderator,
}: Required<Pick<DiscussionProps, 'channelId' | 'anchor'>> & {
  heading?: string;
  userId?: string;
  moderator: boolean;
}) {
  const { m } = useI18n();
  const t = useLiveMessages();
  useLiveSocket(userId);
  const connection = useConnectionState();

  const [channel, setChannel] = useState<Channel>();
  const [loadError, setLoadError] = useState<ApiError>();
  const [attempt, setAttempt] = useState(0);
  const [messages, setMessages] = useState<Message[]>([]);
  const shown = useRef<Message[]>([]);
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [focusId, setFocusId] = useState<number>();
  const [presence, setPresence] = useState<number>();
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  const [pending, setPending] = useState<Pending[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [joinError, setJoinError] = useState<ApiError>();
  const [now, setNow] = useState(Date.now);
  const lifetime = useRef(new AbortController());
  const section = useRef<HTMLElement>(null);

  /** Merges messages into what is shown; returns those that were not shown yet. */
  const apply = (incoming: Message[]): Message[] => {
    const before = new Set(shown.current.map((message) => message.id));
    shown.current = mergeMessages(shown.current, incoming);
    setMessages(shown.current);
    return incoming.filter((message) => !before.has(message.id));
  };

  useEffect(() => () => lifetime.current.abort(), []);

  // The history first, then live from the last message of that page on.
  useEffect(() => {
    const controller = new AbortController();
    let leave: (() => void) | undefined;
    setLoadError(undefined);
    Promise.all([getChannel(channelId, controller.signal), listMessages(channelId, {}, controller.signal)]).then(
      ([loadedChannel, page]) => {
        setChannel(loadedChannel);
        apply(page.items);
        setHasOlder(page.more);
        if (!userId) return;
        const lastId = page.items.length ? page.items[page.items.length - 1].id : 0;
        leave = joinChannel(channelId, lastId, {
          onMessages(incoming, how) {
            const fresh = apply(incoming);
            const clientIds = new Set(
              incoming.filter((message) => message.author.id === userId).map((message) => message.clientId),
            );
            if (clientIds.size) setPending((current) => current.filter((item) => !clientIds.has(item.clientId)));
            const authors = new Set(incoming.map((message) => message.author.id));
            setTyping((current) => Object.fromEntries(Object.entries(current).filter(([id]) => !authors.has(id))));
            announce(
              fresh.filter((message) => message.author.id !== userId && message.body !== null),
              how,
            );
          },
          onPresence: setPresence,
          onTyping(user: TypingUser) {
            if (user.id === userId) return;
            setTyping((current) => ({
              ...current,
              [user.id]: { name: user.displayName, until: Date.now() + TYPING_SHOWN_MS },
            }));
            setTimeout(() => setNow(Date.now()), TYPING_SHOWN_MS + 50);
          },
          onJoinError: setJoinError,
        });
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        setLoadError(error instanceof ApiError ? error : new ApiError(0, String(error)));
      },
    );
    return () => {
      controller.abort();
      leave?.();
    };
  }, [channelId, userId, attempt]);

  // The edit and delete buttons go when the 15 minutes are over.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // A link to this discussion (a notification's) brings it into view once it is there.
  useEffect(() => {
    if (channel && window.location.hash === `#${anchor}`) section.current?.scrollIntoView();
  }, [channel]);

  useEffect(() => {
    if (focusId !== undefined) document.getElementById(`${anchor}-message-${focusId}`)?.focus();
  }, [focusId]);

  // The socket's handlers outlive a render: they read the texts of the current language here.
  const texts = useRef(t);
  texts.current = t;
  const announce = (fresh: Message[], how: 'live' | 'catch-up') => {
    if (!fresh.length) return;
    const { discussion } = texts.current;
    const last = fresh[fresh.length - 1];
    const excerpt = (last.body ?? '').slice(0, 200);
    // The live region says it politely, after what the reader is listening to.
    setAnnouncement(
      fresh.length === 1 && how === 'live'
        ? discussion.newMessage(last.author.displayName, excerpt)
        : discussion.newMessages(fresh.length, last.author.displayName, excerpt),
    );
  };

  const loadOlder = async () => {
    const first = shown.current[0];
    if (!first || loadingOlder) return;
    setLoadingOlder(true);
    try {
      const page = await listMessages(channelId, { before: first.id });
      apply(page.items);
      setHasOlder(page.more);
      // Focus goes to the oldest message just loaded; reading on leads to the ones already shown.
      if (page.items.length) setFocusId(page.items[0].id);
    } catch (error) {
      setLoadError(error instanceof ApiError ? error : new ApiError(0, String(error)));
    } finally {
      setLoadingOlder(false);
    }
  };

  const deliver = (item: Pending) => {
    sendMessage(channelId, item.body, item.clientId, lifetime.current.signal).then(
      (message) => {
        apply([message]);
        setPending((current) => current.filter((other) => other.clientId !== item.clientId));
      },
      (error: unknown) => {
        if (isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
        setPending((current) =>
          current.map((other) =>
            other.clientId === item.clientId ? { ...other, failed: explainLiveError(apiError, t, m) } : other,
          ),
        );
        // Refused (no longer a member of a verified organisation...): what the page offers follows.
        if (apiError.status === 403) void getChannel(channelId).then(setChannel, () => undefined);
      },
    );
  };

  const send = (body: string) => {
    const item = { clientId: newClientId(), body };
    setPending((current) => [...current, item]);
    deliver(item);
  };

  const retry = (item: Pending) => {
    const again = { clientId: item.clientId, body: item.body };
    setPending((current) => current.map((other) => (other.clientId === item.clientId ? again : other)));
    deliver(again);
  };

  const change = async (message: Message, body: string | null) => {
    // Over the socket when it is up; otherwise by REST, which the server broadcasts just the same.
    const changed = isConnected()
      ? await (body === null ? deleteMessage(channelId, message.id) : editMessage(channelId, message.id, body))
      : await (body === null
          ? deleteMessageByRest(channelId, message.id)
          : editMessageByRest(channelId, message.id, body));
    apply([changed]);
  };

  const headingId = `${anchor}-heading`;
  const typingNames = Object.values(typing)
    .filter((entry) => entry.until > now)
    .map((entry) => entry.name);
  const canPost = Boolean(userId && channel?.canPost && !joinError);

  let body;
  if (loadError && !channel) {
    body = loadError.notFound ? (
      <p>{t.discussion.unavailable}</p>
    ) : (
      <LoadError error={loadError} onRetry={() => setAttempt((n) => n + 1)} />
    );
  } else if (!channel) {
    body = <Loading />;
  } else {
    body = (
      <>
        {userId && (
          <div class="discussion__bar">
            <ConnectionStatus />
            {/* Only while connected: offline, the count would be a guess. */}
            {presence !== undefined && connection === 'connected' && (
              <p class="discussion__presence">{t.discussion.presence(presence)}</p>
            )}
          </div>
        )}
        {loadError && <LoadError error={loadError} />}
        {hasOlder && (
          <p class="discussion__older">
            <button type="button" onClick={() => void loadOlder()} disabled={loadingOlder}>
              {loadingOlder ? t.discussion.loadingOlder : t.discussion.older}
            </button>
          </p>
        )}
        {messages.length === 0 && pending.length === 0 && (
          <p class="muted">{canPost ? t.discussion.noMessages : t.discussion.noMessagesReadOnly}</p>
        )}
        {(messages.length > 0 || pending.length > 0) && (
          <ol class="discussion__messages" aria-label={t.discussion.listLabel}>
            {messages.map((message) => (
              <MessageItem
                key={message.id}
                message={message}
                domId={`${anchor}-message-${message.id}`}
                own={message.author.id === userId}
                changeable={
                  message.author.id === userId &&
                  !message.deleted &&
                  !message.hidden &&
                  now - Date.parse(message.createdAt) < EDIT_WINDOW_MS
                }
                onChange={(body) => change(message, body)}
                onHide={
                  moderator && !message.deleted && !message.hidden
                    ? async (reason) => {
                        apply([await hideMessageByRest(message.id, reason)]);
                        // The form is gone with the message's text: focus goes to what replaced it.
                        setTimeout(() => document.getElementById(`${anchor}-message-${message.id}`)?.focus());
                      }
                    : undefined
                }
              />
            ))}
            {pending.map((item) => (
              <PendingItem
                key={item.clientId}
                item={item}
                onRetry={() => retry(item)}
                onDiscard={() => setPending((current) => current.filter((other) => other.clientId !== item.clientId))}
              />
            ))}
          </ol>
        )}
        <p class="discussion__typing">{typingNames.length > 0 && t.discussion.typing(typingNames)}</p>
        {joinError && (
          <p class="notice-box">
            {joinError.notFound ? (
              t.discussion.unavailable
            ) : (
              <ExplainedText explained={explainLiveError(joinError, t, m)} />
            )}
          </p>
        )}
        {canPost && <ComposeForm anchor={anchor} channelId={channelId} onSend={send} />}
        {!userId && (
          <p class="notice-box">
            <Link href={loginHref(currentPath())}>{t.discussion.logInToJoin}</Link>
          </p>
        )}
        {userId && channel && !channel.canPost && (
          <p class="notice-box">
            {channel.kind === 'private' ? (
              t.errors.membersOnly
            ) : (
              <>
                {t.discussion.readOnly} <Link href="/my-organizations">{t.discussion.readOnlyLink}</Link>
              </>
            )}
          </p>
        )}
      </>
    );
  }

  return (
    <section class="discussion" id={anchor} aria-labelledby={headingId} ref={section}>
      <h2 id={headingId}>{heading ?? t.discussion.heading}</h2>
      {body}
      {/* Always in the page, so that screen readers announce what is put in it. */}
      <div class="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </section>
  );
}

function ComposeForm({
  anchor,
  channelId,
  onSend,
}: {
  anchor: string;
  channelId: number;
  onSend: (body: string) => void;
}) {
  const t = useLiveMessages();
  const [draft, setDraft] = useState('');
  const [tooLong, setTooLong] = useState(false);
  const id = `${anchor}-compose`;

  const submit = (event?: Event) => {
    event?.preventDefault();
    const body = draft.trim();
    if (!body) return;
    if (body.length > MESSAGE_MAX_LENGTH) return setTooLong(true);
    setTooLong(false);
    setDraft('');
    onSend(body);
  };

  return (
    <form class="discussion__compose form" noValidate onSubmit={submit}>
      <div class={`field${tooLong ? ' field--invalid' : ''}`}>
        <label for={id}>{t.discussion.compose}</label>
        <p id={`${id}-hint`} class="hint">
          {t.discussion.composeHint}
        </p>
        {tooLong && (
          <p id={`${id}-error`} class="field-error">
            {t.errors.bodyLength}
          </p>
        )}
        <textarea
          id={id}
          name="body"
          rows={3}
          value={draft}
          aria-describedby={tooLong ? `${id}-error ${id}-hint` : `${id}-hint`}
          aria-invalid={tooLong ? 'true' : undefined}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            if (event.currentTarget.value.trim()) sendTyping(channelId);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit(event);
          }}
        />
      </div>
      <div class="form__actions">
        <button type="submit" class="button-primary" disabled={!draft.trim()}>
          {t.discussion.send}
        </button>
      </div>
    </form>
  );
}

interface MessageItemProps {
  message: Message;
  domId: string;
  own: boolean;
  /** Own, not deleted, and within 15 minutes of sending. */
  changeable: boolean;
  /** Saves a new body, or deletes the message (null). */
  onChange: (body: string | null) => Promise<void>;
  /** City staff only: hides the message with a reason. */
  onHide?: (reason: string) => Promise<void>;
}

function MessageItem({ message, domId, own, changeable, onChange, onHide }: MessageItemProps) {
  const { formatDateTime, langOf } = useI18n();
  const t = useLiveMessages();
  const [editing, setEditing] = useState(false);
  const [hiding, setHiding] = useState(false);
  const time = formatDateTime(message.createdAt);
  const hideButton = useRef<HTMLButtonElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    // After saving or cancelling, back to the button that started it.
    if (!editing && wasEditing.current) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li id={domId} tabIndex={-1} class={`message${own ? ' message--own' : ''}`}>
      <p class="message__meta">
        <span class="message__author">{message.author.displayName}</span>
        {own && <span class="message__you"> ({t.discussion.you})</span>}{' '}
        <time dateTime={message.createdAt}>{time}</time>
        {message.editedAt && !message.deleted && !message.hidden && (
          <span class="message__edited"> · {t.discussion.edited}</span>
        )}
      </p>
      {message.hidden ? (
        <p class="message__gone">
          {t.discussion.hidden}
          {/* The moderator's own words, marked with the language they said they wrote them in. */}
          {message.hiddenReason && (
            <>
              {` ${t.discussion.hiddenReason} `}
              <span class="message__hidden-reason" lang={langOf(message.hiddenReasonLang)}>
                {message.hiddenReason}
              </span>
            </>
          )}
        </p>
      ) : message.deleted ? (
        <p class="message__gone">{t.discussion.deleted}</p>
      ) : editing ? (
        <EditForm
          id={`${domId}-edit`}
          body={message.body ?? ''}
          onSave={(body) => onChange(body)}
          onDone={() => setEditing(false)}
        />
      ) : (
        <p class="message__body" lang={langOf(message.lang)}>
          {message.body}
        </p>
      )}
      {changeable && !editing && (
        <div class="message__actions">
          <button type="button" ref={editButton} class="button-secondary" onClick={() => setEditing(true)}>
            {t.discussion.edit}
            <span class="visually-hidden"> ({t.discussion.ofMessage(time)})</span>
          </button>
          <ConfirmAction
            label={
              <>
                {t.discussion.delete}
                <span class="visually-hidden"> ({t.discussion.ofMessage(time)})</span>
              </>
            }
            question={t.discussion.deleteQuestion}
            confirmLabel={t.discussion.deleteConfirm}
            action={() => onChange(null)}
            danger
          />
        </div>
      )}
      {onHide && !editing && !hiding && (
        <div class="message__actions message__hide">
          <button type="button" ref={hideButton} class="button-secondary" onClick={() => setHiding(true)}>
            {t.discussion.hide}
            <span class="visually-hidden"> ({t.discussion.ofMessage(time)})</span>
          </button>
        </div>
      )}
      {onHide && hiding && (
        <HideForm
          id={`${domId}-hide`}
          onHide={onHide}
          onCancel={() => {
            setHiding(false);
            setTimeout(() => hideButton.current?.focus());
          }}
        />
      )}
    </li>
  );
}

/** The moderator's reason for hiding a message (3 to 2,000 characters, the server's rule). */
function HideForm({
  id,
  onHide,
  onCancel,
}: {
  id: string;
  onHide: (reason: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useLiveMessages();
  const { m } = useI18n();
  const [reason, setReason] = useState('');
  const form = useLiveForm(() => onHide(reason.trim()), { fields: ['reason'] });
  useEffect(() => document.getElementById(id)?.focus(), []);
  return (
    <form ref={form.formRef} class="message__hide-form form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <TextAreaField
        id={id}
        field="reason"
        form={form}
        label={t.discussion.hideLabel}
        hint={t.discussion.hideHint}
        rows={2}
        maxLength={2000}
        value={reason}
        onValue={setReason}
      />
      <div class="form__actions">
        <SubmitButton form={form}>{t.discussion.hideConfirm}</SubmitButton>
        <button type="button" onClick={onCancel}>
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}

function EditForm({
  id,
  body: initial,
  onSave,
  onDone,
}: {
  id: string;
  body: string;
  onSave: (body: string) => Promise<void>;
  onDone: () => void;
}) {
  const t = useLiveMessages();
  const { m } = useI18n();
  const [body, setBody] = useState(initial);
  const input = useRef<HTMLTextAreaElement>(null);
  const form = useLiveForm(() => onSave(body.trim()), { fields: ['body'], onSuccess: onDone });
  useEffect(() => input.current?.focus(), []);
  const error = form.fieldError('body');
  return (
    <form ref={form.formRef} class="message__edit form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <div class={`field${error ? ' field--invalid' : ''}`}>
        <label for={id}>{t.discussion.editLabel}</label>
        {error && (
          <p id={`${id}-error`} class="field-error">
            <ExplainedText explained={error} />
          </p>
        )}
        <textarea
          id={id}
          ref={input}
          rows={3}
          value={body}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? 'true' : undefined}
          onInput={(event) => setBody(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onDone();
          }}
        />
      </div>
      <div class="form__actions">
        <button type="submit" class="button-primary" disabled={form.sending || !body.trim()}>
          {form.sending ? m.form.sending : t.discussion.save}
        </button>
        <button type="button" onClick={onDone}>
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}

function PendingItem({ item, onRetry, onDiscard }: { item: Pending; onRetry: () => void; onDiscard: () => void }) {
  const t = useLiveMessages();
  const { user } = useSession();
  return (
    <li class={`message message--own message--pending${item.failed ? ' message--failed' : ''}`}>
      <p class="message__meta">
        <span class="message__author">{user?.displayName}</span> <span class="message__you">({t.discussion.you})</span>{' '}
        <span class="message__state">{item.failed ? t.discussion.notSent : t.discussion.sending}</span>
      </p>
      <p class="message__body">{item.body}</p>
      {item.failed && (
        <div class="message__actions" role="alert">
          <p class="field-error">
            <ExplainedText explained={item.failed} />
          </p>
          <button type="button" class="button-secondary" onClick={onRetry}>
            {t.discussion.tryAgain}
          </button>
          <button type="button" onClick={onDiscard}>
            {t.discussion.discard}
          </button>
        </div>
      )}
    </li>
  );
}
