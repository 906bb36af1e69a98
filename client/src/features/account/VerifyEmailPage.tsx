import { useEffect, useState } from 'preact/hooks';
import { resendVerification, verifyEmail } from '../../shared/api/client';
import { takeLinkToken, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton, TextField } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useForm } from '../../shared/hooks/use-form';

/** The page of the link in the sign-up e-mail (/verify-email#token=...): confirms the address at once. */
export function VerifyEmailPage() {
  const { m } = useI18n();
  const { user } = useSession();
  useDocumentTitle(m.verifyEmail.title);
  const [token] = useState(takeLinkToken);
  const verify = useForm(() => verifyEmail(token ?? ''));
  const [done, setDone] = useState(false);

  useEffect(() => {
    if (token) void verify.run().then(() => setDone(true));
  }, []);

  return (
    <div class="narrow">
      <PageHeading>{m.verifyEmail.title}</PageHeading>
      {!token ? (
        <>
          <p>{m.links.noToken}</p>
          <ResendForm />
        </>
      ) : verify.error ? (
        <>
          <form ref={verify.formRef} class="form form--plain" noValidate onSubmit={verify.onSubmit}>
            <FormError form={verify} />
          </form>
          <ResendForm />
        </>
      ) : done && !verify.sending ? (
        <FormStatus focus>
          <p>
            <strong>{m.verifyEmail.done}</strong>
          </p>
          <p>
            {user ? <Link href="/account">{m.app.account}</Link> : <Link href="/login">{m.verifyEmail.logIn}</Link>}
          </p>
        </FormStatus>
      ) : (
        <Loading />
      )}
    </div>
  );
}

/** A new link, for an expired or already used one. */
function ResendForm() {
  const { m } = useI18n();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm(() => resendVerification(email.trim()), { fields: ['email'], onSuccess: () => setSent(true) });
  return (
    <form ref={form.formRef} class="form form--secondary" noValidate onSubmit={form.onSubmit}>
      <h2>{m.verifyEmail.resendHeading}</h2>
      <FormError form={form} />
      <TextField
        id="resend-email"
        field="email"
        form={form}
        label={m.fields.email}
        type="email"
        autocomplete="email"
        spellcheck={false}
        value={email}
        onValue={setEmail}
      />
      <FormStatus message={sent ? m.register.linkSent : undefined} />
      <div class="form__actions">
        <SubmitButton form={form}>{m.register.resend}</SubmitButton>
      </div>
    </form>
  );
}
