import { useI18n } from '../../../shared/i18n/i18n';
import type { InitiativeDetail } from '../api';
import { useInitiativesI18n } from '../i18n/messages';

/**
 * For its organisation and staff: where the initiative stands with moderation (a draft, waiting,
 * hidden) and the moderator's comment, which the authors need in order to act on it.
 */
export function ModerationNote({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useInitiativesI18n();
  const { langOf } = useI18n();
  const { status, statusComment } = initiative;
  const commentTitle =
    status === 'changes_requested'
      ? t.moderationNote.changes_requested
      : status === 'rejected'
        ? t.moderationNote.rejected
        : t.moderationNote.other;
  const explanation =
    status === 'draft' ? t.moderationNote.draft : status === 'submitted' ? t.moderationNote.submitted : undefined;
  return (
    <>
      {initiative.hidden && <p class="warning initiative-hidden">{t.page.hidden}</p>}
      {explanation && <p class="notice-box">{explanation}</p>}
      {statusComment && (
        <div class="warning initiative-status-comment">
          <p>
            <strong>{commentTitle}</strong>
          </p>
          {/* The moderator's own words, in whatever language they wrote them. */}
          <p class="initiative-status-comment__text" lang={langOf(initiative.statusCommentLang)}>
            {statusComment}
          </p>
        </div>
      )}
    </>
  );
}

/** For its organisation and staff: every change of status, when, and the comment that came with it. */
export function InitiativeHistory({ initiative }: { initiative: InitiativeDetail }) {
  const { t, formatDateTime } = useInitiativesI18n();
  const { langOf } = useI18n();
  if (!initiative.history) return null;
  return (
    <section class="initiative-section" aria-labelledby="initiative-history">
      <h2 id="initiative-history">{t.history.title}</h2>
      {initiative.history.length === 0 ? (
        <p class="muted">{t.history.empty}</p>
      ) : (
        <ol class="initiative-history">
          {initiative.history.map((change, index) => (
            <li key={index}>
              <time dateTime={change.at}>{formatDateTime(change.at)}</time>
              <span class="initiative-history__change">
                {t.history.change(t.status[change.from], t.status[change.to])}
              </span>
              {change.comment && (
                <span class="initiative-history__comment">
                  {t.history.comment} <span lang={langOf(change.commentLang)}>{change.comment}</span>
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
