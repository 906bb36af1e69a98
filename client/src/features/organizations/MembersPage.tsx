/**
 * An organisation's members and open invitations. Every member sees the list and can leave;
 * owners change roles, remove members and hand over ownership; owners and editors invite people
 * (only owners may invite owners) and revoke invitations. The server keeps every organisation
 * with an owner and says so when an action would leave none.
 */
import { useState } from 'preact/hooks';
import {
  MEMBER_ROLES,
  changeMemberRole,
  getOrganization,
  inviteMember,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  transferOwnership,
  type Invitation,
  type Me,
  type Member,
  type MemberRole,
  type OrganizationDetail,
} from '../../shared/api/client';
import { useSession } from '../../shared/session';
import { ConfirmAction } from '../../shared/ui/ConfirmAction';
import { FormError, FormStatus, SelectField, SubmitButton, TextField } from '../../shared/ui/Form';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { navigate } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { BackLink } from './OrganizationPage';
import { NotFoundPage } from '../../shared/ui/NotFoundPage';

export function MembersPage({ id }: { id: string }) {
  const { m } = useI18n();
  return <RequireSignIn title={m.members.title}>{(user) => <Members id={id} user={user} />}</RequireSignIn>;
}

function Members({ id, user }: { id: string; user: Me }) {
  const { m } = useI18n();
  const [version, setVersion] = useState(0);
  const [news, setNews] = useState<string>();
  const organization = useApi((signal) => getOrganization(id, signal), [id, version]);
  const members = useApi((signal) => listMembers(id, signal), [id, version]);
  const title = organization.data ? m.members.titleOf(organization.data.name) : m.members.title;
  useDocumentTitle(title);

  const changed = (message: string) => {
    setNews(message);
    setVersion((n) => n + 1);
  };

  const error = organization.error ?? members.error;
  if (error?.notFound) return <NotFoundPage title={m.notFound.organizationTitle} text={m.notFound.organizationText} />;
  if (error)
    return <LoadError error={error} onRetry={() => [organization, members].forEach((state) => state.reload())} />;
  if (!organization.data || !members.data) return <Loading />;
  const detail = organization.data;
  const role = detail.myRole ?? undefined;

  return (
    <div class="members-page">
      <BackLink href={`/organizations/${id}`} label={detail.name} />
      <PageHeading>{title}</PageHeading>
      {role && <p class="lead">{m.organization.yourRole(m.memberRole[role])}</p>}
      <FormStatus message={news} />
      <MemberTable organization={detail} members={members.data} user={user} onChange={changed} />
      {role === 'owner' && (
        <TransferOwnership organization={detail} members={members.data} user={user} onChange={changed} />
      )}
      {(role === 'owner' || role === 'editor') && <Invitations organization={detail} role={role} />}
      {role && <Leave organization={detail} user={user} />}
    </div>
  );
}

interface MemberProps {
  organization: OrganizationDetail;
  members: Member[];
  user: Me;
  onChange: (message: string) => void;
}

