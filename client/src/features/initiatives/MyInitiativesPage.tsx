/**
 * /my-initiatives: for each organisation the reader belongs to, its initiatives grouped by status
 * (members may list every status of their own organisation), and "New initiative" where the
 * reader may post one (an owner or editor of a verified organisation).
 */
import { listMyOrganizations, type MyOrganization } from '../../shared/api/client';
import { INITIATIVE_STATUSES, searchInitiatives, type InitiativeStatus, type InitiativeSummary } from './api';
import { InitiativeList } from './components/InitiativeList';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useInitiativesI18n } from './i18n/messages';
import { useDocumentTitle } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';

/** One organisation's initiatives in one status: the most a list here shows. */
const GROUP_LIMIT = 100;

export function MyInitiativesPage() {
  const { t } = useInitiativesI18n();
  return <RequireSignIn title={t.mine.title}>{() => <MyInitiatives />}</RequireSignIn>;
}

function MyInitiatives() {
  const { t, locale } = useInitiativesI18n();
  useDocumentTitle(t.mine.title);
  const mine = useApi((signal) => listMyOrganizations(signal), []);
  const organizations = [...(mine.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <div class="my-initiatives">
      <PageHeading>{t.mine.title}</PageHeading>
      <p class="lead">{t.mine.intro}</p>
      {mine.error ? (
        <LoadError error={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <Loading />
      ) : organizations.length === 0 ? (
        <>
          <p class="empty">{t.mine.none}</p>
          <p>
            <Link href="/organizations/new" class="button-link">
              {t.mine.addOrganization}
            </Link>
          </p>
        </>
      ) : (
        organizations.map((organization) => (
          <OrganizationInitiatives key={organization.id} organization={organization} />
        ))
      )}
    </div>
  );
}

function OrganizationInitiatives({ organization }: { organization: MyOrganization }) {
  const { t } = useInitiativesI18n();
  const headingId = `organization-${organization.id}`;
  const canPost = organization.myRole === 'owner' || organization.myRole === 'editor';
  // One request per status: the server lists a status other than the public ones only when asked for it.
  const groups = useApi(
    (signal) =>
      Promise.all(
        INITIATIVE_STATUSES.map((status) =>
          searchInitiatives({ org: organization.id, status, sort: 'newest', limit: GROUP_LIMIT }, signal).then(
            (page) => ({ status, items: page.items, total: page.total }),
          ),
        ),
      ),
    [organization.id],
  );
  const filled = (groups.data ?? []).filter((group) => group.items.length > 0);
  return (
    <section class="panel my-initiatives__organization" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link href={`/organizations/${organization.id}`}>{organization.name}</Link>
      </h2>
      {canPost && organization.verified ? (
        <p class="actions">
          <Link href={`/initiatives/new?organization=${organization.id}`} class="button-link button-link--primary">
            {t.mine.new}
            <span class="visually-hidden"> – {organization.name}</span>
          </Link>
        </p>
      ) : (
        <p class="muted">{!organization.verified ? t.mine.notVerified : t.mine.membersOnly}</p>
      )}
      {groups.error ? (
        <LoadError error={groups.error} onRetry={groups.reload} />
      ) : !groups.data ? (
        <Loading />
      ) : filled.length === 0 ? (
        <p class="empty">{t.mine.empty}</p>
      ) : (
        filled.map((group) => (
          <StatusGroup
            key={group.status}
            organizationId={organization.id}
            status={group.status}
            items={group.items}
            total={group.total}
          />
        ))
      )}
    </section>
  );
}

function StatusGroup({
  organizationId,
  status,
  items,
  total,
}: {
  organizationId: string;
  status: InitiativeStatus;
  items: InitiativeSummary[];
  total: number;
}) {
  const { t } = useInitiativesI18n();
  const headingId = `group-${organizationId}-${status}`;
  return (
    <section class="my-initiatives__group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t.statusGroup[status]} <span class="muted">({t.mine.count(total)})</span>
      </h3>
      <InitiativeList items={items} headingLevel={4} showStatus />
    </section>
  );
}
