/**
 * /partnerships: my organisations' partnerships; /partnerships/:id: a partnership's page
 * (participants, status, whether it is shown publicly, completing or ending it, removing an
 * organisation), with its workspace (files, tasks, diary) and private channel for its members, and
 * its published diary for everyone else who may see it.
 */
import { useState } from 'preact/hooks';
import { ApiError, listMyOrganizations, type MyOrganization } from '../../shared/api/client';
import {
  getPartnership,
  listMyPartnerships,
  setPartnershipConsent,
  updatePartnership,
  type PartnerOrganization,
  type Partnership,
} from './api';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import { ExplainedText, FormError, FormStatus, SubmitButton, TextAreaField } from '../../shared/ui/Form';
import { Discussion } from '../live/components/Discussion';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useSession } from '../../shared/session';
import { navigate } from '../../shared/router';
import { PartnershipWorkspace, PublicDiary } from '../workspace/Workspace';
import { removeOrganization } from '../workspace/api';
import { useWorkspaceMessages } from '../workspace/i18n/messages';
import { useExplainWorkspaceError } from '../workspace/errors';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { useLiveMessages } from '../live/i18n/messages';
import { explainLiveError } from '../live/errors';
import { Link } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useLiveForm } from '../live/use-live-form';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';
import { OriginalLanguage } from '../../shared/ui/OriginalLanguage';
import { Quoted } from '../../shared/ui/Quoted';

export function PartnershipsPage() {
  const t = useLiveMessages();
  return <RequireSignIn title={t.partnerships.title}>{() => <Partnerships />}</RequireSignIn>;
}

