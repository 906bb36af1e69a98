import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { currentPath, isStaff, loginHref, registerHref, useLogOut, useSession } from '../session';
import { useDeferred } from '../hooks/use-deferred';
import { useI18n } from '../i18n/i18n';
import { Link, useLocation } from '../router';
import { isRegistryEditor } from '../../features/registry/roles';
import { LanguageSwitch } from './LanguageSwitch';

/** aria-current for a section's link: the list itself is the current page, a page below it is inside it. */
function sectionCurrent(path: string, href: string): 'page' | 'true' | undefined {
  return path === href ? 'page' : path.startsWith(`${href}/`) ? 'true' : undefined;
}

export function Layout({ children }: { children: ComponentChildren }) {
  const { m } = useI18n();
  const { path } = useLocation();
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
          <SiteMenu path={path} />
          <NotificationBellSlot />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <SessionNotice path={path} />
        {children}
      </main>
      <footer class="site-footer">
        <p>{m.app.footer}</p>
        <p>
          <Link href="/open-data">{m.app.footerOpenData}</Link> ·{' '}
          <Link href="/statistics">{m.app.footerStatistics}</Link> · <a href="/api/docs">{m.app.footerApi}</a>
        </p>
      </footer>
    </>
  );
}

/**
 * The site's navigation, the account's links and the language. On a narrow screen they fold into a
 * disclosure behind a "Menu" button (aria-expanded, aria-controls; Escape closes it and gives focus
 * back to the button; following a link closes it); on a wide one the button is hidden by the
 * stylesheet and everything shows in the header.
 */
function SiteMenu({ path }: { path: string }) {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [path]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        class="menu-button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
        onKeyDown={onKeyDown}
      >
        <span class="menu-button__icon" aria-hidden="true" />
        {m.app.menu}
      </button>
      <div id="site-menu" class={`site-menu${open ? ' is-open' : ''}`} onKeyDown={onKeyDown}>
        <nav class="main-nav" aria-label={m.app.navLabel}>
          <ul>
            <li>
              <Link href="/cities" aria-current={sectionCurrent(path, '/cities')}>
                {m.app.navCities}
              </Link>
            </li>
            <li>
              <Link href="/organizations" aria-current={sectionCurrent(path, '/organizations')}>
                {m.app.navOrganizations}
              </Link>
            </li>
            <li>
              <Link href="/initiatives" aria-current={sectionCurrent(path, '/initiatives')}>
                {m.app.navInitiatives}
              </Link>
            </li>
            <li>
              <Link href="/forum" aria-current={sectionCurrent(path, '/forum')}>
                {m.app.navForum}
              </Link>
            </li>
            <li>
              <Link href="/delegations" aria-current={sectionCurrent(path, '/delegations')}>
                {m.app.navDelegations}
              </Link>
            </li>
            <li>
              <Link href="/consultations" aria-current={sectionCurrent(path, '/consultations')}>
                {m.app.navConsultations}
              </Link>
            </li>
            <li>
              <a href="/api/docs">{m.app.navApi}</a>
            </li>
          </ul>
        </nav>
        <AccountNav path={path} />
        <LanguageSwitch />
      </div>
    </>
  );
}

/** The bell is code for signed-in readers only (with the socket): loaded once someone signs in. */
function NotificationBellSlot() {
  const { user } = useSession();
  const Bell = useDeferred(
    () => import('../../features/live/components/NotificationBell').then((module) => module.NotificationBell),
    Boolean(user),
  );
  return Bell ? <Bell /> : null;
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
        <li>
          <Link href="/my-initiatives" aria-current={current('/my-initiatives')}>
            {m.app.myInitiatives}
          </Link>
        </li>
        <li>
          <Link href="/interests" aria-current={sectionCurrent(path, '/interests')}>
            {m.app.interests}
          </Link>
        </li>
        <li>
          <Link href="/partnerships" aria-current={sectionCurrent(path, '/partnerships')}>
            {m.app.partnerships}
          </Link>
        </li>
        {isStaff(user) && (
          <li>
            <Link href="/moderation/organizations" aria-current={current('/moderation/organizations')}>
              {m.app.moderation}
            </Link>
          </li>
        )}
        {isStaff(user) && (
          <li>
            <Link href="/moderation" aria-current={current('/moderation')}>
              {m.app.initiativeModeration}
            </Link>
          </li>
        )}
        {isRegistryEditor(user) && (
          <li>
            <Link href="/deadlines" aria-current={current('/deadlines')}>
              {m.app.deadlines}
            </Link>
          </li>
        )}
        {isRegistryEditor(user) && (
          <li>
            <Link href="/office/delegations" aria-current={sectionCurrent(path, '/office/delegations')}>
              {m.app.delegationsRegister}
            </Link>
          </li>
        )}
        {isRegistryEditor(user) && (
          <li>
            <Link href="/office/consultations" aria-current={sectionCurrent(path, '/office/consultations')}>
              {m.app.consultationsOffice}
            </Link>
          </li>
        )}
        {isRegistryEditor(user) && (
          <li>
            <Link href="/office/dormancy" aria-current={current('/office/dormancy')}>
              {m.app.dormancy}
            </Link>
          </li>
        )}
        {user.role === 'admin' && (
          <li>
            <Link href="/audit-log" aria-current={current('/audit-log')}>
              {m.app.auditLog}
            </Link>
          </li>
        )}
        {user.role === 'admin' && (
          <li>
            <Link href="/staff" aria-current={current('/staff')}>
              {m.app.staffRoles}
            </Link>
          </li>
        )}
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
