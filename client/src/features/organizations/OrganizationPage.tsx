/**
 * One organisation. Everyone sees its public details and whether the City has verified it;
 * signed-in readers also see its contact details and members; its owners and editors get the
 * ways to edit it and to manage its members.
 */
import { getOrganization, requestVerification, type OrganizationDetail } from '../../shared/api/client';
import { currentPath, isStaff, loginHref, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { OrganizationSuggestions } from '../partnerships/components/Matches';
import { StatusBadge } from './components/OrganizationStatus';
import { PageHeading } from '../../shared/ui/PageHeading';
import { TagList } from '../../shared/ui/TagList';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';

export function OrganizationPage({ id }: { id: string }) {
  const { m } = useI18n();
  const session = useSession();
  // Loaded again when the reader logs in or out: what they may see changes.
  const organization = useApi((signal) => getOrganization(id, signal), [id, session.user?.id]);

  if (session.status === 'restoring') return <Loading />;
  if (organization.error?.notFound)
    return <NotFoundPage title={m.notFound.organizationTitle} text={m.notFound.organizationText} />;
  if (organization.error) return <OrganizationLoadError error={organization.error} onRetry={organization.reload} />;
  if (!organization.data || organization.data.id !== id) return <Loading />;
  return <OrganizationDetails organization={organization.data} onChange={organization.reload} />;
}

function OrganizationLoadError(props: Parameters<typeof LoadError>[0]) {
  const { m } = useI18n();
  useDocumentTitle(m.common.loadFailed);
  return (
    <>
      <BackLink />
      <LoadError {...props} />
    </>
  );
}

export function BackLink({ href = '/organizations', label }: { href?: string; label?: string }) {
  const { m } = useI18n();
  return (
    <p class="back-link">
      <Link href={href}>← {label ?? m.organization.back}</Link>
    </p>
  );
}

function OrganizationDetails({ organization, onChange }: { organization: OrganizationDetail; onChange: () => void }) {
  const { m, placeName, countryName, areaName, organizationTypeName, languageName, formatDate, langOf } = useI18n();
  const session = useSession();
  useDocumentTitle(organization.name);
  const role = organization.myRole ?? undefined;
  const { city } = organization;
  const cityName = placeName(city);

  return (
    <article class="organization">
      <BackLink />
      <PageHeading>{organization.name}</PageHeading>
      <p class="organization__status">
        <StatusBadge status={organization.status} long />
      </p>
      {organization.status === 'rejected' && organization.statusReason && (
        <div class="warning">
          <p>
            <strong>{m.organization.rejectedBecause}</strong>
          </p>
          {/* The reason is the City staff's own words, in whatever language they wrote it. */}
          <p class="organization__reason" lang={langOf(organization.statusReasonLang)}>
            {organization.statusReason}
          </p>
        </div>
      )}
      {organization.status === 'pending' && (role || isStaff(session.user)) && (
        <p class="muted">{m.organization.pendingNote}</p>
      )}

      {role && <MemberTools organization={organization} onChange={onChange} />}

      <dl class="city-summary">
        <div>
          <dt>{m.organization.type}</dt>
          <dd>{organizationTypeName(organization.type)}</dd>
        </div>
        <div>
          <dt>{m.organization.city}</dt>
          <dd>
            {city.key && city.relationship && city.relationship !== 'home' ? (
              <Link href={`/cities/${city.key}`}>{cityName}</Link>
            ) : (
              cityName
            )}
            {', '}
            {countryName(city.country)}
          </dd>
        </div>
        <div>
          <dt>{m.organization.areas}</dt>
          <dd>
            <TagList values={organization.areas} name={areaName} empty={m.city.noAreas} />
          </dd>
        </div>
        <div>
          <dt>{m.organization.languages}</dt>
          <dd>
            <TagList values={organization.languages} name={languageName} empty={m.city.noAreas} />
          </dd>
        </div>
        {organization.website && (
          <div>
            <dt>{m.organization.website}</dt>
            <dd class="organization__website">
              {/* A link its members entered: no referrer, and no credit from this site to theirs. */}
              <a href={organization.website} rel="noopener noreferrer nofollow ugc">
                {organization.website}
              </a>
            </dd>
          </div>
        )}
        <div>
          <dt>{m.organization.since}</dt>
          <dd>{formatDate(organization.createdAt.slice(0, 10))}</dd>
        </div>
      </dl>

      {organization.descriptionHtml && (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{m.organization.about}</h2>
          {/*
            descriptionHtml is safe to insert: the server renders the Markdown with raw HTML disabled
            and sanitises the result with an allowlist of tags and attributes (common/markdown.ts).
          */}
          <OriginalLanguage lang={organization.descriptionLanguage} block />
          <div
            class="prose"
            lang={langOf(organization.descriptionLanguage)}
            dangerouslySetInnerHTML={{ __html: organization.descriptionHtml }}
          />
        </section>
      )}

      {session.user ? (
        <>
          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{m.organization.contact}</h2>
            {organization.contactEmail || organization.contactPhone ? (
              <dl class="facts-list">
                {organization.contactEmail && (
                  <div>
                    <dt>{m.organization.contactEmail}</dt>
                    <dd>
                      <a href={`mailto:${organization.contactEmail}`}>{organization.contactEmail}</a>
                    </dd>
                  </div>
                )}
                {organization.contactPhone && (
                  <div>
                    <dt>{m.organization.contactPhone}</dt>
                    <dd>
                      <a href={`tel:${organization.contactPhone.replace(/[^+0-9]/g, '')}`}>
                        {organization.contactPhone}
                      </a>
                    </dd>
                  </div>
                )}
              </dl>
            ) : (
              <p>{m.organization.noContact}</p>
            )}
          </section>
          <section aria-labelledby="members-heading">
            <h2 id="members-heading">{m.organization.members}</h2>
            <ul class="member-list">
              {(organization.members ?? []).map((member) => (
                <li key={member.userId}>
                  <span class="member-list__name">{member.displayName}</span>{' '}
                  <span class="muted">· {m.memberRole[member.role]}</span>
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : (
        session.status === 'signedOut' && (
          <p class="notice-box">
            <Link href={loginHref(currentPath())}>{m.app.logIn}</Link>
            {m.organization.logInForMore}
          </p>
        )
      )}
      {role && organization.status === 'verified' && <OrganizationSuggestions organizationId={organization.id} />}
    </article>
  );
}

/** What the reader can do as a member: their role, and for owners and editors, editing and managing. */
function MemberTools({ organization, onChange }: { organization: OrganizationDetail; onChange: () => void }) {
  const { m } = useI18n();
  const role = organization.myRole!;
  const canEdit = role === 'owner' || role === 'editor';
  const askAgain = useForm(() => requestVerification(organization.id), { onSuccess: onChange });
  return (
    <section aria-labelledby="my-role-heading" class="panel member-tools">
      <h2 id="my-role-heading">{m.organization.yourRole(m.memberRole[role])}</h2>
      <ul class="actions">
        {canEdit && (
          <li>
            <Link href={`/organizations/${organization.id}/edit`} class="button-link">
              {m.organization.edit}
            </Link>
          </li>
        )}
        <li>
          <Link href={`/organizations/${organization.id}/members`} class="button-link">
            {canEdit ? m.organization.manageMembers : m.organization.viewMembers}
          </Link>
        </li>
      </ul>
      {organization.status === 'rejected' && role === 'owner' && (
        <form ref={askAgain.formRef} class="form" noValidate onSubmit={askAgain.onSubmit}>
          <p>{m.organization.askAgainHint}</p>
          <FormError form={askAgain} />
          <FormStatus />
          <div class="form__actions">
            <SubmitButton form={askAgain}>{m.organization.askAgain}</SubmitButton>
          </div>
        </form>
      )}
    </section>
  );
}
