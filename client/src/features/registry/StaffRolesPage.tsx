/** /staff: admins grant and withdraw the registry editor role (the server audits each change). */
import { useState } from 'preact/hooks';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { FormError, FormStatus } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { listStaff, setRegistryEditor, type StaffMember } from './api';
import { useRegistryEditMessages } from './i18n/messages';

export function StaffRolesPage() {
  const rm = useRegistryEditMessages();
  const { m } = useI18n();
  return (
    <RequireSignIn title={rm.staffTitle} staff>
      {(user) =>
        user.role === 'admin' ? <StaffRoles /> : <AdminsOnly title={rm.staffTitle} text={m.errors.staffOnly} />
      }
    </RequireSignIn>
  );
}

function AdminsOnly({ title, text }: { title: string; text: string }) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{text}</p>
    </>
  );
}

function StaffRoles() {
  const rm = useRegistryEditMessages();
  useDocumentTitle(rm.staffTitle);
  const staff = useApi((signal) => listStaff(signal), []);
  const [status, setStatus] = useState<string>();
  return (
    <div class="narrow">
      <PageHeading>{rm.staffTitle}</PageHeading>
      <p class="lead">{rm.staffIntro}</p>
      <FormStatus message={status} />
      {staff.error ? (
        <LoadError error={staff.error} onRetry={staff.reload} />
      ) : !staff.data ? (
        <Loading />
      ) : (
        <ul class="staff-list">
          {staff.data.items.map((person) => (
            <StaffRow
              key={person.id}
              person={person}
              onChanged={(message) => {
                setStatus(message);
                staff.reload();
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}

function StaffRow({ person, onChanged }: { person: StaffMember; onChanged: (message: string) => void }) {
  const rm = useRegistryEditMessages();
  const granted = person.grants.includes('registry_editor');
  const form = useForm(() => setRegistryEditor(person.id, !granted), {
    onSuccess: () => onChanged(granted ? rm.withdrawn(person.displayName) : rm.granted(person.displayName)),
  });
  return (
    <li>
      <form ref={form.formRef} onSubmit={form.onSubmit}>
        <p>
          <strong>{person.displayName}</strong> ({rm.roles[person.role] ?? person.role}) · {person.email}
          {granted && <> · {rm.registryEditor}</>}
        </p>
        <FormError form={form} />
        <button type="submit" class="button-secondary" disabled={form.sending}>
          {granted ? rm.withdraw(person.displayName) : rm.grant(person.displayName)}
        </button>
      </form>
    </li>
  );
}
