/**
 * A session's registration for the reader: register (or join the waiting list when it is full),
 * see the confirmed place or the position in line, and cancel. The outcome is announced.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  cancelSessionRegistration,
  registerForSession,
  registrationIsOpen,
  type EditionStatus,
  type ForumSession,
  type Registration,
} from '../api';
import { currentPath, loginHref, useSession } from '../../../shared/session';
import { useForumMessages } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { useForm } from '../../../shared/hooks/use-form';
import { ActionError } from './common';

export interface MyRegistration {
  status: 'confirmed' | 'waiting';
  /** Known right after registering (the REST answer); GET me does not say it. */
  position?: number;
}

interface SessionRegistrationProps {
  session: ForumSession;
  editionStatus: EditionStatus;
  /** null: not registered; undefined: not known yet. */
  mine: MyRegistration | null | undefined;
  onChange: (next: MyRegistration | null) => void;
  /** The id of the session's title, which describes the buttons among many sessions. */
  describedBy?: string;
}

export function SessionRegistration({ session, editionStatus, mine, onChange, describedBy }: SessionRegistrationProps) {
  const fm = useForumMessages();
  const { status, user } = useSession();
  const [news, setNews] = useState<string>();
  /** The button that replaces the one just used takes the focus, so keyboard users keep their place. */
  const button = useRef<HTMLButtonElement>(null);
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus) button.current?.focus();
  }, [refocus, mine]);
  const register = useForm(() => registerForSession(session.id), {
    onSuccess(result: Registration) {
      const next: MyRegistration = {
        status: result.status === 'waiting' ? 'waiting' : 'confirmed',
        position: result.position,
      };
      setNews(
        next.status === 'waiting' ? (next.position ? fm.waitingPosition(next.position) : fm.waiting) : fm.confirmed,
      );
      onChange(next);
      setRefocus((n) => n + 1);
    },
  });
  const cancel = useForm(() => cancelSessionRegistration(session.id), {
    onSuccess() {
      setNews(mine?.status === 'waiting' ? fm.leftWaitingList : fm.cancelled);
      onChange(null);
      setRefocus((n) => n + 1);
    },
  });

  const open = registrationIsOpen(editionStatus) && session.status === 'accepted' && Boolean(session.capacity);
  const full = session.capacity !== null && session.confirmed >= session.capacity;
  const sending = register.sending || cancel.sending;
  const state = mine
    ? mine.status === 'waiting'
      ? mine.position
        ? fm.waitingPosition(mine.position)
        : fm.waiting
      : fm.confirmed
    : undefined;

  let body;
  if (status === 'restoring') body = null;
  else if (!user) {
    body = open ? (
      <p class="forum-registration__line">
        <Link href={loginHref(currentPath())}>{fm.logInToRegisterSession}</Link>
      </p>
    ) : null;
  } else if (mine) {
    body = (
      <p class="forum-registration__line">
        {/* The live region below says what just changed; this line says how things stand. */}
        <span class={`forum-registration__state forum-registration__state--${mine.status}`}>{state}</span>{' '}
        <button
          type="button"
          ref={button}
          class="button-secondary"
          disabled={sending}
          aria-describedby={describedBy}
          onClick={() => void cancel.run()}
        >
          {mine.status === 'waiting' ? fm.leaveWaitingList : fm.cancelRegistration}
        </button>
      </p>
    );
  } else if (!open) {
    body = <p class="forum-registration__line muted">{fm.registrationClosed}</p>;
  } else if (mine === null) {
    body = (
      <p class="forum-registration__line">
        {full && <span class="forum-registration__full">{fm.full}</span>}{' '}
        <button
          type="button"
          ref={button}
          class="button-primary"
          disabled={sending}
          aria-describedby={describedBy}
          onClick={() => void register.run()}
        >
          {full ? fm.joinWaitingList : fm.register}
        </button>
      </p>
    );
  }

  return (
    <div class="forum-registration">
      {body}
      {/* Announced only: the line above shows the same change. */}
      <div role="status" class="visually-hidden">
        {news && <p>{news}</p>}
      </div>
      <ActionError error={register.error ?? cancel.error} />
    </div>
  );
}