function MemberTable({ organization, members, user, onChange }: MemberProps) {
  const { m, formatDate } = useI18n();
  const owner = organization.myRole === 'owner';
  return (
    <section aria-labelledby="members-heading">
      <h2 id="members-heading">{m.members.listHeading(members.length)}</h2>
      <table class="table table--stacked">
        <thead>
          <tr>
            <th scope="col">{m.members.name}</th>
            <th scope="col">{m.members.role}</th>
            <th scope="col">{m.members.since}</th>
            {owner && <th scope="col">{m.members.actions}</th>}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.userId}>
              <th scope="row">
                {member.displayName}
                {member.userId === user.id && <span class="muted"> ({m.members.you})</span>}
              </th>
              <td data-label={m.members.role}>
                {owner && member.userId !== user.id ? (
                  <RoleForm organization={organization} member={member} onChange={onChange} />
                ) : (
                  m.memberRole[member.role]
                )}
              </td>
              <td data-label={m.members.since}>{formatDate(member.since.slice(0, 10))}</td>
              {owner && (
                <td>
                  {member.userId !== user.id && (
                    <ConfirmAction
                      label={
                        <>
                          {m.members.remove}
                          <span class="visually-hidden"> {member.displayName}</span>
                        </>
                      }
                      question={m.members.removeQuestion(member.displayName, organization.name)}
                      confirmLabel={m.members.removeConfirm}
                      danger
                      action={() => removeMember(organization.id, member.userId)}
                      onDone={() => onChange(m.members.removed(member.displayName))}
                    />
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A member's role, changed with its own button: choosing in the list alone changes nothing. */
function RoleForm({
  organization,
  member,
  onChange,
}: {
  organization: OrganizationDetail;
  member: Member;
  onChange: (message: string) => void;
}) {
  const { m } = useI18n();
  const [role, setRole] = useState<MemberRole>(member.role);
  const form = useForm(() => changeMemberRole(organization.id, member.userId, role), {
    fields: ['role'],
    onSuccess: () => onChange(m.members.roleChanged(member.displayName, m.memberRole[role])),
  });
  const id = `role-${member.userId}`;
  return (
    <form ref={form.formRef} class="inline-form" noValidate onSubmit={form.onSubmit}>
      <FormError form={form} />
      <label for={id} class="visually-hidden">
        {m.members.roleOf(member.displayName)}
      </label>
      <select id={id} value={role} onChange={(event) => setRole(event.currentTarget.value as MemberRole)}>
        {MEMBER_ROLES.map((option) => (
          <option key={option} value={option}>
            {m.memberRole[option]}
          </option>
        ))}
      </select>{' '}
      <SubmitButton form={form} class="button-secondary">
        {m.members.changeRole}
        <span class="visually-hidden"> {member.displayName}</span>
      </SubmitButton>
    </form>
  );
}

function TransferOwnership({ organization, members, user, onChange }: MemberProps) {
  const { m } = useI18n();
  const candidates = members.filter((member) => member.userId !== user.id && member.role !== 'owner');
  const [userId, setUserId] = useState('');
  const chosen = candidates.find((member) => member.userId === userId);
  if (!candidates.length) return null;
  return (
    <section aria-labelledby="transfer-heading" class="panel">
      <h2 id="transfer-heading">{m.members.transferHeading}</h2>
      <p>{m.members.transferIntro}</p>
      <div class="field">
        <label for="transfer-to">{m.members.transferTo}</label>
        <select id="transfer-to" value={userId} onChange={(event) => setUserId(event.currentTarget.value)}>
          <option value="">{m.members.chooseMember}</option>
          {candidates.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.displayName}
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <ConfirmAction
          key={chosen.userId}
          label={m.members.transfer}
          question={m.members.transferQuestion(chosen.displayName, organization.name)}
          confirmLabel={m.members.transferConfirm}
          action={() => transferOwnership(organization.id, chosen.userId)}
          onDone={() => onChange(m.members.transferred(chosen.displayName))}
        />
      )}
    </section>
  );
}

function Invitations({ organization, role }: { organization: OrganizationDetail; role: 'owner' | 'editor' }) {
  const { m, formatDate } = useI18n();
  const [version, setVersion] = useState(0);
  const [sent, setSent] = useState<{ email: string; items: Invitation[] }>();
  const [news, setNews] = useState<string>();
  const invitations = useApi((signal) => listInvitations(organization.id, signal), [organization.id, version]);
  const items = sent?.items ?? invitations.data?.items ?? [];

  const [email, setEmail] = useState('');
  const [inviteRole, setInviteRole] = useState<MemberRole>('member');
  const form = useForm(() => inviteMember(organization.id, email.trim(), inviteRole), {
    fields: ['email', 'role'],
    onSuccess: (list) => {
      setSent({ email: email.trim(), items: list.items });
      setNews(m.members.invitationSent(email.trim()));
      setEmail('');
    },
  });
  // Only owners may invite owners.
  const roles = MEMBER_ROLES.filter((option) => option !== 'owner' || role === 'owner');

  return (
    <section aria-labelledby="invitations-heading" class="panel">
      <h2 id="invitations-heading">{m.members.invitationsHeading}</h2>
      <FormStatus message={news} />
      {invitations.error ? (
        <LoadError error={invitations.error} onRetry={invitations.reload} />
      ) : !invitations.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{m.members.noInvitations}</p>
      ) : (
        <ul class="invitation-list">
          {items.map((invitation) => (
            <li key={invitation.id}>
              <span>
                <strong>{invitation.email}</strong> · {m.memberRole[invitation.role]} ·{' '}
                {m.members.expires(formatDate(invitation.expiresAt.slice(0, 10)))}
              </span>
              <ConfirmAction
                label={
                  <>
                    {m.members.revoke}
                    <span class="visually-hidden"> {invitation.email}</span>
                  </>
                }
                question={m.members.revokeQuestion(invitation.email)}
                confirmLabel={m.members.revokeConfirm}
                action={() => revokeInvitation(organization.id, invitation.id)}
                onDone={() => {
                  setSent(undefined);
                  setNews(m.members.revoked(invitation.email));
                  setVersion((n) => n + 1);
                }}
              />
            </li>
          ))}
        </ul>
      )}

      <h3 id="invite-heading">{m.members.inviteHeading}</h3>
      <form ref={form.formRef} class="form" noValidate aria-labelledby="invite-heading" onSubmit={form.onSubmit}>
        <p class="hint">{m.members.inviteHint}</p>
        <FormError form={form} />
        <TextField
          id="invite-email"
          field="email"
          form={form}
          label={m.fields.email}
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={email}
          onValue={setEmail}
        />
        <SelectField
          id="invite-role"
          field="role"
          form={form}
          label={m.members.role}
          hint={m.members.rolesHint}
          value={inviteRole}
          onValue={(value) => setInviteRole(value as MemberRole)}
          options={roles.map((option) => ({ value: option, label: m.memberRole[option] }))}
        />
        <div class="form__actions">
          <SubmitButton form={form}>{m.members.invite}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function Leave({ organization, user }: { organization: OrganizationDetail; user: Me }) {
  const { m } = useI18n();
  const session = useSession();
  return (
    <section aria-labelledby="leave-heading" class="panel">
      <h2 id="leave-heading">{m.members.leaveHeading}</h2>
      <p>{m.members.leaveIntro}</p>
      <ConfirmAction
        label={m.members.leave}
        question={m.members.leaveQuestion(organization.name)}
        confirmLabel={m.members.leaveConfirm}
        danger
        action={() => removeMember(organization.id, user.id)}
        onDone={() => {
          session.showNotice({ kind: 'left', path: '/my-organizations', subject: organization.name });
          navigate('/my-organizations');
        }}
      />
    </section>
  );
}
