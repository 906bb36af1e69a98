/**
 * /channels/:id: a channel on its own (where notifications about a partnership's private channel
 * link). Private channels are for their members: others are asked to log in, or told it is not theirs.
 */
import { getChannel } from './api';
import { useSession } from '../../shared/session';
import { Discussion } from './components/Discussion';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Quoted } from '../../shared/ui/Quoted';
import type { Channel } from './api';
import { useLiveMessages } from './i18n/messages';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';

export function ChannelPage({ id }: { id: string }) {
  const t = useLiveMessages();
  return (
    <RequireSignIn title={t.channelPage.title}>{(user) => <ChannelView id={Number(id)} key={user.id} />}</RequireSignIn>
  );
}

function ChannelView({ id }: { id: number }) {
  const session = useSession();
  const channel = useApi((signal) => getChannel(id, signal), [id, session.user?.id]);
  if (channel.error?.notFound) return <NotFoundPage />;
  if (channel.error) return <LoadError error={channel.error} onRetry={channel.reload} />;
  if (!channel.data) return <Loading />;
  return <ChannelContent id={id} channel={channel.data} />;
}

function ChannelContent({ id, channel }: { id: number; channel: Channel }) {
  const t = useLiveMessages();
  const { langOf } = useI18n();
  const { title, titleLang, initiativeId, partnershipId } = channel;
  // A partnership's channel is named by its initiative's title, worded here in the reader's language.
  const heading = partnershipId ? t.partnerships.pageTitle(title) : title;
  useDocumentTitle(heading);
  return (
    <article class="channel-page">
      <p class="back-link">
        {initiativeId ? (
          <Link href={`/initiatives/${initiativeId}`}>← {t.initiative.back}</Link>
        ) : (
          <Link href="/partnerships">← {t.channelPage.partnerships}</Link>
        )}
      </p>
      <PageHeading>
        <Quoted text={heading} quote={title} lang={langOf(titleLang)} />
      </PageHeading>
      <Discussion channelId={id} anchor="channel" />
    </article>
  );
}
