/**
 * /forum/sessions/:id/projector: for the screen in the room. The pinned questions and those with
 * the most votes, in very large type, high contrast, updating live, with nothing to operate.
 * The site's header and footer are hidden while it is shown.
 */
import { useLayoutEffect } from 'preact/hooks';
import type { Me } from '../../shared/api/client';
import { getSession, type ForumSession, type Question } from './api';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle } from '../../shared/i18n/i18n';
import { useApi } from '../../shared/hooks/use-api';
import { useLiveQuestions } from './components/use-live-questions';

/** How many questions fit the screen in large type. */
const SHOWN = 6;

export function ProjectorPage({ sessionId }: { sessionId: string }) {
  const fm = useForumMessages();
  // The page chrome (navigation, language, account) is controls: hidden for the projector.
  useLayoutEffect(() => {
    document.body.classList.add('forum-projector-mode');
    return () => document.body.classList.remove('forum-projector-mode');
  }, []);
  return (
    <RequireSignIn title={fm.qaHeading}>{(user) => <Projector sessionId={sessionId} user={user} />}</RequireSignIn>
  );
}

function Projector({ sessionId, user }: { sessionId: string; user: Me }) {
  const fm = useForumMessages();
  const session = useApi((signal) => getSession(sessionId, signal), [sessionId]);
  useDocumentTitle(session.data ? fm.projectorTitle(session.data.title) : fm.qaHeading);
  if (session.error) return <LoadError error={session.error} onRetry={session.reload} />;
  if (!session.data) return <Loading />;
  return <ProjectorBoard session={session.data} user={user} />;
}

function ProjectorBoard({ session, user }: { session: ForumSession; user: Me }) {
  const fm = useForumMessages();
  const live = useLiveQuestions(session.id, user.id);
  const pinned = live.questions.filter((question) => question.pinned);
  const top = live.questions.filter((question) => !question.pinned).slice(0, Math.max(SHOWN - pinned.length, 2));
  return (
    <div class="projector">
      <PageHeading>{session.title}</PageHeading>
      {live.state !== 'connected' && (
        <p class="projector__connection" role="status">
          {live.state === 'failed' ? fm.qaOffline : live.state === 'connecting' ? fm.qaConnecting : fm.qaReconnecting}
        </p>
      )}
      <div aria-live="polite">
        {live.questions.length === 0 ? (
          <p class="projector__empty">{fm.projectorEmpty}</p>
        ) : (
          <>
            {pinned.length > 0 && (
              <ProjectorList heading={fm.projectorPinned} questions={pinned} id="projector-pinned" />
            )}
            {top.length > 0 && <ProjectorList heading={fm.projectorTop} questions={top} id="projector-top" />}
          </>
        )}
      </div>
    </div>
  );
}

function ProjectorList({ heading, questions, id }: { heading: string; questions: Question[]; id: string }) {
  const fm = useForumMessages();
  return (
    <section aria-labelledby={id}>
      <h2 id={id} class="projector__heading">
        {heading}
      </h2>
      <ol class="projector__list">
        {questions.map((question) => (
          <li
            key={question.id}
            class={`projector__question${question.pinned ? ' is-pinned' : ''}${question.answered ? ' is-answered' : ''}`}
          >
            <p class="projector__body">{question.body}</p>
            <p class="projector__meta">
              <span class="projector__votes">{fm.votes(question.votes)}</span>
              {question.answered && <span class="projector__badge">✓ {fm.answered}</span>}
              {/* Staff may run the projector, and staff see every author: an anonymous question stays anonymous on screen. */}
              <span class="projector__author">
                {question.anonymous ? fm.anonymous : (question.author ?? fm.anonymous)}
              </span>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
