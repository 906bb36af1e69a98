import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { currentPath, isStaff, loginHref, registerHref, useLogOut, useSession } from '../session';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../router';
import {
  InitiativesNavLink,
  ModerationNavLink,
  MyInitiativesNavLink,
} from '../../features/initiatives/components/NavLinks';
import { ForumNavLink } from '../../features/forum/components/ForumNavLink';
import { LanguageSwitch } from './LanguageSwitch';
import { LiveNavLinks } from '../../features/live/components/LiveNavLinks';
import { NotificationBell } from '../../features/live/components/NotificationBell';

export function Layout({ children }: { children: ComponentChildren }) {
  const { m } = useI18n();
  const { path } = useLocation();
  // The list itself is the current page; a city page is inside that section.
  const citiesCurrent = path === '/' || path === '/cities' ? 'page' : path.startsWith('/cities/') ? 'true' : undefined;
  const organizationsCurrent =
    path === '/organizations' ? 'page' : path.startsWith('/organizations/') ? 'true' : undefined;
  return (
    <>
      <a class="skip-link" href="#main">
        {m.app.skipLink}
      </a>
      <header class="site-header">
        <div class="site-header__inner">
          <Link href="/" class="site-name">
            {m.app.name}
          </Link>
          <nav class="main-nav" aria-label={m.app.navLabel}>
            <ul>
              <li>
                <Link href="/cities" aria-current={citiesCurrent}>
                  {m.app.navCities}
                </Link>
              </li>
              <li>
                <Link href="/organizations" aria-current={organizationsCurrent}>
                  {m.app.navOrganizations}
                </Link>
              </li>
              <InitiativesNavLink path={path} />
              <ForumNavLink path={path} />
              <li>
                <a href="/api/docs">{m.app.navApi}</a>
              </li>
            </ul>
          </nav>
          <div class="site-header__tools">
            <AccountNav path={path} />
            <NotificationBell />
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <SessionNotice path={path} />
        {children}
      </main>
      <footer class="site-footer">
        <p>{m.app.footer}</p>
        <p>
          <a href="/api/docs">{m.app.footerApi}</a>
        </p>
      </footer>
    </>
  );
}

/** Pages that are not a way back after logging in: signing in itself, and the one-time links of e-mails. */
const NO_RETURN = ['/login', '/register', '/verify-email', '/password-reset', '/confirm-email'];

/** Signed out: log in (coming back here) or sign up. Signed in: the reader's name and pages, and log out. */
function AccountNav({ path }: { path: string }) {
  const { m } = useI18n();
  const { status, user } = useSession();
  const logOut = useLogOut();
  const current = (href: string) => (path === href ? 'page' : undefined);
  // Nothing while a session is being restored, rather than a "Log in" that turns into a name.
  if (status === 'restoring') return <div class="account-nav" />;
  if (!user) {
    // The way back after logging in is this page, unless this page is itself about signing in.
    const back = NO_RETURN.includes(path) ? undefined : currentPath();
    return (
      <nav class="account-nav" aria-label={m.app.accountNavLabel}>
        <ul>
          <li>
            <Link href={loginHref(back)} aria-current={current('/login')}>
              {m.app.logIn}
            </Link>
          </li>
          <li>
            <Link href={registerHref(back)} aria-current={current('/register')} class="account-nav__sign-up">
              {m.app.signUp}
            </Link>
          </li>
        </ul>
      </nav>
    );
  }
  return (
    <nav class="account-nav" aria-label={m.app.accountNavLabel}>
      <ul>
        <li class="account-nav__user">
          <span class="visually-hidden">{m.app.signedInAs} </span>
          <span class="account-nav__name">{user.displayName}</span>
        </li>
        <li>
          <Link href="/account" aria-current={current('/account')}>
            {m.app.account}
          </Link>
        </li>
        <li>
          <Link href="/my-organizations" aria-current={current('/my-organizations')}>
            {m.app.myOrganizations}
          </Link>
        </li>
        <MyInitiativesNavLink path={path} />
        <LiveNavLinks path={path} />
        {isStaff(user) && (
          <li>
            <Link href="/moderation/organizations" aria-current={current('/moderation/organizations')}>
              {m.app.moderation}
            </Link>
          </li>
        )}
        <ModerationNavLink path={path} />
        <li>
          <button type="button" class="account-nav__log-out" onClick={() => void logOut()}>
            {m.app.logOut}
          </button>
        </li>
      </ul>
    </nav>
  );
}

/** How long after the session ended a navigation still carries its notice along. */
const FOLLOW_MS = 3000;

/** What just happened to the session (logged out, account deleted...), on the page it led to. */
function SessionNotice({ path }: { path: string }) {
  const { m } = useI18n();
  const { notice, showNotice } = useSession();
  // The session can end while a click is on its way (the server closes the sockets at once): the
  // notice then follows the reader to the page that click opens, instead of vanishing with the old one.
  useEffect(() => {
    if (notice?.at && notice.path !== path && Date.now() - notice.at < FOLLOW_MS)
      showNotice({ ...notice, path, at: undefined });
  }, [notice, path, showNotice]);
  const shown = notice && notice.path === path ? notice : undefined;
  const text = shown ? m.notice[shown.kind] : undefined;
  return (
    <div class="session-notice" role="status">
      {shown && text && <p class="notice-box">{typeof text === 'function' ? text(shown.subject ?? '') : text}</p>}
    </div>
  );
}
