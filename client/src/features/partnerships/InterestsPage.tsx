/**
 * /interests: expressions of interest in my organisations' initiatives and invitations to my
 * organisations (to accept, with a reply, which starts or extends a partnership, or decline), and
 * those my organisations sent (to withdraw while open). Both lists refresh themselves when a
 * notification about interests arrives.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { acceptInterest, declineInterest, listMyInterests, withdrawInterest, type Interest } from './api';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import { FormError, TextAreaField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { useLiveMessages } from '../live/i18n/messages';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useNotificationEvents } from '../live/use-live';
import { useLiveForm } from '../live/use-live-form';

export function InterestsPage() {
  const t = useLiveMessages();
  return <RequireSignIn title={t.interests.title}>{() => <Interests />}</RequireSignIn>;
}

function Interests() {
  const t = useLiveMessages();
  useDocumentTitle(t.interests.title);
  const incoming = useApi((signal) => listMyInterests('incoming', signal), []);
  const sent = useApi((signal) => listMyInterests('sent', signal), []);
  const [notice, setNotice] = useState('');
  const reload = () => {
    incoming.reload();
    sent.reload();
  };
  /** After an answer: the lists again, and what happened, said in the status line. */
  const changed = (what: string) => {
    setNotice(what);
    reload();
  };
  useNotificationEvents(({ notification }) => {
    if (notification.kind !== 'interest') return;
    reload();
    setNotice(t.interests.refreshed);
  }, reload);

  return (
    <div class="interests">
      <PageHeading>{t.interests.title}</PageHeading>
      <p class="lead">{t.interests.intro}</p>
      {/* What just happened (an answer given, or the lists refreshed on their own), said politely. */}
      <div class="form-status" role="status">
        {notice && <p class="form-status__message">{notice}</p>}
      </div>
      <section aria-labelledby="incoming-heading">
        <h2 id="incoming-heading">{t.interests.incoming}</h2>
        <InterestList state={incoming} empty={t.interests.noIncoming} direction="incoming" onChange={changed} />
      </section>
      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">{t.interests.sent}</h2>
        <InterestList state={sent} empty={t.interests.noSent} direction="sent" onChange={changed} />
      </section>
    </div>
  );
}

function InterestList({
  state,
  empty,
  direction,
  onChange,
}: {
  state: ReturnType<typeof useApi<{ items: Interest[] }>>;
  empty: string;
  direction: 'incoming' | 'sent';
  onChange: (what: string) => void;
}) {
  if (state.error && !state.data) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!state.data) return <Loading />;
  if (!state.data.items.length) return <p class="muted">{empty}</p>;
  return (
    <ul class="interest-list">
      {state.data.items.map((interest) => (
        <InterestItem key={interest.id} interest={interest} direction={direction} onChange={onChange} />
      ))}
    </ul>
  );
}