function Partnerships() {
  const t = useLiveMessages();
  const { formatDate, langOf } = useI18n();
  useDocumentTitle(t.partnerships.title);
  const partnerships = useApi((signal) => listMyPartnerships(signal), []);
  return (
    <div class="partnerships">
      <PageHeading>{t.partnerships.title}</PageHeading>
      <p class="lead">{t.partnerships.intro}</p>
      {partnerships.error ? (
        <LoadError error={partnerships.error} onRetry={partnerships.reload} />
      ) : !partnerships.data ? (
        <Loading />
      ) : !partnerships.data.items.length ? (
        <p class="notice-box">
          {t.partnerships.empty} <Link href="/initiatives">{t.partnerships.findInitiatives}</Link>
        </p>
      ) : (
        <ul class="partnership-list">
          {partnerships.data.items.map((partnership) => (
            <li key={partnership.id}>
              <p class="partnership-list__name">
                <Link href={`/partnerships/${partnership.id}`} lang={langOf(partnership.initiativeTitleLang)}>
                  {partnership.initiativeTitle}
                </Link>
                <OriginalLanguage lang={partnership.initiativeTitleLang} />
              </p>
              <p class="partnership-list__meta">
                <span class={`partnership-status partnership-status--${partnership.status}`}>
                  {t.partnerships.status[partnership.status]}
                </span>{' '}
                · {t.partnerships.since}{' '}
                <time dateTime={partnership.createdAt}>{formatDate(partnership.createdAt.slice(0, 10))}</time> ·{' '}
                {partnership.organizations.map((organization) => organization.name).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Public once every participant agrees: then residents read it without an account; members see the workspace too. */
export function PartnershipPage({ id }: { id: string }) {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading />;
  return <PartnershipView id={id} signedIn={Boolean(user)} key={user?.id ?? 'visitor'} />;
}

const NO_ORGANIZATIONS: Promise<{ items: MyOrganization[] }> = Promise.resolve({ items: [] });

function PartnershipView({ id, signedIn }: { id: string; signedIn: boolean }) {
  const t = useLiveMessages();
  const partnership = useApi((signal) => getPartnership(id, signal), [id]);
  const mine = useApi((signal) => (signedIn ? listMyOrganizations(signal) : NO_ORGANIZATIONS), [signedIn]);
  const [current, setCurrent] = useState<Partnership>();
  // Not public: its members may see it once signed in.
  if (partnership.error?.notFound)
    return signedIn ? <NotFoundPage /> : <RequireSignIn title={t.partnerships.title}>{() => null}</RequireSignIn>;
  if (partnership.error) return <LoadError error={partnership.error} onRetry={partnership.reload} />;
  if (!partnership.data || !mine.data)
    return mine.error ? <LoadError error={mine.error} onRetry={mine.reload} /> : <Loading />;
  const shown = current && current.id === id ? current : partnership.data;
  return <PartnershipDetail partnership={shown} mine={mine.data.items} signedIn={signedIn} onChange={setCurrent} />;
}

function PartnershipDetail({
  partnership,
  mine,
  signedIn,
  onChange,
}: {
  partnership: Partnership;
  mine: MyOrganization[];
  signedIn: boolean;
  onChange: (partnership: Partnership) => void;
}) {
  const t = useLiveMessages();
  const { formatDate, countryName, langOf } = useI18n();
  useDocumentTitle(t.partnerships.pageTitle(partnership.initiativeTitle));
  const titleLang = langOf(partnership.initiativeTitleLang);
  const roles = new Map(mine.map((organization) => [organization.id, organization.myRole]));
  const owned = partnership.organizations.filter((organization) => roles.get(organization.id) === 'owner');
  const canEdit = partnership.organizations.some((organization) =>
    ['owner', 'editor'].includes(roles.get(organization.id) ?? ''),
  );
  const member = partnership.organizations.some((organization) => roles.has(organization.id));
  // The lead's owners and editors may remove a partner; an organisation's owners may take it out.
  const lead = partnership.organizations.find((organization) => organization.lead);
  const leadEditor = lead !== undefined && ['owner', 'editor'].includes(roles.get(lead.id) ?? '');
  const mayRemove = (organization: PartnerOrganization) =>
    !organization.lead && (leadEditor || roles.get(organization.id) === 'owner');
  // Completing or ending removes the form that did it: the news takes focus here instead.
  const [notice, setNotice] = useState<string>();

  return (
    <article class="partnership">
      {signedIn && (
        <p class="back-link">
          <Link href="/partnerships">← {t.partnerships.back}</Link>
        </p>
      )}
      <PageHeading>
        <Quoted
          text={t.partnerships.pageTitle(partnership.initiativeTitle)}
          quote={partnership.initiativeTitle}
          lang={titleLang}
        />
      </PageHeading>
      <dl class="city-summary">
        <div>
          <dt>{t.partnerships.initiative}</dt>
          <dd>
            <Link href={`/initiatives/${partnership.initiativeId}`} lang={titleLang}>
              {partnership.initiativeTitle}
            </Link>
            <OriginalLanguage lang={partnership.initiativeTitleLang} />
          </dd>
        </div>
        <div>
          <dt>{t.partnerships.statusHeading}</dt>
          <dd>
            <span class={`partnership-status partnership-status--${partnership.status}`}>
              {t.partnerships.status[partnership.status]}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t.partnerships.since}</dt>
          <dd>
            <time dateTime={partnership.createdAt}>{formatDate(partnership.createdAt.slice(0, 10))}</time>
          </dd>
        </div>
      </dl>
      <FormStatus message={notice} focus />
      {partnership.outcomeNote && (
        <section aria-labelledby="outcome-heading">
          <h2 id="outcome-heading">{t.partnerships.outcome}</h2>
          <p class="partnership__outcome" lang={langOf(partnership.outcomeNoteLang)}>
            {partnership.outcomeNote}
          </p>
        </section>
      )}

      <section aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t.partnerships.participants}</h2>
        <ul class="participant-list">
          {partnership.organizations.map((organization) => (
            <li key={organization.id}>
              <Link href={`/organizations/${organization.id}`}>{organization.name}</Link>
              <span class="muted">
                {' '}
                · {organization.cityName}, {countryName(organization.country)}
                {organization.lead && ` · ${t.partnerships.lead}`} ·{' '}
                {organization.publicConsent ? t.partnerships.publicYes : t.partnerships.publicNo}
              </span>
              {mayRemove(organization) && (
                <RemoveOrganization
                  partnership={partnership}
                  organization={organization}
                  onChange={onChange}
                  onNotice={setNotice}
                />
              )}
            </li>
          ))}
        </ul>
        <p>{partnership.public ? t.partnerships.isPublic : t.partnerships.isPrivate}</p>
      </section>

      {owned.length > 0 && (
        <section aria-labelledby="consent-heading" class="panel">
          <h2 id="consent-heading">{t.partnerships.consentHeading}</h2>
          <p class="hint" id="consent-hint">
            {t.partnerships.consentHint}
          </p>
          {owned.map((organization) => (
            <ConsentToggle
              key={organization.id}
              partnership={partnership}
              organizationId={organization.id}
              name={organization.name}
              consent={organization.publicConsent}
              onChange={onChange}
            />
          ))}
        </section>
      )}

      {canEdit && partnership.status === 'active' && (
        <StatusSection partnership={partnership} onChange={onChange} onNotice={setNotice} />
      )}

      {member ? (
        <PartnershipWorkspace partnershipId={partnership.id} mine={mine} />
      ) : (
        <PublicDiary partnershipId={partnership.id} />
      )}

      {partnership.channelId !== null ? (
        <Discussion channelId={partnership.channelId} heading={t.partnerships.channelHeading} anchor="channel" />
      ) : (
        <p class="notice-box">{t.partnerships.noChannel}</p>
      )}
    </article>
  );
}

function ConsentToggle({
  partnership,
  organizationId,
  name,
  consent,
  onChange,
}: {
  partnership: Partnership;
  organizationId: string;
  name: string;
  consent: boolean;
  onChange: (partnership: Partnership) => void;
}) {
  const t = useLiveMessages();
  const { m } = useI18n();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<ApiError>();
  // Shown at once as the reader set it; back as it was if the server refuses.
  const [checked, setChecked] = useState(consent);
  const id = `consent-${organizationId}`;
  const toggle = async (value: boolean) => {
    setChecked(value);
    setError(undefined);
    try {
      const updated = await setPartnershipConsent(partnership.id, organizationId, value);
      onChange(updated);
      setChecked(
        updated.organizations.find((organization) => organization.id === organizationId)?.publicConsent ?? value,
      );
      setStatus(value ? t.partnerships.consentSaved : t.partnerships.consentWithdrawn);
    } catch (caught) {
      setChecked(!value);
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
    }
  };
  return (
    <div class="consent">
      <input
        type="checkbox"
        id={id}
        checked={checked}
        aria-describedby="consent-hint"
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <label for={id}>{t.partnerships.consentLabel(name)}</label>
      {error && (
        <p class="field-error" role="alert">
          <ExplainedText explained={explainLiveError(error, t, m)} />
        </p>
      )}
      <FormStatus message={status} />
    </div>
  );
}

function StatusSection({
  partnership,
  onChange,
  onNotice,
}: {
  partnership: Partnership;
  onChange: (partnership: Partnership) => void;
  onNotice: (text: string) => void;
}) {
  const t = useLiveMessages();
  const [outcomeNote, setOutcomeNote] = useState('');
  const complete = useLiveForm(
    () => updatePartnership(partnership.id, { status: 'completed', outcomeNote: outcomeNote.trim() }),
    {
      fields: ['outcomeNote'],
      onSuccess: (updated) => {
        onNotice(t.partnerships.completed);
        onChange(updated);
      },
    },
  );
  return (
    <section aria-labelledby="partnership-status-heading" class="panel">
      <h2 id="partnership-status-heading">{t.partnerships.statusHeading}</h2>
      <form ref={complete.formRef} class="form" noValidate onSubmit={complete.onSubmit}>
        <FormError form={complete} />
        <TextAreaField
          id="outcome-note"
          field="outcomeNote"
          form={complete}
          label={t.partnerships.outcomeLabel}
          hint={t.partnerships.outcomeHint}
          value={outcomeNote}
          onValue={setOutcomeNote}
          rows={4}
          maxLength={4000}
        />
        <div class="form__actions">
          <SubmitButton form={complete}>{t.partnerships.complete}</SubmitButton>
        </div>
      </form>
      <ConfirmAction
        label={t.partnerships.end}
        question={t.partnerships.endQuestion}
        confirmLabel={t.partnerships.endConfirm}
        action={() => updatePartnership(partnership.id, { status: 'ended' }).then(onChange)}
        onDone={() => onNotice(t.partnerships.ended)}
        danger
      />
    </section>
  );
}

/**
 * Removing an organisation: asked first; its people lose the channel and the workspace at once. An
 * organisation that took itself out may leave the remover outside too: then back to their list.
 */
function RemoveOrganization({
  partnership,
  organization,
  onChange,
  onNotice,
}: {
  partnership: Partnership;
  organization: PartnerOrganization;
  onChange: (partnership: Partnership) => void;
  onNotice: (text: string) => void;
}) {
  const t = useWorkspaceMessages();
  const explain = useExplainWorkspaceError();
  return (
    <ConfirmAction
      label={
        <>
          {t.organizations.remove}
          <span class="visually-hidden"> {organization.name}</span>
        </>
      }
      question={t.organizations.removeQuestion(organization.name)}
      confirmLabel={t.organizations.removeConfirm}
      action={async () => {
        await removeOrganization(partnership.id, organization.id);
        try {
          onChange(await getPartnership(partnership.id));
        } catch (caught) {
          if (caught instanceof ApiError && caught.notFound) navigate('/partnerships');
          else throw caught;
        }
      }}
      onDone={() => onNotice(t.organizations.removed(organization.name))}
      explain={explain}
      danger
    />
  );
}
