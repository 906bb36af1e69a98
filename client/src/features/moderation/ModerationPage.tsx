/**
 * The verification queue for city staff: organisations waiting for verification, oldest first.
 * Each is verified, or rejected with a reason its owners will read.
 */
import { useEffect, useState } from 'preact/hooks';
import {
  listVerificationQueue,
  rejectOrganization,
  verifyOrganization,
  type Organization,
} from '../../shared/api/client';
import { FormError, FormStatus, SubmitButton, TextAreaField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';

export function ModerationPage() {
  const { m } = useI18n();
  return (
    <RequireSignIn title={m.moderation.title} staff>
      {() => <Queue />}
    </RequireSignIn>
  );
}

function Queue() {
  const { m } = useI18n();
  useDocumentTitle(m.moderation.title);
  const queue = useApi((signal) => listVerificationQueue(signal), []);
  // Decided here: gone from the list at once, without waiting for the queue to load again.
  const [decided, setDecided] = useState<string[]>([]);
  const [news, setNews] = useState<string>();
  const pending = (queue.data ?? []).filter((organization) => !decided.includes(organization.id));
  const done = (organization: Organization, message: string) => {
    setDecided((ids) => [...ids, organization.id]);
    setNews(message);
  };
  return (
    <>
      <PageHeading>{m.moderation.title}</PageHeading>
      <p class="lead">{m.moderation.intro}</p>
      <FormStatus message={news} />
      {queue.error ? (
        <LoadError error={queue.error} onRetry={queue.reload} />
      ) : !queue.data ? (
        <Loading />
      ) : pending.length === 0 ? (
        <p class="empty">{m.moderation.empty}</p>
      ) : (
        <>
          <p>{m.moderation.count(pending.length)}</p>
          <ol class="queue">
            {pending.map((organization) => (
              <li key={organization.id}>
                <QueueItem organization={organization} onDone={(message) => done(organization, message)} />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function QueueItem({ organization, onDone }: { organization: Organization; onDone: (message: string) => void }) {
  const { m, placeName, countryName, areaName, organizationTypeName, languageName, formatDateTime } = useI18n();
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const headingId = `queue-${organization.id}`;
  const reasonId = `reason-${organization.id}`;
  // "Reject…" opens the reason's field, where typing starts.
  useEffect(() => {
    if (rejecting) document.getElementById(reasonId)?.focus();
  }, [rejecting]);
  const verify = useForm(() => verifyOrganization(organization.id), {
    onSuccess: () => onDone(m.moderation.verified(organization.name)),
  });
  const reject = useForm(() => rejectOrganization(organization.id, reason.trim()), {
    fields: ['reason'],
    onSuccess: () => onDone(m.moderation.rejected(organization.name)),
  });
  return (
    <article class="queue-item panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link href={`/organizations/${organization.id}`}>{organization.name}</Link>
      </h2>
      <dl class="facts-list">
        <div>
          <dt>{m.organization.type}</dt>
          <dd>{organizationTypeName(organization.type)}</dd>
        </div>
        <div>
          <dt>{m.organization.city}</dt>
          <dd>
            {placeName(organization.city)}, {countryName(organization.city.country)}
          </dd>
        </div>
        <div>
          <dt>{m.moderation.submitted}</dt>
          <dd>{formatDateTime(organization.createdAt)}</dd>
        </div>
        {organization.areas.length > 0 && (
          <div>
            <dt>{m.organization.areas}</dt>
            <dd>{organization.areas.map(areaName).join(', ')}</dd>
          </div>
        )}
        {organization.languages.length > 0 && (
          <div>
            <dt>{m.organization.languages}</dt>
            <dd>{organization.languages.map(languageName).join(', ')}</dd>
          </div>
        )}
        {organization.website && (
          <div>
            <dt>{m.organization.website}</dt>
            <dd>
              <a href={organization.website} rel="noopener noreferrer nofollow ugc">
                {organization.website}
              </a>
            </dd>
          </div>
        )}
      </dl>
      {organization.descriptionHtml && (
        // Sanitised on the server with an allowlist (see OrganizationPage): safe to insert.
        <div class="prose queue-item__description" dangerouslySetInnerHTML={{ __html: organization.descriptionHtml }} />
      )}
      <div class="queue-item__actions">
        <form ref={verify.formRef} class="inline-form" noValidate onSubmit={verify.onSubmit}>
          <FormError form={verify} />
          <SubmitButton form={verify}>
            {m.moderation.verify}
            <span class="visually-hidden"> {organization.name}</span>
          </SubmitButton>
        </form>
        {!rejecting ? (
          <button type="button" class="button-secondary" onClick={() => setRejecting(true)}>
            {m.moderation.reject}
            <span class="visually-hidden"> {organization.name}</span>
          </button>
        ) : (
          <form ref={reject.formRef} class="form reject-form" noValidate onSubmit={reject.onSubmit}>
            <FormError form={reject} />
            <TextAreaField
              id={reasonId}
              field="reason"
              form={reject}
              label={m.moderation.reason(organization.name)}
              hint={m.moderation.reasonHint}
              rows={3}
              maxLength={2000}
              value={reason}
              onValue={setReason}
            />
            <div class="form__actions">
              <SubmitButton form={reject} class="button-danger">
                {m.moderation.rejectConfirm}
              </SubmitButton>
              <button type="button" onClick={() => setRejecting(false)}>
                {m.common.cancel}
              </button>
            </div>
          </form>
        )}
      </div>
    </article>
  );
}
