/**
 * /moderation: the staff's queue, oldest first: initiatives submitted for publication (published,
 * sent back with a comment, or rejected here or on their page), organisations awaiting
 * verification (decided on the verification page), and reported items, hidden or kept visible
 * with a reason (which closes their reports).
 */
import { useState } from 'preact/hooks';
import { moderateItem, moderationQueue, type InitiativeAction, type QueueItem } from '../initiatives/api';
import { FormStatus } from '../../shared/ui/Form';
import { StepAction } from '../initiatives/components/StepAction';
import { WorkflowActions } from '../initiatives/components/WorkflowActions';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useInitiativesI18n } from '../initiatives/i18n/messages';
import { useDocumentTitle } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';

const REVIEW_ACTIONS: readonly InitiativeAction[] = ['publish', 'request-changes', 'reject'];

export function ModerationQueuePage() {
  const { t } = useInitiativesI18n();
  return (
    <RequireSignIn title={t.queue.title} staff>
      {() => <Queue />}
    </RequireSignIn>
  );
}

const itemKey = (item: QueueItem) => `${item.kind}:${item.targetType}:${item.targetId}`;

function Queue() {
  const { t } = useInitiativesI18n();
  useDocumentTitle(t.queue.title);
  const queue = useApi((signal) => moderationQueue(signal), []);
  // Decided here: gone from the list at once, without waiting for the queue to load again.
  const [decided, setDecided] = useState<string[]>([]);
  const [news, setNews] = useState<string>();
  const items = (queue.data?.items ?? []).filter((item) => !decided.includes(itemKey(item)));
  const done = (item: QueueItem, message: string) => {
    setDecided((keys) => [...keys, itemKey(item)]);
    setNews(message);
  };
  return (
    <div class="moderation-queue">
      <PageHeading>{t.queue.title}</PageHeading>
      <p class="lead">{t.queue.intro}</p>
      <FormStatus message={news} focus />
      {queue.error ? (
        <LoadError error={queue.error} onRetry={queue.reload} />
      ) : !queue.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{t.queue.empty}</p>
      ) : (
        <>
          <p>{t.queue.count(items.length)}</p>
          <ol class="queue">
            {items.map((item) => (
              <li key={itemKey(item)}>
                <QueueEntry item={item} onDone={(message) => done(item, message)} />
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

function QueueEntry({ item, onDone }: { item: QueueItem; onDone: (message: string) => void }) {
  const { t, formatDateTime, langOf } = useInitiativesI18n();
  const headingId = `queue-${item.kind}-${item.targetId}`;
  const href =
    item.targetType === 'initiative'
      ? `/initiatives/${item.targetId}`
      : item.targetType === 'consultation_comment'
        ? `/consultations/${item.consultationId}#comment-${item.targetId}`
        : `/organizations/${item.targetId}`;
  const decided = () => onDone(t.queue.decided(item.title));
  return (
    <article class="queue-item panel" aria-labelledby={headingId}>
      <p class="queue-item__kind">
        <span class={`badge queue-kind queue-kind--${item.kind}`}>{t.queue.kind[item.kind]}</span>
      </p>
      <h2 id={headingId}>
        <Link href={href} lang={langOf(item.titleLang)}>
          {item.title}
        </Link>
      </h2>
      <dl class="facts-list">
        <div>
          <dt>{t.queue.target[item.targetType]}</dt>
          <dd>
            <Link href={href}>{t.queue.review}</Link>
          </dd>
        </div>
        <div>
          <dt>{t.queue.since}</dt>
          <dd>{formatDateTime(item.since)}</dd>
        </div>
        {item.kind === 'reported' && (
          <div>
            <dt>{t.queue.visibility}</dt>
            <dd>{item.hidden ? t.queue.hidden : t.queue.visible}</dd>
          </div>
        )}
      </dl>
      {item.reports.length > 0 && (
        <>
          <h3>{t.queue.reports(item.reports.length)}</h3>
          <ul class="queue-reports">
            {item.reports.map((report, index) => (
              <li key={index}>
                <strong>{t.reportReason[report.reason]}</strong>{' '}
                <span class="muted">({formatDateTime(report.createdAt)})</span>
                {/* The reporter's own words, in whatever language they wrote them. */}
                {report.comment && <p class="queue-reports__comment">{report.comment}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      <div class="queue-item__actions">
        {item.kind === 'initiative_submitted' && (
          <WorkflowActions
            initiativeId={item.targetId}
            actions={REVIEW_ACTIONS}
            subject={item.title}
            onDone={decided}
          />
        )}
        {item.kind === 'organization_pending' && (
          <Link href="/moderation/organizations" class="button-link">
            {t.queue.verifyQueue}
          </Link>
        )}
        {item.kind === 'reported' && <ReportDecision item={item} onDone={decided} />}
      </div>
    </article>
  );
}

/** A reported item is hidden, or shown (kept visible, or restored), with a reason for the audit log. */
function ReportDecision({ item, onDone }: { item: QueueItem; onDone: () => void }) {
  const { t } = useInitiativesI18n();
  const decisions = item.hidden
    ? ([
        ['restore', t.queue.restore],
        ['hide', t.queue.keepHidden],
      ] as const)
    : ([
        ['hide', t.queue.hide],
        ['restore', t.queue.dismiss],
      ] as const);
  return (
    <>
      {decisions.map(([decision, label]) => (
        <StepAction
          key={decision}
          id={`decision-${decision}-${item.targetId}`}
          label={
            <>
              {label}
              <span class="visually-hidden"> {item.title}</span>
            </>
          }
          comment={{ field: 'reason', label: `${t.queue.reason}: ${label} – ${item.title}`, hint: t.queue.reasonHint }}
          confirmLabel={label}
          action={(reason) => moderateItem(item.targetType, item.targetId, decision, reason ?? '')}
          onDone={onDone}
          danger={decision === 'hide' && !item.hidden}
        />
      ))}
    </>
  );
}
