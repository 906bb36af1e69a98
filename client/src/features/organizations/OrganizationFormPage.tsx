import {
  createOrganization,
  getOrganization,
  updateOrganization,
  type OrganizationDetail,
} from '../../shared/api/client';
import { useSession } from '../../shared/session';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { OrganizationForm } from './components/OrganizationForm';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { navigate } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { BackLink } from './OrganizationPage';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';

/** /organizations/new: the reader's organisation, which becomes public once the City verifies it. */
export function NewOrganizationPage() {
  const { m } = useI18n();
  return <RequireSignIn title={m.organizationForm.newTitle}>{() => <NewOrganization />}</RequireSignIn>;
}

function NewOrganization() {
  const { m } = useI18n();
  const session = useSession();
  useDocumentTitle(m.organizationForm.newTitle);
  const opened = (organization: OrganizationDetail) => {
    const path = `/organizations/${organization.id}`;
    session.showNotice({ kind: 'organizationCreated', path });
    navigate(path);
  };
  return (
    <div class="narrow">
      <BackLink href="/my-organizations" label={m.app.myOrganizations} />
      <PageHeading>{m.organizationForm.newTitle}</PageHeading>
      <p class="lead">{m.organizationForm.newIntro}</p>
      <OrganizationForm submitLabel={m.organizationForm.create} save={createOrganization} onSaved={opened} />
    </div>
  );
}

/** /organizations/:id/edit: its owners and editors change its details. */
export function EditOrganizationPage({ id }: { id: string }) {
  const { m } = useI18n();
  return <RequireSignIn title={m.organizationForm.editTitle}>{() => <EditOrganization id={id} />}</RequireSignIn>;
}

function EditOrganization({ id }: { id: string }) {
  const { m } = useI18n();
  const session = useSession();
  const organization = useApi((signal) => getOrganization(id, signal), [id]);
  const title = organization.data
    ? m.organizationForm.editTitleOf(organization.data.name)
    : m.organizationForm.editTitle;
  useDocumentTitle(title);

  if (organization.error?.notFound)
    return <NotFoundPage title={m.notFound.organizationTitle} text={m.notFound.organizationText} />;
  if (organization.error) return <LoadError error={organization.error} onRetry={organization.reload} />;
  if (!organization.data) return <Loading />;
  const detail = organization.data;
  const back = <BackLink href={`/organizations/${id}`} label={detail.name} />;
  if (detail.myRole !== 'owner' && detail.myRole !== 'editor') {
    return (
      <div class="narrow">
        {back}
        <PageHeading>{title}</PageHeading>
        <p>{m.errors.editorOnly}</p>
      </div>
    );
  }
  const saved = () => {
    const path = `/organizations/${id}`;
    session.showNotice({ kind: 'organizationSaved', path });
    navigate(path);
  };
  return (
    <div class="narrow">
      {back}
      <PageHeading>{title}</PageHeading>
      <OrganizationForm
        organization={detail}
        submitLabel={m.organizationForm.save}
        save={(input) => updateOrganization(id, input)}
        onSaved={saved}
      />
    </div>
  );
}
