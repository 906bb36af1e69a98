/**
 * A session's questions, live: joined over the socket (again after each reconnection, which
 * also catches up on what was missed), kept up to date by the pushed events, sorted as the
 * server sorts them: pinned first, then by votes, then oldest first.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../../shared/i18n/i18n';
import { ApiError } from '../../../shared/api/client';
import type { Question } from '../api';
import {
  askQuestion,
  joinQa,
  onQuestions,
  openForumSocket,
  voteForQuestion,
  type ConnectionState,
  type ForumSocket,
} from '../forum-socket';

export interface LiveQuestions {
  state: ConnectionState;
  /** Visible questions, in order. */
  questions: Question[];
  /** Waiting for approval (only staff receive these). */
  pending: Question[];
  joinError?: ApiError;
  /** The last question others asked, for a polite live region. */
  latest?: Question;
  hasVoted: (questionId: number) => boolean;
  ask: (body: string, anonymous: boolean) => Promise<Question>;
  vote: (questionId: number) => Promise<void>;
  /** Takes in a question changed elsewhere (a moderator's REST answer). */
  apply: (question: Question) => void;
  retry: () => void;
}

export function compareQuestions(a: Question, b: Question): number {
  return Number(b.pinned) - Number(a.pinned) || b.votes - a.votes || a.id - b.id;
}

/** Votes are one per person (the server keeps them); this browser remembers which it cast, to disable the button. */
function votesKey(userId: string): string {
  return `cooperation-forum.forum-votes.${userId}`;
}

function readVotes(userId: string): Set<number> {
  try {
    const stored: unknown = JSON.parse(window.localStorage.getItem(votesKey(userId)) ?? '[]');
    return new Set(Array.isArray(stored) ? stored.filter((id): id is number => typeof id === 'number') : []);
  } catch {
    return new Set();
  }
}

function writeVotes(userId: string, votes: Set<number>): void {
  try {
    // The newest 500 are plenty for any forum.
    window.localStorage.setItem(votesKey(userId), JSON.stringify([...votes].slice(-500)));
  } catch {
    // Not remembered: the server still refuses a second vote.
  }
}

export function useLiveQuestions(sessionId: string, userId: string): LiveQuestions {
  const { language } = useI18n();
  const [socketState, setSocketState] = useState<ConnectionState>('connecting');
  /** Whether this connection has joined the Q&A: until then the list is not known, only empty. */
  const [joined, setJoined] = useState(false);
  const [byId, setById] = useState<Record<number, Question>>({});
  const [joinError, setJoinError] = useState<ApiError>();
  const [latest, setLatest] = useState<Question>();
  const [voted, setVoted] = useState(() => readVotes(userId));
  const [attempt, setAttempt] = useState(0);
  const socketRef = useRef<ForumSocket | undefined>(undefined);
  /** Bodies of questions this page is asking: their broadcast is not news to the asker. */
  const asking = useRef(new Set<string>());

  const upsert = (question: Question) =>
    setById((previous) => {
      const next = { ...previous };
      if (question.status === 'hidden') delete next[question.id];
      else next[question.id] = question;
      return next;
    });

  useEffect(() => {
    setJoined(false);
    const socket = openForumSocket(setSocketState);
    socketRef.current = socket;
    socket.on('disconnect', () => setJoined(false));
    socket.on('connect', () => {
      joinQa(socket, sessionId).then(
        (questions) => {
          setJoinError(undefined);
          setJoined(true);
          setById(Object.fromEntries(questions.map((question) => [question.id, question])));
        },
        (error: unknown) => setJoinError(error instanceof ApiError ? error : new ApiError(0, String(error))),
      );
    });
    const stop = onQuestions(socket, {
      added(question) {
        if (question.sessionId !== sessionId) return;
        upsert(question);
        if (asking.current.has(question.body)) asking.current.delete(question.body);
        else if (question.status === 'visible') setLatest(question);
      },
      updated(question) {
        if (question.sessionId === sessionId) upsert(question);
      },
      votes(event) {
        if (event.sessionId !== sessionId) return;
        // Counts only grow: a count from another instance that arrives late never takes one back.
        setById((previous) => {
          const next = { ...previous };
          for (const { id, votes } of event.votes)
            if (next[id] && votes > next[id].votes) next[id] = { ...next[id], votes };
          return next;
        });
      },
    });
    return () => {
      stop();
      socket.close();
      socketRef.current = undefined;
    };
  }, [sessionId, userId, attempt]);

  const all = Object.values(byId);
  const socket = () => {
    if (!socketRef.current) throw new ApiError(0, 'not connected');
    return socketRef.current;
  };
  const markVoted = (questionId: number) =>
    setVoted((previous) => {
      const next = new Set(previous).add(questionId);
      writeVotes(userId, next);
      return next;
    });

  return {
    // Connected but not yet joined is still connecting: questions asked meanwhile arrive with the
    // join's list, not as news, so the page must not say "no questions yet" before it knows.
    state: socketState === 'connected' && !joined ? 'connecting' : socketState,
    questions: all.filter((question) => question.status === 'visible').sort(compareQuestions),
    pending: all.filter((question) => question.status === 'pending').sort((a, b) => a.id - b.id),
    joinError,
    latest,
    hasVoted: (questionId) => voted.has(questionId),
    async ask(body, anonymous) {
      const text = body.trim();
      asking.current.add(text);
      try {
        // Written, presumably, in the language of the interface it is typed in.
        const question = await askQuestion(socket(), sessionId, text, anonymous, language);
        upsert(question);
        return question;
      } finally {
        // A moderated question is not broadcast until approved: by then it is news.
        window.setTimeout(() => asking.current.delete(text), 5_000);
      }
    },
    async vote(questionId) {
      try {
        upsert(await voteForQuestion(socket(), questionId));
        markVoted(questionId);
      } catch (error) {
        // Voted before (in another tab or browser): the vote counts, so the button is done too.
        if (error instanceof ApiError && error.status === 409) markVoted(questionId);
        throw error;
      }
    },
    apply: upsert,
    retry: () => setAttempt((n) => n + 1),
  };
}
