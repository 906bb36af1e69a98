/**
 * The forum's pages under /forum, matched here so that the app's router needs one branch:
 * /forum, /forum/admin, /forum/my, /forum/editions/:id[/agenda|propose|my|outcomes],
 * /forum/sessions/:id[/projector].
 */
import { useEffect } from 'preact/hooks';
import { listEditions } from '../../api/forum';
import { LoadError, Loading } from '../../components/LoadError';
import { navigate } from '../../lib/router';
import { useApi } from '../../lib/use-api';
import { NotFoundPage } from '../NotFoundPage';
import { AgendaPage } from './AgendaPage';
import { ForumAdminPage } from './ForumAdminPage';
import { ForumHomePage } from './ForumHomePage';
import { MyForumPage } from './MyForumPage';
import { OutcomesPage } from './OutcomesPage';
import { ProjectorPage } from './ProjectorPage';
import { ProposePage } from './ProposePage';
import { SessionPage } from './SessionPage';

export const FORUM_PATH = /^\/forum(?:\/|$)/;
const UUID = '([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
const EDITION_PATH = new RegExp(`^/forum/editions/${UUID}(?:/(agenda|propose|my|outcomes))?/?$`, 'i');
const SESSION_PATH = new RegExp(`^/forum/sessions/${UUID}(/projector)?/?$`, 'i');

export function ForumRoutes({ path }: { path: string }) {
  const clean = path.length > 1 ? path.replace(/\/$/, '') : path;
  if (clean === '/forum') return <ForumHomePage />;
  if (clean === '/forum/admin') return <ForumAdminPage />;
  if (clean === '/forum/my') return <CurrentEditionRedirect view="my" />;
  const edition = EDITION_PATH.exec(clean);
  if (edition) {
    const [, id, view] = edition;
    if (view === 'agenda') return <AgendaPage editionId={id} />;
    if (view === 'propose') return <ProposePage editionId={id} />;
    if (view === 'my') return <MyForumPage editionId={id} />;
    if (view === 'outcomes') return <OutcomesPage editionId={id} />;
    return <ForumHomePage editionId={id} />;
  }
  const session = SESSION_PATH.exec(clean);
  if (session) return session[2] ? <ProjectorPage sessionId={session[1]} /> : <SessionPage sessionId={session[1]} />;
  return <NotFoundPage />;
}

/** /forum/my (the link of meeting notifications): "my forum" of the newest edition. */
function CurrentEditionRedirect({ view }: { view: 'my' }) {
  const editions = useApi((signal) => listEditions(signal), []);
  const newest = editions.data?.items[0];
  useEffect(() => {
    if (newest) navigate(`/forum/editions/${newest.id}/${view}`, { replace: true });
    else if (editions.data) navigate('/forum', { replace: true });
  }, [editions.data]);
  if (editions.error) return <LoadError error={editions.error} onRetry={editions.reload} />;
  return <Loading />;
}
