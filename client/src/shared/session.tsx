/**
 * Who is signed in. The tokens themselves are handled by the API wrapper (api/client.ts: the
 * access token in memory, the refresh token in an httpOnly cookie); this module restores a session
 * when the app starts, loads the user (GET me) and shares it with the pages through a context.
 */
import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import {
  ApiError,
  forgetSession,
  getMe,
  isSignedIn,
  logIn as apiLogIn,
  logOut as apiLogOut,
  mayHaveSession,
  onSessionEnded,
  refreshSession,
  SESSION_HINT_KEY,
  type Me,
} from './api/client';
import { useI18n } from './i18n/i18n';
import type { Messages } from './i18n/pl';
import { navigate } from './router';

export type SessionStatus = 'restoring' | 'signedOut' | 'signedIn';

/** A message for the page the reader lands on after a session change (shown only on that page). */
export interface SessionNotice {
  kind: keyof Messages['notice'];
  path: string;
  /** Filled into the message where it names something, e.g. the organisation left. */
  subject?: string;
  /** When an unplanned notice (the session ended) was raised: it follows a click already on its way. */
  at?: number;
}

export interface SessionState {
  status: SessionStatus;
  user?: Me;
  notice?: SessionNotice;
  logIn: (email: string, password: string) => Promise<Me>;
  /** Logs out on the server and here. */
  logOut: () => Promise<void>;
  /** After the server has ended the session itself (password reset, account deleted). */
  endLocally: () => void;
  /** Keeps what PATCH me answered (name, language) or reloads it (a changed address). */
  setUser: (user: Me) => void;
  reloadUser: () => Promise<void>;
  showNotice: (notice: SessionNotice | undefined) => void;
}

const SessionContext = createContext<SessionState | null>(null);

/** The refresh started before the first render (see startRestoringSession), joined by the provider. */
let firstRestore: Promise<boolean> | undefined;

/**
 * Starts restoring the session before the app renders: the first page's requests then wait for
 * the token (the API wrapper holds them while a refresh runs) instead of going out anonymous,
 * which for a page only members may see would be a 404.
 */
export function startRestoringSession(): void {
  if (mayHaveSession()) firstRestore = refreshSession();
}

export function isStaff(user: Me | undefined): boolean {
  return user?.role === 'moderator' || user?.role === 'admin';
}

export function SessionProvider({ children }: { children: ComponentChildren }) {
  const { setLanguage } = useI18n();
  const [status, setStatus] = useState<SessionStatus>(() => (mayHaveSession() ? 'restoring' : 'signedOut'));
  const [user, setUser] = useState<Me>();
  const [notice, setNotice] = useState<SessionNotice>();

  const signedOut = () => {
    setUser(undefined);
    setStatus('signedOut');
  };

  /** The refresh cookie, if any, becomes a session again (a reload, a new tab, a login in another tab). */
  const restore = async () => {
    setStatus('restoring');
    const restoring = firstRestore ?? refreshSession();
    firstRestore = undefined;
    if (!(await restoring)) return signedOut();
    try {
      setUser(await getMe());
      setStatus('signedIn');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetSession();
      signedOut();
    }
  };

  useEffect(() => {
    if (status === 'restoring') void restore();
    const stopListening = onSessionEnded(() => {
      signedOut();
      setNotice({ kind: 'sessionEnded', path: window.location.pathname, at: Date.now() });
    });
    // Other tabs share the refresh cookie: follow their logins and logouts.
    const followOtherTabs = (event: StorageEvent) => {
      if (event.key !== SESSION_HINT_KEY && event.key !== null) return;
      if (event.newValue === '1' && !isSignedIn()) void restore();
      else if (event.newValue === null && isSignedIn()) {
        forgetSession();
        signedOut();
      }
    };
    window.addEventListener('storage', followOtherTabs);
    return () => {
      stopListening();
      window.removeEventListener('storage', followOtherTabs);
    };
  }, []);

  const state = useMemo<SessionState>(
    () => ({
      status,
      user,
      notice,
      async logIn(email, password) {
        await apiLogIn(email, password);
        const me = await getMe();
        setUser(me);
        setStatus('signedIn');
        // The account's language (also that of its e-mails) becomes the interface's.
        setLanguage(me.locale);
        return me;
      },
      async logOut() {
        try {
          await apiLogOut();
        } catch {
          // The token is forgotten whatever the server answered; the cookie expires on its own.
        }
        signedOut();
      },
      endLocally() {
        forgetSession();
        signedOut();
      },
      setUser,
      async reloadUser() {
        setUser(await getMe());
      },
      showNotice: setNotice,
    }),
    [status, user, notice, setLanguage],
  );
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

/** Logs out and goes to the home page, which says so. */
export function useLogOut(): () => Promise<void> {
  const session = useSession();
  return async () => {
    await session.logOut();
    session.showNotice({ kind: 'loggedOut', path: '/' });
    navigate('/');
  };
}

/**
 * Where to go back to after logging in. It travels in the URL fragment of the login page
 * (/login#next=...), so a link token in it (an invitation's) is never sent to the server or
 * logged, and nothing is stored.
 */
export function loginHref(next?: string): string {
  return next ? `/login#next=${encodeURIComponent(next)}` : '/login';
}

export function registerHref(next?: string): string {
  return next ? `/register#next=${encodeURIComponent(next)}` : '/register';
}

/** The return path of this page's fragment, if it is a path of this app (never another site). */
export function returnPathFromHash(): string | undefined {
  const next = new URLSearchParams(window.location.hash.slice(1)).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}

/** The current page as a return path, fragment included. */
export function currentPath(): string {
  return window.location.pathname + window.location.search + window.location.hash;
}

/**
 * The token of an e-mail link (#token=...), removed from the address bar at once: it must not
 * linger in the history, in a bookmark or on a shared screen. The page keeps it in memory.
 */
export function takeLinkToken(): string | undefined {
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token') ?? undefined;
  if (window.location.hash)
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  return token || undefined;
}

/** The token of an e-mail link, left in the address bar (for a page that still needs it there). */
export function peekLinkToken(): string | undefined {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') || undefined;
}