function InterestItem({
  interest,
  direction,
  onChange,
}: {
  interest: Interest;
  direction: 'incoming' | 'sent';
  onChange: (what: string) => void;
}) {
  const t = useLiveMessages();
  const { formatDateTime, langOf } = useI18n();
  const headingId = `interest-${interest.id}`;
  // Once answered, its buttons go: focus moves to the interest itself, and the page says what happened.
  const answeredHere = useRef(false);
  useEffect(() => {
    if (!answeredHere.current) return;
    answeredHere.current = false;
    document.getElementById(headingId)?.focus();
  }, [interest.status]);
  const answered = (what: string) => {
    answeredHere.current = true;
    onChange(what);
  };
  return (
    <li class="interest-item">
      <h3 id={headingId} class="interest-item__title" tabIndex={-1}>
        <Link href={`/initiatives/${interest.initiativeId}`} lang={langOf(interest.initiativeTitleLang)}>
          {interest.initiativeTitle}
        </Link>
        <OriginalLanguage lang={interest.initiativeTitleLang} />
      </h3>
      <p class="interest-item__kind">{interest.invitation ? t.interests.kindInvitation : t.interests.kindInterest}</p>
      <p class={`interest-status interest-status--${interest.status}`}>{t.interests.status[interest.status]}</p>
      <dl class="facts-list">
        <div>
          {/* An invitation received names who invites (the initiative's organisation), one sent whom it invites. */}
          <dt>
            {interest.invitation
              ? direction === 'incoming'
                ? t.interests.invitedBy
                : t.interests.invited
              : t.interests.from}
          </dt>
          <dd>
            {interest.invitation && direction === 'incoming' ? (
              <Link href={`/organizations/${interest.initiativeOrganizationId}`}>
                {interest.initiativeOrganizationName}
              </Link>
            ) : (
              <Link href={`/organizations/${interest.organizationId}`}>{interest.organizationName}</Link>
            )}
          </dd>
        </div>
        <div>
          <dt>{t.interests.sentAt}</dt>
          <dd>
            <time dateTime={interest.createdAt}>{formatDateTime(interest.createdAt)}</time>
          </dd>
        </div>
      </dl>
      <blockquote class="interest-item__message">
        <p lang={langOf(interest.messageLang)}>{interest.message}</p>
      </blockquote>
      {interest.reply && (
        <div class="interest-item__reply">
          <p class="interest-item__label">{t.interests.reply}</p>
          <blockquote>
            <p lang={langOf(interest.replyLang)}>{interest.reply}</p>
          </blockquote>
        </div>
      )}
      {interest.partnershipId && (
        <p>
          <Link href={`/partnerships/${interest.partnershipId}`} class="button-link">
            {t.interests.openPartnership}
          </Link>
        </p>
      )}
      {interest.status === 'open' && direction === 'incoming' && (
        <AnswerForm interest={interest} onAnswered={answered} />
      )}
      {interest.status === 'open' && direction === 'sent' && (
        <ConfirmAction
          label={t.interests.withdraw}
          question={interest.invitation ? t.interests.withdrawInvitationQuestion : t.interests.withdrawQuestion}
          confirmLabel={t.interests.withdrawConfirm}
          action={() => withdrawInterest(interest.id)}
          onDone={() => answered(t.interests.withdrawn)}
          danger
        />
      )}
    </li>
  );
}

function AnswerForm({ interest, onAnswered }: { interest: Interest; onAnswered: (what: string) => void }) {
  const t = useLiveMessages();
  const { m } = useI18n();
  const [reply, setReply] = useState('');
  const accept = useLiveForm(() => acceptInterest(interest.id, reply.trim() || undefined), {
    fields: ['reply'],
    onSuccess: () => onAnswered(interest.invitation ? t.interests.invitationAccepted : t.interests.accepted),
  });
  const decline = useLiveForm(() => declineInterest(interest.id, reply.trim() || undefined), {
    fields: ['reply'],
    onSuccess: () => onAnswered(t.interests.declined),
  });
  // One reply field for both answers: the error shown is that of the last one tried.
  const form = decline.error ? decline : accept;
  const sending = accept.sending || decline.sending;
  return (
    <form ref={form.formRef} class="form interest-answer" noValidate onSubmit={accept.onSubmit}>
      <FormError form={form} />
      <TextAreaField
        id={`reply-${interest.id}`}
        field="reply"
        form={form}
        label={t.interests.replyLabel}
        hint={interest.invitation ? t.interests.invitationReplyHint : t.interests.replyHint}
        optional
        value={reply}
        onValue={setReply}
        rows={3}
        maxLength={2000}
      />
      <div class="form__actions">
        <button type="submit" class="button-primary" disabled={sending} onClick={() => decline.clearError()}>
          {accept.sending ? m.form.sending : interest.invitation ? t.interests.acceptInvitation : t.interests.accept}
        </button>
        <button
          type="button"
          class="button-danger"
          disabled={sending}
          onClick={() => {
            accept.clearError();
            void decline.run();
          }}
        >
          {decline.sending ? m.form.sending : t.interests.decline}
        </button>
      </div>
    </form>
  );
}
