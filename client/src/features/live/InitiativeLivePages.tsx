/**
 * An initiative's discussion (/initiatives/:id/discussion) and its "find partners" list
 * (/initiatives/:id/partners): pages of their own, beside the initiative's page, with the way to
 * express interest on both.
 */
import type { ComponentChildren } from 'preact';
import { getInitiative, type InitiativeDetail } from '../partnerships/api';
import { useSession } from '../../shared/session';
import { Discussion } from './components/Discussion';
import { ExpressInterest } from '../partnerships/components/ExpressInterest';
import { InitiativeMatches } from '../partnerships/components/Matches';
import { inviteToOf } from './components/InitiativeLive';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { useLiveMessages } from './i18n/messages';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';

function WithInitiative({
  id,
  children,
}: {
  id: string;
  children: (initiative: InitiativeDetail) => ComponentChildren;
}) {
  const { m } = useI18n();
  const session = useSession();
  // Loaded again when the reader logs in or out: what they may see changes.
  const initiative = useApi((signal) => getInitiative(id, signal), [id, session.user?.id]);
  if (session.status === 'restoring') return <Loading />;
  if (initiative.error?.notFound) return <NotFoundPage />;
  if (initiative.error)
    return <LoadErrorPage error={initiative.error} onRetry={initiative.reload} title={m.common.loadFailed} />;
  if (!initiative.data || initiative.data.id !== id) return <Loading />;
  return <>{children(initiative.data)}</>;
}

function LoadErrorPage({ title, ...props }: Parameters<typeof LoadError>[0] & { title: string }) {
  useDocumentTitle(title);
  return <LoadError {...props} />;
}

function InitiativeHeader({
  initiative,
  current,
}: {
  initiative: InitiativeDetail;
  current: 'discussion' | 'partners';
}) {
  const t = useLiveMessages();
  const { langOf } = useI18n();
  return (
    <>
      <p class="back-link">
        <Link href={`/initiatives/${initiative.id}`}>← {t.initiative.back}</Link>
      </p>
      <PageHeading lang={langOf(initiative.titleLang)}>{initiative.title}</PageHeading>
      <p class="lead" lang={langOf(initiative.summaryLang)}>
        {initiative.summary}
      </p>
      <p class="muted">
        {t.initiative.by}:{' '}
        <Link href={`/organizations/${initiative.organization.id}`}>{initiative.organization.name}</Link>
      </p>
      <nav class="initiative-live-nav" aria-label={initiative.title}>
        <ul>
          <li>
            <Link
              href={`/initiatives/${initiative.id}/discussion`}
              aria-current={current === 'discussion' ? 'page' : undefined}
            >
              {t.initiative.discussionLink}
            </Link>
          </li>
          <li>
            <Link
              href={`/initiatives/${initiative.id}/partners`}
              aria-current={current === 'partners' ? 'page' : undefined}
            >
              {t.initiative.partnersLink}
            </Link>
          </li>
        </ul>
      </nav>
      <ExpressInterest initiative={initiative} />
    </>
  );
}

export function InitiativeDiscussionPage({ id }: { id: string }) {
  return <WithInitiative id={id}>{(initiative) => <DiscussionOf initiative={initiative} />}</WithInitiative>;
}

function DiscussionOf({ initiative }: { initiative: InitiativeDetail }) {
  const t = useLiveMessages();
  useDocumentTitle(t.initiative.discussionTitle(initiative.title));
  return (
    <article class="initiative-live">
      <InitiativeHeader initiative={initiative} current="discussion" />
      {initiative.channelId !== null ? (
        <Discussion channelId={initiative.channelId} />
      ) : (
        <p class="notice-box">{t.initiative.noChannel}</p>
      )}
    </article>
  );
}

export function InitiativePartnersPage({ id }: { id: string }) {
  return <WithInitiative id={id}>{(initiative) => <PartnersOf initiative={initiative} />}</WithInitiative>;
}

function PartnersOf({ initiative }: { initiative: InitiativeDetail }) {
  const t = useLiveMessages();
  useDocumentTitle(t.matches.pageTitle(initiative.title));
  return (
    <article class="initiative-live">
      <InitiativeHeader initiative={initiative} current="partners" />
      <InitiativeMatches initiativeId={initiative.id} inviteTo={inviteToOf(initiative)} />
    </article>
  );
}
