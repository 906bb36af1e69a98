/**
 * The live Q&A of a session: ask (optionally anonymously towards other participants), vote once
 * per question, and follow the list as it changes; city staff also approve, pin, mark answered
 * and hide questions. New questions from others are announced politely.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError, Me } from '../../../shared/api/client';
import { moderateQuestion, type ForumSession, type Question, type QuestionAction } from '../api';
import { FieldShell, FormError, FormStatus, SubmitButton, TextAreaField } from '../../../shared/ui/Form';
import { useForumMessages } from '../i18n/messages';
import { useI18n } from '../../../shared/i18n/i18n';
import { ActionError, isStaffUser, toApiError, useForumForm } from './common';
import { useLiveQuestions, type LiveQuestions } from './use-live-questions';

export function QaPanel({ session, user }: { session: ForumSession; user: Me }) {
  const fm = useForumMessages();
  const live = useLiveQuestions(session.id, user.id);
  const staff = isStaffUser(user);
  const [moderationNews, setModerationNews] = useState<string>();

  const connection =
    live.state === 'connecting'
      ? fm.qaConnecting
      : live.state === 'reconnecting'
        ? fm.qaReconnecting
        : live.state === 'failed'
          ? fm.qaOffline
          : undefined;

  return (
    <section class="qa" id="qa" aria-labelledby="qa-heading">
      <h2 id="qa-heading">{fm.qaHeading}</h2>
      <p>{fm.qaIntro}</p>
      {session.qaModerated && <p class="notice-box">{fm.qaModerated}</p>}
      <div role="status" class="qa__connection">
        {connection && <p>{connection}</p>}
      </div>
      {live.state === 'failed' && (
        <button type="button" onClick={live.retry}>
          {fm.qaRetry}
        </button>
      )}
      {live.joinError && <ActionError error={live.joinError} />}
      {/* Questions others ask, read out without interrupting. */}
      <div class="visually-hidden" role="status" aria-live="polite">
        {live.latest && fm.newQuestion(live.latest.body)}
      </div>

      <AskForm live={live} />

      {staff ? (
        <section class="qa__pending" aria-labelledby="qa-pending-heading">
          <h3 id="qa-pending-heading">{fm.pendingHeading(live.pending.length)}</h3>
          {live.pending.length === 0 ? (
            <p class="empty">{fm.noPending}</p>
          ) : (
            <ol class="qa-list qa-list--pending">
              {live.pending.map((question) => (
                <QuestionItem key={question.id} question={question} live={live} staff onModerated={setModerationNews} />
              ))}
            </ol>
          )}
        </section>
      ) : (
        live.pending.length > 0 && (
          <section class="qa__pending" aria-labelledby="qa-pending-heading">
            <h3 id="qa-pending-heading">{fm.yourPending}</h3>
            <ol class="qa-list qa-list--pending">
              {live.pending.map((question) => (
                <QuestionItem
                  key={question.id}
                  question={question}
                  live={live}
                  staff={false}
                  onModerated={setModerationNews}
                />
              ))}
            </ol>
          </section>
        )
      )}

      <section class="qa__questions" aria-labelledby="qa-questions-heading">
        <h3 id="qa-questions-heading">{fm.questionsHeading(live.questions.length)}</h3>
        {staff && (
          <div role="status">
            <p class="visually-hidden">{moderationNews}</p>
          </div>
        )}
        {live.questions.length === 0 ? (
          live.state === 'connected' && <p class="empty">{fm.noQuestions}</p>
        ) : (
          <ol class="qa-list">
            {live.questions.map((question) => (
              <QuestionItem
                key={question.id}
                question={question}
                live={live}
                staff={staff}
                onModerated={setModerationNews}
              />
            ))}
          </ol>
        )}
      </section>
    </section>
  );
}

function AskForm({ live }: { live: LiveQuestions }) {
  const fm = useForumMessages();
  const [body, setBody] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [sent, setSent] = useState<string>();
  const form = useForumForm(() => live.ask(body, anonymous), {
    fields: ['body'],
    onSuccess(question: Question) {
      setBody('');
      setSent(question.status === 'pending' ? fm.askedPending : fm.asked);
    },
  });
  return (
    <form ref={form.formRef} class="form qa-ask" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <TextAreaField
        id="qa-body"
        field="body"
        form={form}
        label={fm.askLabel}
        hint={fm.askHint}
        rows={3}
        maxLength={500}
        value={body}
        onValue={(value) => {
          setBody(value);
          setSent(undefined);
        }}
      />
      <div class="qa-ask__anonymous">
        <input
          id="qa-anonymous"
          type="checkbox"
          checked={anonymous}
          aria-describedby="qa-anonymous-hint"
          onChange={(event) => setAnonymous(event.currentTarget.checked)}
        />
        <label for="qa-anonymous">{fm.askAnonymously}</label>
        <p id="qa-anonymous-hint" class="hint">
          {fm.anonymousHint}
        </p>
      </div>
      <div class="form__actions">
        <SubmitButton form={form}>{fm.ask}</SubmitButton>
      </div>
      <FormStatus message={sent} />
    </form>
  );
}

