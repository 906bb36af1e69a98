/**
 * The app's one route table: a path (preact-iso's patterns: `:name` is one segment) and the page it
 * shows, imported when first needed, so each page is its own chunk and the first page a reader opens
 * loads only what it uses. The first matching row wins: literal paths stand before `:id` ones.
 */
import type { ComponentType } from 'preact';
import { lazy } from 'preact-iso';
import { LoadFailedPage } from './shared/ui/LoadFailedPage';

export interface AppRoute {
  path: string;
  page: ComponentType<Record<string, string>>;
  /** Parameters that must have this form, or the page is "not found" (as a mistyped link was before). */
  params?: Record<string, RegExp>;
  /** Fixed props for the page. */
  props?: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNEL_ID = /^[1-9][0-9]{0,15}$/;

/** A page of a module, loaded on first use; a module that fails to load (offline, a new release) says so. */
function page<M>(load: () => Promise<M>, name: keyof M): ComponentType<Record<string, string>> {
  return lazy(() =>
    load().then(
      (module) => module[name] as ComponentType<Record<string, string>>,
      () => LoadFailedPage,
    ),
  );
}

const registry = () => import('./features/registry/CitiesPage');
const cityPage = () => import('./features/registry/CityPage');
const CitiesPage = page(registry, 'CitiesPage');
const documentEdit = () => import('./features/registry/DocumentEditPages');
const account = {
  login: page(() => import('./features/account/LoginPage'), 'LoginPage'),
  register: page(() => import('./features/account/RegisterPage'), 'RegisterPage'),
  verify: page(() => import('./features/account/VerifyEmailPage'), 'VerifyEmailPage'),
  reset: page(() => import('./features/account/PasswordResetPage'), 'PasswordResetPage'),
  confirm: page(() => import('./features/account/ConfirmEmailPage'), 'ConfirmEmailPage'),
  account: page(() => import('./features/account/AccountPage'), 'AccountPage'),
};
const organizationForm = () => import('./features/organizations/OrganizationFormPage');
const initiativeForm = () => import('./features/initiatives/InitiativeFormPage');
const initiativeLive = () => import('./features/live/InitiativeLivePages');
const partnerships = () => import('./features/partnerships/PartnershipsPages');
const delegationForm = () => import('./features/delegations/DelegationFormPages');
const officeConsultations = () => import('./features/consultations/OfficeConsultationsPages');
const forumHome = page(() => import('./features/forum/ForumHomePage'), 'ForumHomePage');

export const ROUTES: readonly AppRoute[] = [
  // registry
  { path: '/', page: page(() => import('./features/public/HomePage'), 'HomePage') },
  { path: '/cities', page: CitiesPage },
  { path: '/cities/:cityKey', page: page(cityPage, 'CityPage') },
  // public pages
  {
    path: '/networks/:networkKey',
    page: page(() => import('./features/public/NetworkPage'), 'NetworkPage'),
    params: { networkKey: /^[a-z0-9_]{1,64}$/ },
  },
  {
    path: '/goals/:goalKey',
    page: page(() => import('./features/public/GoalPage'), 'GoalPage'),
    params: { goalKey: /^[a-z0-9_]{1,64}$/ },
  },
  // open data
  { path: '/open-data', page: page(() => import('./features/open-data/OpenDataPage'), 'OpenDataPage') },
  // statistics
  { path: '/statistics', page: page(() => import('./features/statistics/StatisticsPage'), 'StatisticsPage') },
  { path: '/cities/:cityKey/edit', page: page(() => import('./features/registry/EditCityPage'), 'EditCityPage') },
  { path: '/cities/:cityKey/documents/new', page: page(documentEdit, 'NewDocumentPage') },
  {
    path: '/cities/:cityKey/documents/:documentId/edit',
    page: page(documentEdit, 'EditDocumentPage'),
    params: { documentId: /^[1-9][0-9]{0,8}$/ },
  },
  { path: '/staff', page: page(() => import('./features/registry/StaffRolesPage'), 'StaffRolesPage') },
  // account
  { path: '/login', page: account.login },
  { path: '/register', page: account.register },
  { path: '/verify-email', page: account.verify },
  { path: '/password-reset', page: account.reset },
  { path: '/confirm-email', page: account.confirm },
  { path: '/account', page: account.account },
  // organizations
  {
    path: '/organizations',
    page: page(() => import('./features/organizations/OrganizationsPage'), 'OrganizationsPage'),
  },
  { path: '/organizations/new', page: page(organizationForm, 'NewOrganizationPage') },
  {
    path: '/organizations/:id',
    page: page(() => import('./features/organizations/OrganizationPage'), 'OrganizationPage'),
    params: { id: UUID },
  },
  { path: '/organizations/:id/edit', page: page(organizationForm, 'EditOrganizationPage'), params: { id: UUID } },
  {
    path: '/organizations/:id/members',
    page: page(() => import('./features/organizations/MembersPage'), 'MembersPage'),
    params: { id: UUID },
  },
  {
    path: '/my-organizations',
    page: page(() => import('./features/organizations/MyOrganizationsPage'), 'MyOrganizationsPage'),
  },
  {
    path: '/invitations/accept',
    page: page(() => import('./features/organizations/InvitationAcceptPage'), 'InvitationAcceptPage'),
  },
  // moderation
  {
    path: '/moderation/organizations',
    page: page(() => import('./features/moderation/ModerationPage'), 'ModerationPage'),
  },
  { path: '/moderation', page: page(() => import('./features/moderation/ModerationQueuePage'), 'ModerationQueuePage') },
  // the city office
  { path: '/deadlines', page: page(() => import('./features/office/DeadlinesPage'), 'DeadlinesPage') },
  { path: '/audit-log', page: page(() => import('./features/office/AuditLogPage'), 'AuditLogPage') },
  // delegations and visits: the public's counts, the registry editors' register
  {
    path: '/delegations',
    page: page(() => import('./features/delegations/PublicDelegationsPage'), 'PublicDelegationsPage'),
  },
  {
    path: '/office/delegations',
    page: page(() => import('./features/delegations/StaffDelegationsPage'), 'StaffDelegationsPage'),
  },
  { path: '/office/dormancy', page: page(() => import('./features/dormancy/DormancyPage'), 'DormancyPage') },
  { path: '/office/delegations/new', page: page(delegationForm, 'NewDelegationPage') },
  {
    path: '/office/delegations/:id/edit',
    page: page(delegationForm, 'EditDelegationPage'),
    params: { id: /^[1-9][0-9]{0,8}$/ },
  },
  // public consultations: the public's pages, the registry editors' screens
  {
    path: '/consultations',
    page: page(() => import('./features/consultations/ConsultationsPage'), 'ConsultationsPage'),
  },
  {
    path: '/consultations/:id',
    page: page(() => import('./features/consultations/ConsultationPage'), 'ConsultationPage'),
    params: { id: UUID },
  },
  { path: '/office/consultations', page: page(officeConsultations, 'OfficeConsultationsPage') },
  {
    path: '/office/consultations/:id',
    page: page(officeConsultations, 'OfficeConsultationPage'),
    params: { id: UUID },
  },
  // initiatives
  { path: '/initiatives', page: page(() => import('./features/initiatives/InitiativesPage'), 'InitiativesPage') },
  { path: '/initiatives/new', page: page(initiativeForm, 'NewInitiativePage') },
  {
    path: '/initiatives/:id',
    page: page(() => import('./features/initiatives/InitiativePage'), 'InitiativePage'),
    params: { id: UUID },
  },
  { path: '/initiatives/:id/edit', page: page(initiativeForm, 'EditInitiativePage'), params: { id: UUID } },
  {
    path: '/my-initiatives',
    page: page(() => import('./features/initiatives/MyInitiativesPage'), 'MyInitiativesPage'),
  },
  // live: discussions, saved searches
  { path: '/initiatives/:id/discussion', page: page(initiativeLive, 'InitiativeDiscussionPage'), params: { id: UUID } },
  {
    path: '/channels/:id',
    page: page(() => import('./features/live/ChannelPage'), 'ChannelPage'),
    params: { id: CHANNEL_ID },
  },
  { path: '/saved-searches', page: page(() => import('./features/live/SavedSearchesPage'), 'SavedSearchesPage') },
  // partnerships
  { path: '/initiatives/:id/partners', page: page(initiativeLive, 'InitiativePartnersPage'), params: { id: UUID } },
  { path: '/interests', page: page(() => import('./features/partnerships/InterestsPage'), 'InterestsPage') },
  { path: '/partnerships', page: page(partnerships, 'PartnershipsPage') },
  { path: '/partnerships/:id', page: page(partnerships, 'PartnershipPage'), params: { id: UUID } },
  // forum
  { path: '/forum', page: forumHome },
  { path: '/forum/admin', page: page(() => import('./features/forum/ForumAdminPage'), 'ForumAdminPage') },
  {
    path: '/forum/my',
    page: page(() => import('./features/forum/CurrentEditionPage'), 'CurrentEditionPage'),
    props: { view: 'my' },
  },
  { path: '/forum/editions/:editionId', page: forumHome, params: { editionId: UUID } },
  {
    path: '/forum/editions/:editionId/agenda',
    page: page(() => import('./features/forum/AgendaPage'), 'AgendaPage'),
    params: { editionId: UUID },
  },
  {
    path: '/forum/editions/:editionId/propose',
    page: page(() => import('./features/forum/ProposePage'), 'ProposePage'),
    params: { editionId: UUID },
  },
  {
    path: '/forum/editions/:editionId/my',
    page: page(() => import('./features/forum/MyForumPage'), 'MyForumPage'),
    params: { editionId: UUID },
  },
  {
    path: '/forum/editions/:editionId/outcomes',
    page: page(() => import('./features/forum/OutcomesPage'), 'OutcomesPage'),
    params: { editionId: UUID },
  },
  {
    path: '/forum/sessions/:sessionId',
    page: page(() => import('./features/forum/SessionPage'), 'SessionPage'),
    params: { sessionId: UUID },
  },
  {
    path: '/forum/sessions/:sessionId/projector',
    page: page(() => import('./features/forum/ProjectorPage'), 'ProjectorPage'),
    params: { sessionId: UUID },
  },
];
