/**
 * /forum/sessions/:id/projector: for the screen in the room. The pinned questions and those with
 * the most votes, in very large type, high contrast, with nothing to operate, and the session's
 * join code and a QR code that open its Q&A on a phone. Public for a published session: signed
 * in, it is live over the socket; without an account (a screen nobody logs in on) it asks for the
 * questions every few seconds. The site's header and footer are hidden while it is shown.
 */
import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import QRCode from 'qrcode';
import { getSession, listQuestions, type ForumSession, type Question } from './api';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useSession } from '../../shared/session';
import { useForumMessages } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { useApi } from '../../shared/hooks/use-api';
import { compareQuestions, useLiveQuestions } from './components/use-live-questions';

/** How many questions fit the screen in large type. */
const SHOWN = 6;
/** How often a screen without an account asks for the questions. */
const REFRESH_MS = 5000;

export function ProjectorPage({ sessionId }: { sessionId: string }) {
  const fm = useForumMessages();
  // The page chrome (navigation, language, account) is controls: hidden for the projector.
  useLayoutEffect(() => {
    document.body.classList.add('forum-projector-mode');
    return () => document.body.classList.remove('forum-projector-mode');
  }, []);
  const session = useApi((signal) => getSession(sessionId, signal), [sessionId]);
  useDocumentTitle(session.data ? fm.projectorTitle(session.data.title) : fm.qaHeading);
  if (session.error) return <LoadError error={session.error} onRetry={session.reload} />;
  if (!session.data) return <Loading />;
  return <ProjectorBoard session={session.data} />;
}

function ProjectorBoard({ session }: { session: ForumSession }) {
  const { user, status } = useSession();
  if (status === 'restoring') return <Loading />;
  return user ? <LiveBoard session={session} userId={user.id} key={user.id} /> : <RefreshedBoard session={session} />;
}

function LiveBoard({ session, userId }: { session: ForumSession; userId: string }) {
  const fm = useForumMessages();
  const live = useLiveQuestions(session.id, userId);
  const connection =
    live.state === 'connected'
      ? undefined
      : live.state === 'failed'
        ? fm.qaOffline
        : live.state === 'connecting'
          ? fm.qaConnecting
          : fm.qaReconnecting;
  return <Board session={session} questions={live.questions} connection={connection} />;
}

function RefreshedBoard({ session }: { session: ForumSession }) {
  const fm = useForumMessages();
  const [questions, setQuestions] = useState<Question[]>([]);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      listQuestions(session.id, controller.signal).then(
        (items) => {
          setQuestions(items.filter((question) => question.status === 'visible').sort(compareQuestions));
          setOffline(false);
        },
        () => !controller.signal.aborted && setOffline(true),
      );
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      controller.abort();
      window.clearInterval(timer);
    };
  }, [session.id]);
  return <Board session={session} questions={questions} connection={offline ? fm.qaOffline : undefined} />;
}

function Board({
  session,
  questions,
  connection,
}: {
  session: ForumSession;
  questions: Question[];
  connection?: string;
}) {
  const fm = useForumMessages();
  const { langOf } = useI18n();
  const pinned = questions.filter((question) => question.pinned);
  const top = questions.filter((question) => !question.pinned).slice(0, Math.max(SHOWN - pinned.length, 2));
  return (
    <div class="projector">
      <div class="projector__top">
        <PageHeading lang={langOf(session.titleLang)}>{session.title}</PageHeading>
        <JoinPanel session={session} />
      </div>
      {connection && (
        <p class="projector__connection" role="status">
          {connection}
        </p>
      )}
      <div aria-live="polite">
        {questions.length === 0 ? (
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

/** The way in from a phone: the session's join code in large type and a QR code of its Q&A's address. */
function JoinPanel({ session }: { session: ForumSession }) {
  const fm = useForumMessages();
  const address = `${window.location.origin}/forum/sessions/${session.id}#qa`;
  // Drawn as SVG squares by Preact (no image URL, nothing for the CSP to refuse).
  const qr = useMemo(() => QRCode.create(address, { errorCorrectionLevel: 'M' }).modules, [address]);
  const squares = useMemo(() => {
    let path = '';
    for (let row = 0; row < qr.size; row++)
      for (let column = 0; column < qr.size; column++)
        if (qr.get(row, column)) path += `M${column + 4} ${row + 4}h1v1h-1z`;
    return path;
  }, [qr]);
  const side = qr.size + 8;
  return (
    <aside class="projector__join" aria-labelledby="projector-join">
      <h2 id="projector-join" class="projector__join-heading">
        {fm.projectorJoin}
      </h2>
      <svg
        class="projector__qr"
        viewBox={`0 0 ${side} ${side}`}
        role="img"
        aria-label={fm.projectorQrLabel(session.joinCode)}
        shape-rendering="crispEdges"
      >
        <rect width={side} height={side} fill="#fff" />
        <path d={squares} fill="#000" />
      </svg>
      <p class="projector__code">
        <span class="projector__code-label">{fm.projectorCodeLabel}</span>{' '}
        <strong class="projector__code-value" data-join-code={session.joinCode}>
          {session.joinCode}
        </strong>
      </p>
      <p class="projector__how">{fm.projectorHowTo}</p>
    </aside>
  );
}

function ProjectorList({ heading, questions, id }: { heading: string; questions: Question[]; id: string }) {
  const fm = useForumMessages();
  const { langOf } = useI18n();
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
            <p class="projector__body" lang={langOf(question.lang)}>
              {question.body}
            </p>
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