interface QuestionItemProps {
  question: Question;
  live: LiveQuestions;
  staff: boolean;
  onModerated: (news: string) => void;
}

function QuestionItem({ question, live, staff, onModerated }: QuestionItemProps) {
  const fm = useForumMessages();
  const { langOf } = useI18n();
  const [voting, setVoting] = useState(false);
  const [error, setError] = useState<ApiError>();
  const bodyId = `question-${question.id}`;
  const voted = live.hasVoted(question.id);
  const author =
    question.author === null
      ? fm.anonymous
      : question.anonymous
        ? fm.anonymousToOthers(question.author)
        : question.author;

  const vote = async () => {
    setVoting(true);
    setError(undefined);
    try {
      await live.vote(question.id);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setVoting(false);
    }
  };

  return (
    <li
      class={`qa-question${question.pinned ? ' is-pinned' : ''}${question.answered ? ' is-answered' : ''}`}
      data-question-id={question.id}
    >
      <div class="qa-question__main">
        <p class="qa-question__body" id={bodyId} lang={langOf(question.lang)}>
          {question.body}
        </p>
        <p class="qa-question__meta">
          {question.pinned && <span class="badge qa-badge qa-badge--pinned">{fm.pinned}</span>}
          {question.answered && <span class="badge qa-badge qa-badge--answered">{fm.answered}</span>}
          {question.status === 'pending' && <span class="badge qa-badge qa-badge--pending">{fm.pending}</span>}
          <span class="qa-question__author">
            {fm.askedBy} {author}
          </span>
        </p>
      </div>
      {question.status === 'visible' && (
        <div class="qa-question__vote">
          <span class="qa-votes">{fm.votes(question.votes)}</span>
          <button
            type="button"
            class="qa-vote"
            disabled={voted || voting}
            aria-describedby={bodyId}
            onClick={() => void vote()}
          >
            {voted ? fm.voted : fm.vote}
          </button>
        </div>
      )}
      <ActionError error={error} />
      {staff && (
        <ModerationControls
          question={question}
          bodyId={bodyId}
          onDone={(changed, action) => {
            live.apply(changed);
            onModerated(fm.questionActionDone[action]);
          }}
        />
      )}
    </li>
  );
}

function ModerationControls({
  question,
  bodyId,
  onDone,
}: {
  question: Question;
  bodyId: string;
  onDone: (question: Question, action: QuestionAction) => void;
}) {
  const fm = useForumMessages();
  const { m } = useI18n();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const reasonInput = useRef<HTMLInputElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const wasHiding = useRef(false);
  // Opening the reason form goes to its field; cancelling it, back to the button.
  useEffect(() => {
    if (hiding) reasonInput.current?.focus();
    else if (wasHiding.current) hideButton.current?.focus();
    wasHiding.current = hiding;
  }, [hiding]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const act = async (action: QuestionAction) => {
    setBusy(true);
    setError(undefined);
    try {
      onDone(await moderateQuestion(question.id, action), action);
    } catch (caught) {
      setError(toApiError(caught));
    } finally {
      setBusy(false);
    }
  };
  const hide = useForumForm(() => moderateQuestion(question.id, 'hide', reason.trim()), {
    fields: ['reason'],
    onSuccess: (hidden: Question) => onDone(hidden, 'hide'),
  });
  const actions: QuestionAction[] =
    question.status === 'pending'
      ? ['approve']
      : [question.pinned ? 'unpin' : 'pin', ...(question.answered ? [] : (['answered'] as const))];

  return (
    <div class="qa-moderation" role="group" aria-label={fm.moderationLabel} aria-describedby={bodyId}>
      <div class="qa-moderation__buttons">
        {actions.map((action) => (
          <button key={action} type="button" disabled={busy} onClick={() => void act(action)}>
            {fm.questionAction[action]}
          </button>
        ))}
        {!hiding && (
          <button type="button" ref={hideButton} class="button-danger" onClick={() => setHiding(true)}>
            {fm.questionAction.hide}
          </button>
        )}
      </div>
      <ActionError error={error} />
      {hiding && (
        <form ref={hide.formRef} class="form qa-hide" noValidate onSubmit={hide.onSubmit}>
          <FormError form={hide} />
          <FieldShell
            id={`hide-reason-${question.id}`}
            label={fm.hideReason}
            hint={fm.hideReasonHint}
            error={hide.fieldError('reason')}
          >
            {(described) => (
              <input
                {...described}
                ref={reasonInput}
                type="text"
                name="reason"
                maxLength={500}
                required
                value={reason}
                onInput={(event) => setReason(event.currentTarget.value)}
              />
            )}
          </FieldShell>
          <div class="form__actions">
            <SubmitButton form={hide} class="button-danger">
              {fm.hideConfirm}
            </SubmitButton>
            <button
              type="button"
              onClick={() => {
                hide.clearError();
                setHiding(false);
              }}
            >
              {m.common.cancel}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
