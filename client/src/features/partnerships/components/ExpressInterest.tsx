/**
 * "Express interest" on a published initiative of another organisation: a modal dialog (the
 * browser's own <dialog>: focus moves into it, Escape closes it) to choose one of my verified
 * organisations where I am an owner or editor and write to the initiative's authors.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { listMyOrganizations, type MyOrganization } from '../../../shared/api/client';
import { expressInterest, OPEN_INITIATIVE_STATUSES, type InitiativeDetail } from '../api';
import { currentPath, loginHref, useSession } from '../../../shared/session';
import { useLiveMessages } from '../../live/i18n/messages';
import { Link } from '../../../shared/router';
import { useApi } from '../../../shared/hooks/use-api';
import { useLiveForm } from '../../live/use-live-form';
import { FormError, FormStatus, SelectField, SubmitButton, TextAreaField } from '../../../shared/ui/Form';
import { useI18n } from '../../../shared/i18n/i18n';

type InitiativeSummary = Pick<InitiativeDetail, 'id' | 'title' | 'status' | 'organization'>;

export function ExpressInterest({ initiative }: { initiative: InitiativeSummary }) {
  const t = useLiveMessages();
  const session = useSession();
  if (!OPEN_INITIATIVE_STATUSES.includes(initiative.status) || session.status === 'restoring') return null;
  if (!session.user) {
    return (
      <p class="notice-box interest-note">
        <Link href={loginHref(currentPath())}>{t.interest.logIn}</Link>
      </p>
    );
  }
  return <InterestForMember key={session.user.id} initiative={initiative} />;
}

const canSpeakFor = (organization: MyOrganization) =>
  organization.verified && (organization.myRole === 'owner' || organization.myRole === 'editor');

function InterestForMember({ initiative }: { initiative: InitiativeSummary }) {
  const t = useLiveMessages();
  const mine = useApi((signal) => listMyOrganizations(signal), []);
  const [open, setOpen] = useState(false);
  const [sentBy, setSentBy] = useState<string>();
  const opener = useRef<HTMLButtonElement>(null);

  if (!mine.data) return null;
  const organizations = mine.data.items;
  const candidates = organizations.filter(
    (organization) => canSpeakFor(organization) && organization.id !== initiative.organization.id,
  );
  if (!candidates.length) {
    // Its own authors have nothing to express; others learn what it takes.
    if (organizations.some((organization) => organization.id === initiative.organization.id)) return null;
    return (
      <p class="notice-box interest-note">
        {t.interest.noOrganization} <Link href="/organizations/new">{t.interest.addOrganization}</Link>
      </p>
    );
  }
  return (
    <div class="interest">
      <p>
        <button
          type="button"
          ref={opener}
          class="button-primary"
          aria-haspopup="dialog"
          onClick={() => {
            setSentBy(undefined);
            setOpen(true);
          }}
        >
          {t.interest.button}
        </button>
      </p>
      <FormStatus focus={Boolean(sentBy)}>
        {sentBy && (
          <p>
            {t.interest.sent(sentBy)} <Link href="/interests">{t.interest.seeInterests}</Link>
          </p>
        )}
      </FormStatus>
      {open && (
        <InterestDialog
          initiative={initiative}
          candidates={candidates}
          onClose={(sent) => {
            setOpen(false);
            if (sent) setSentBy(sent);
            else opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}

function InterestDialog({
  initiative,
  candidates,
  onClose,
}: {
  initiative: InitiativeSummary;
  candidates: MyOrganization[];
  onClose: (sentBy?: string) => void;
}) {
  const t = useLiveMessages();
  const { m } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [organizationId, setOrganizationId] = useState(candidates.length === 1 ? candidates[0].id : '');
  const [message, setMessage] = useState('');
  const sent = useRef<string | undefined>(undefined);
  const form = useLiveForm(() => expressInterest(initiative.id, organizationId, message.trim()), {
    fields: ['organizationId', 'message'],
    onSuccess: () => {
      sent.current = candidates.find((organization) => organization.id === organizationId)?.name ?? '';
      dialog.current?.close();
    },
  });

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="interest-dialog-title" onClose={() => onClose(sent.current)}>
      <h2 id="interest-dialog-title">{t.interest.dialogTitle(initiative.title)}</h2>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <SelectField
          id="interest-organization"
          field="organizationId"
          form={form}
          label={t.interest.organization}
          hint={t.interest.organizationHint}
          value={organizationId}
          onValue={setOrganizationId}
          placeholder={candidates.length > 1 ? t.interest.choose : undefined}
          options={candidates.map((organization) => ({ value: organization.id, label: organization.name }))}
        />
        <TextAreaField
          id="interest-message"
          field="message"
          form={form}
          label={t.interest.message}
          hint={t.interest.messageHint}
          value={message}
          onValue={setMessage}
          rows={5}
          maxLength={2000}
        />
        <div class="form__actions">
          <SubmitButton form={form}>{t.interest.send}</SubmitButton>
          <button type="button" onClick={() => dialog.current?.close()}>
            {m.common.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
