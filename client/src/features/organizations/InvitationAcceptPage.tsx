import { useState } from 'preact/hooks';
import { acceptInvitation, type MemberRole } from '../../shared/api/client';
import { currentPath, loginHref, peekLinkToken, registerHref, takeLinkToken, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useForm } from '../../shared/hooks/use-form';

/**
 * The page of an invitation's link (/invitations/accept#token=...). Accepting needs the account
 * of the invited address: a signed-out reader goes to log in with this page (token and all, in the
 * fragment) as the way back.
 */
export function InvitationAcceptPage() {
  const { m } = useI18n();
  const session = useSession();
  useDocumentTitle(m.invitation.title);

  if (session.status === 'restoring') return <Loading />;
  if (!session.user) {
    const here = currentPath();
    return (
      <div class="narrow">
        <PageHeading>{m.invitation.title}</PageHeading>
        {peekLinkToken() ? (
          <>
            <p>{m.invitation.logInFirst}</p>
            <p class="actions">
              <Link href={loginHref(here)} class="button-link button-link--primary">
                {m.app.logIn}
              </Link>
            </p>
            <p>
              {m.invitation.noAccount} <Link href={registerHref(here)}>{m.app.signUp}</Link>
            </p>
          </>
        ) : (
          <p>{m.links.noToken}</p>
        )}
      </div>
    );
  }
  return <AcceptInvitation email={session.user.email} />;
}

function AcceptInvitation({ email }: { email: string }) {
  const { m } = useI18n();
  // Signed in: the token is no longer needed in the address bar.
  const [token] = useState(takeLinkToken);
  const [accepted, setAccepted] = useState<{ organizationId: string; role: MemberRole }>();
  const form = useForm(() => acceptInvitation(token ?? ''), { onSuccess: setAccepted });

  return (
    <div class="narrow">
      <PageHeading>{m.invitation.title}</PageHeading>
      {!token ? (
        <p>{m.links.noToken}</p>
      ) : accepted ? (
        <FormStatus focus>
          <p>
            <strong>{m.invitation.accepted(m.memberRole[accepted.role])}</strong>
          </p>
          <p>
            <Link href={`/organizations/${accepted.organizationId}`}>{m.invitation.open}</Link>
          </p>
        </FormStatus>
      ) : (
        <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
          <p>{m.invitation.signedInAs(email)}</p>
          <FormError form={form} />
          <div class="form__actions">
            <SubmitButton form={form}>{m.invitation.accept}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
