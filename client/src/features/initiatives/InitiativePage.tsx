/**
 * /initiatives/:id: one initiative. Everyone sees a published one; its organisation and staff also
 * see drafts and initiatives under moderation, with the moderator's comment and the history, and
 * get the steps of the workflow they may take (the detail's `actions`).
 *
 * The page is made of sections (components/initiatives/*), each given the initiative: further
 * sections (the discussion, finding partners) are added to InitiativeView in the same way.
 */
import { useEffect, useState } from 'preact/hooks';
import { getInitiative, type InitiativeAction, type InitiativeDetail } from './api';
import { useSession } from '../../shared/session';
import { FormStatus } from '../../shared/ui/Form';
import { InitiativeCoOrganizers, InitiativeDescription } from './components/InitiativeDescription';
import { InitiativeFacts } from './components/InitiativeFacts';
import { InitiativeHeader, InitiativesBackLink } from './components/InitiativeHeader';
import { InitiativeManagement } from './components/InitiativeManagement';
import { InitiativeHistory, ModerationNote } from './components/InitiativeModeration';
import { takeNotice, type InitiativeNotice } from './components/notice';
import { ReportButton } from './components/ReportDialog';
import { InitiativeLive } from '../live/components/InitiativeLive';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { useInitiativesI18n } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';
import { useApi } from '../../shared/hooks/use-api';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';

type News = { notice: InitiativeNotice } | { action: InitiativeAction };

export function InitiativePage({ id }: { id: string }) {
  const { t } = useInitiativesI18n();
  const session = useSession();
  // Loaded again when the reader logs in or out: what they may see and do changes.
  const loaded = useApi((signal) => getInitiative(id, signal), [id, session.user?.id]);
  // After a step of the workflow the server answers with the initiative as it now is.
  const [latest, setLatest] = useState<InitiativeDetail>();
  // Kept as which message, not its words, so switching the language translates it too.
  const [news, setNews] = useState<News | undefined>(() => {
    const notice = takeNotice(`/initiatives/${id}`);
    return notice && { notice };
  });
  useEffect(() => setLatest(undefined), [loaded.data]);

  if (session.status === 'restoring') return <Loading />;
  if (loaded.error?.notFound) return <NotFoundPage title={t.page.notFoundTitle} text={t.page.notFoundText} />;
  if (loaded.error) return <InitiativeLoadError error={loaded.error} onRetry={loaded.reload} />;
  const initiative = latest ?? loaded.data;
  if (!initiative || initiative.id !== id) return <Loading />;
  return (
    <InitiativeView
      initiative={initiative}
      news={news && ('notice' in news ? t.page[news.notice] : t.actions.done[news.action])}
      onStep={(action, updated) => {
        setLatest(updated);
        setNews({ action });
      }}
    />
  );
}

function InitiativeLoadError(props: Parameters<typeof LoadError>[0]) {
  const { m } = useInitiativesI18n();
  useDocumentTitle(m.common.loadFailed);
  return (
    <>
      <InitiativesBackLink />
      <LoadError {...props} />
    </>
  );
}

interface InitiativeViewProps {
  initiative: InitiativeDetail;
  /** What just happened (saved, submitted...), announced and focused: the button pressed may be gone. */
  news?: string;
  onStep: (action: InitiativeAction, initiative: InitiativeDetail) => void;
}

/** The summary in the reader's language where a version exists, marked with its language. */
function InitiativeSummary({ initiative }: { initiative: InitiativeDetail }) {
  const { langOf } = useI18n();
  return (
    <p class="lead initiative__summary">
      <span lang={langOf(initiative.summaryLang)}>{initiative.summary}</span>
      {initiative.summaryLang !== initiative.titleLang && <OriginalLanguage lang={initiative.summaryLang} />}
    </p>
  );
}

export function InitiativeView({ initiative, news, onStep }: InitiativeViewProps) {
  const session = useSession();
  useDocumentTitle(initiative.title);
  // The server gives the history only to the initiative's organisation and to staff.
  const insider = initiative.history !== undefined;
  return (
    <article class="initiative">
      <InitiativeHeader initiative={initiative} />
      <FormStatus message={news} focus />
      {insider && <ModerationNote initiative={initiative} />}
      <InitiativeManagement initiative={initiative} onDone={onStep} />
      <InitiativeSummary initiative={initiative} />
      <InitiativeFacts initiative={initiative} />
      <InitiativeDescription initiative={initiative} />
      <InitiativeCoOrganizers initiative={initiative} />
      <InitiativeLive initiative={initiative} />
      {insider && <InitiativeHistory initiative={initiative} />}
      {/* Reporting is for readers outside it: its organisation edits it, staff moderate it. */}
      {session.user && !insider && <ReportButton initiativeId={initiative.id} />}
    </article>
  );
}
