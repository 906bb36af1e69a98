import { listMyOrganizations } from '../../shared/api/client';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { StatusBadge } from './components/OrganizationStatus';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';

/** The organisations the reader belongs to, with their role and whether each is verified yet. */
export function MyOrganizationsPage() {
  const { m } = useI18n();
  return <RequireSignIn title={m.myOrganizations.title}>{() => <MyOrganizations />}</RequireSignIn>;
}

function MyOrganizations() {
  const { m, locale, placeName, countryName, organizationTypeName } = useI18n();
  useDocumentTitle(m.myOrganizations.title);
  const mine = useApi((signal) => listMyOrganizations(signal), []);
  const items = [...(mine.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, locale));
  return (
    <>
      <PageHeading>{m.myOrganizations.title}</PageHeading>
      <p class="actions">
        <Link href="/organizations/new" class="button-link button-link--primary">
          {m.organizations.add}
        </Link>
      </p>
      {mine.error ? (
        <LoadError error={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p class="empty">{m.myOrganizations.empty}</p>
      ) : (
        <ul class="organization-list">
          {items.map((organization) => (
            <li key={organization.id}>
              <Link href={`/organizations/${organization.id}`} class="organization-list__name">
                {organization.name}
              </Link>
              <span class="organization-list__meta">
                <span>{organizationTypeName(organization.type)}</span>
                <span>
                  {placeName(organization.city)}, {countryName(organization.city.country)}
                </span>
                <span>{m.myOrganizations.role(m.memberRole[organization.myRole])}</span>
                <StatusBadge status={organization.status} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
