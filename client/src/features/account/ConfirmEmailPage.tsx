import { useEffect, useState } from 'preact/hooks';
import { confirmEmailChange } from '../../shared/api/client';
import { takeLinkToken, useSession } from '../../shared/session';
import { FormError, FormStatus } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useForm } from '../../shared/hooks/use-form';

/** The page of the link sent to a new address (/confirm-email#token=...): switches the account to it. */
export function ConfirmEmailPage() {
  const { m } = useI18n();
  const session = useSession();
  useDocumentTitle(m.confirmEmail.title);
  const [token] = useState(takeLinkToken);
  const [done, setDone] = useState(false);
  const confirm = useForm(() => confirmEmailChange(token ?? ''), {
    onSuccess: () => {
      setDone(true);
      // The header and the account page show the address: load the new one.
      if (session.user) void session.reloadUser().catch(() => undefined);
    },
  });

  useEffect(() => {
    if (token) void confirm.run();
  }, []);

  return (
    <div class="narrow">
      <PageHeading>{m.confirmEmail.title}</PageHeading>
      {!token ? (
        <p>{m.links.noToken}</p>
      ) : confirm.error ? (
        <form ref={confirm.formRef} class="form form--plain" noValidate onSubmit={confirm.onSubmit}>
          <FormError form={confirm} />
          <p>
            <Link href="/account">{m.confirmEmail.tryAgain}</Link>
          </p>
        </form>
      ) : done ? (
        <FormStatus focus>
          <p>
            <strong>{m.confirmEmail.done}</strong>
          </p>
          <p>
            {session.user ? (
              <Link href="/account">{m.app.account}</Link>
            ) : (
              <Link href="/login">{m.verifyEmail.logIn}</Link>
            )}
          </p>
        </FormStatus>
      ) : (
        <Loading />
      )}
    </div>
  );
}
