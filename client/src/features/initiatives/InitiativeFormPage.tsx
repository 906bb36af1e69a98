/**
 * /initiatives/new?organization=<id>: a new initiative (a draft) of one of the reader's verified
 * organisations; /initiatives/:id/edit: its owners and editors change it.
 */
import { listMyOrganizations } from '../../shared/api/client';
import { createInitiative, getInitiative, updateInitiative, type InitiativeDetail } from './api';
import { InitiativeForm } from './components/InitiativeForm';
import { InitiativesBackLink } from './components/InitiativeHeader';
import { leaveNotice, type InitiativeNotice } from './components/notice';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useInitiativesI18n } from './i18n/messages';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate, useLocation } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';
import { Quoted } from '../../shared/ui/Quoted';

/** To the initiative's page, which says what has just happened. */
function openSaved(initiative: InitiativeDetail, notice: InitiativeNotice): void {
  const path = `/initiatives/${initiative.id}`;
  leaveNotice(path, notice);
  navigate(path);
}

export function NewInitiativePage() {
  const { t } = useInitiativesI18n();
  return <RequireSignIn title={t.form.newTitle}>{() => <NewInitiative />}</RequireSignIn>;
}

function NewInitiative() {
  const { t, locale } = useInitiativesI18n();
  const { search } = useLocation();
  useDocumentTitle(t.form.newTitle);
  const mine = useApi((signal) => listMyOrganizations(signal), []);
  const requested = new URLSearchParams(search).get('organization') ?? '';
  // Only owners and editors of verified organisations post initiatives.
  const eligible = (mine.data?.items ?? [])
    .filter(
      (organization) => organization.verified && (organization.myRole === 'owner' || organization.myRole === 'editor'),
    )
    .sort((a, b) => a.name.localeCompare(b.name, locale));
  const chosen = eligible.some((organization) => organization.id === requested)
    ? requested
    : eligible.length === 1
      ? eligible[0].id
      : '';

  return (
    <div class="narrow initiative-form-page">
      <InitiativesBackLink href="/my-initiatives" label={t.mine.title} />
      <PageHeading>{t.form.newTitle}</PageHeading>
      {mine.error ? (
        <LoadError error={mine.error} onRetry={mine.reload} />
      ) : !mine.data ? (
        <Loading />
      ) : eligible.length === 0 ? (
        <>
          <p>{t.form.noOrganization}</p>
          <p>
            <Link href="/my-organizations">{t.form.myOrganizations}</Link>
          </p>
        </>
      ) : (
        <>
          <p class="lead">{t.form.newIntro}</p>
          <InitiativeForm
            organizations={eligible}
            organizationId={chosen}
            submitLabel={t.form.create}
            save={createInitiative}
            onSaved={(initiative) => openSaved(initiative, 'created')}
          />
        </>
      )}
    </div>
  );
}

export function EditInitiativePage({ id }: { id: string }) {
  const { t } = useInitiativesI18n();
  return <RequireSignIn title={t.form.editTitle}>{() => <EditInitiative id={id} />}</RequireSignIn>;
}

function EditInitiative({ id }: { id: string }) {
  const { t } = useInitiativesI18n();
  const { langOf } = useI18n();
  const initiative = useApi((signal) => getInitiative(id, signal), [id]);
  const title = initiative.data ? t.form.editTitleOf(initiative.data.title) : t.form.editTitle;
  useDocumentTitle(title);

  if (initiative.error?.notFound) return <NotFoundPage title={t.page.notFoundTitle} text={t.page.notFoundText} />;
  if (initiative.error) return <LoadError error={initiative.error} onRetry={initiative.reload} />;
  if (!initiative.data) return <Loading />;
  const detail = initiative.data;
  return (
    <div class="narrow initiative-form-page">
      <InitiativesBackLink href={`/initiatives/${id}`} label={detail.title} labelLang={langOf(detail.titleLang)} />
      <PageHeading>
        <Quoted text={title} quote={detail.title} lang={langOf(detail.titleLang)} />
      </PageHeading>
      {detail.canEdit ? (
        <InitiativeForm
          initiative={detail}
          submitLabel={t.form.save}
          save={(input) => updateInitiative(id, { ...input, organizationId: undefined })}
          onSaved={(saved) => openSaved(saved, 'saved')}
        />
      ) : (
        <p>{t.form.notEditable}</p>
      )}
    </div>
  );
}
