import { Fragment, type JSX } from 'preact';
import { SessionProvider } from './auth/session';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n/i18n';
import { useLocation } from './lib/router';
import { AccountPage } from './pages/AccountPage';
import { CitiesPage } from './pages/CitiesPage';
import { CityPage } from './pages/CityPage';
import { ConfirmEmailPage } from './pages/ConfirmEmailPage';
import { InvitationAcceptPage } from './pages/InvitationAcceptPage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { ModerationPage } from './pages/ModerationPage';
import { MyOrganizationsPage } from './pages/MyOrganizationsPage';
import { liveRoute } from './pages/LiveRoutes';
import { NotFoundPage } from './pages/NotFoundPage';
import { initiativesRoute } from './pages/initiatives/routes';
import { FORUM_PATH, ForumRoutes } from './pages/forum/ForumRoutes';
import { EditOrganizationPage, NewOrganizationPage } from './pages/OrganizationFormPage';
import { OrganizationPage } from './pages/OrganizationPage';
import { OrganizationsPage } from './pages/OrganizationsPage';
import { PasswordResetPage } from './pages/PasswordResetPage';
import { RegisterPage } from './pages/RegisterPage';
import { VerifyEmailPage } from './pages/VerifyEmailPage';

const CITY_PATH = /^\/cities\/([^/]+)\/?$/;
const ORGANIZATION_PATH = /^\/organizations\/([0-9a-f-]{36})(?:\/(edit|members))?\/?$/i;

/** Pages that are the same whatever the path's details: matched exactly (a trailing slash allowed). */
const PAGES: Record<string, () => JSX.Element> = {
  '/login': () => <LoginPage />,
  '/register': () => <RegisterPage />,
  '/verify-email': () => <VerifyEmailPage />,
  '/password-reset': () => <PasswordResetPage />,
  '/confirm-email': () => <ConfirmEmailPage />,
  '/invitations/accept': () => <InvitationAcceptPage />,
  '/account': () => <AccountPage />,
  '/organizations': () => <OrganizationsPage />,
  '/organizations/new': () => <NewOrganizationPage />,
  '/my-organizations': () => <MyOrganizationsPage />,
  '/moderation/organizations': () => <ModerationPage />,
};

function CurrentPage() {
  const { path } = useLocation();
  if (path === '/' || path === '/cities' || path === '/cities/') return <CitiesPage />;
  const city = CITY_PATH.exec(path);
  // Keyed by path, so moving to another page starts it afresh (state, focus on its heading).
  if (city) return <CityPage cityKey={decodeURIComponent(city[1])} key={path} />;
  const page = PAGES[path.length > 1 ? path.replace(/\/$/, '') : path];
  if (page) return <Fragment key={path}>{page()}</Fragment>;
  const initiatives = initiativesRoute(path);
  if (initiatives) return initiatives;
  const live = liveRoute(path);
  if (live) return live;
  if (FORUM_PATH.test(path)) return <ForumRoutes path={path} key={path} />;
  const organization = ORGANIZATION_PATH.exec(path);
  if (organization) {
    const [, id, view] = organization;
    if (view === 'edit') return <EditOrganizationPage id={id} key={path} />;
    if (view === 'members') return <MembersPage id={id} key={path} />;
    return <OrganizationPage id={id} key={path} />;
  }
  return <NotFoundPage key={path} />;
}

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <Layout>
          <CurrentPage />
        </Layout>
      </SessionProvider>
    </I18nProvider>
  );
}
