import { useState } from 'preact/hooks';
import { resendVerification } from '../../shared/api/client';
import { registerHref, returnPathFromHash, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton, TextField } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate } from '../../shared/router';
import { useForm } from '../../shared/hooks/use-form';

/** Where a login without a return path leads: the reader's organisations, the start of most work. */
const AFTER_LOGIN = '/my-organizations';

export function LoginPage() {
  const { m } = useI18n();
  const session = useSession();
  useDocumentTitle(m.login.title);
  // Read once: the fragment may carry the way back (an invitation link, a page that needed a login).
  const [next] = useState(returnPathFromHash);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [resent, setResent] = useState(false);

  const form = useForm(() => session.logIn(email.trim(), password), {
    fields: ['email', 'password'],
    onSuccess: () => navigate(next ?? AFTER_LOGIN),
  });
  const resend = useForm(() => resendVerification(email.trim()), { onSuccess: () => setResent(true) });
  const notVerified = form.error?.status === 403;

  if (session.status === 'restoring') return <Loading />;
  if (session.user && !form.sending) {
    return (
      <div class="narrow">
        <PageHeading>{m.login.title}</PageHeading>
        <p>{m.login.alreadySignedIn(session.user.displayName)}</p>
        <p>
          <Link href={next ?? AFTER_LOGIN}>{m.login.continue}</Link>
        </p>
      </div>
    );
  }

  return (
    <div class="narrow">
      <PageHeading>{m.login.title}</PageHeading>
      {next && <p class="lead">{m.login.comeBack}</p>}
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <TextField
          id="login-email"
          field="email"
          form={form}
          label={m.fields.email}
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={email}
          onValue={setEmail}
        />
        <TextField
          id="login-password"
          field="password"
          form={form}
          label={m.fields.password}
          type="password"
          autocomplete="current-password"
          value={password}
          onValue={setPassword}
        />
        <div class="form__actions">
          <SubmitButton form={form}>{m.login.submit}</SubmitButton>
        </div>
      </form>

      {notVerified && (
        <form ref={resend.formRef} class="form form--secondary" noValidate onSubmit={resend.onSubmit}>
          <p>{m.login.notVerifiedHelp}</p>
          <FormError form={resend} />
          <FormStatus message={resent ? m.register.linkSent : undefined} />
          <div class="form__actions">
            <SubmitButton form={resend} class="button-secondary">
              {m.register.resend}
            </SubmitButton>
          </div>
        </form>
      )}

      <ul class="links">
        <li>
          <Link href="/password-reset">{m.login.forgotPassword}</Link>
        </li>
        <li>
          {m.login.noAccount} <Link href={registerHref(next)}>{m.app.signUp}</Link>
        </li>
      </ul>
    </div>
  );
}
