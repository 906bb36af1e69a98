/**
 * /channels/:id: a channel on its own (where notifications about a partnership's private channel
 * link). Private channels are for their members: others are asked to log in, or told it is not theirs.
 */
import { getChannel } from '../api/live';
import { useSession } from '../auth/session';
import { Discussion } from '../components/live/Discussion';
import { LoadError, Loading } from '../components/LoadError';
import { PageHeading } from '../components/PageHeading';
import { RequireSignIn } from '../components/RequireSignIn';
import { useDocumentTitle } from '../i18n/i18n';
import { useLiveMessages } from '../i18n/live';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';
import { NotFoundPage } from './NotFoundPage';

export function ChannelPage({ id }: { id: number }) {
  const t = useLiveMessages();
  return <RequireSignIn title={t.channelPage.title}>{(user) => <ChannelView id={id} key={user.id} />}</RequireSignIn>;
}

function ChannelView({ id }: { id: number }) {
  const session = useSession();
  const channel = useApi((signal) => getChannel(id, signal), [id, session.user?.id]);
  if (channel.error?.notFound) return <NotFoundPage />;
  if (channel.error) return <LoadError error={channel.error} onRetry={channel.reload} />;
  if (!channel.data) return <Loading />;
  return <ChannelContent id={id} title={channel.data.title} initiativeId={channel.data.initiativeId} />;
}

function ChannelContent({ id, title, initiativeId }: { id: number; title: string; initiativeId: string | null }) {
  const t = useLiveMessages();
  useDocumentTitle(title);
  return (
    <article class="channel-page">
      <p class="back-link">
        {initiativeId ? (
          <Link href={`/initiatives/${initiativeId}`}>← {t.initiative.back}</Link>
        ) : (
          <Link href="/partnerships">← {t.channelPage.partnerships}</Link>
        )}
      </p>
      {/* The channel's own title, as its creator (the server) named it. */}
      <PageHeading>{title}</PageHeading>
      <Discussion channelId={id} anchor="channel" />
    </article>
  );
}
