import { useState } from 'preact/hooks';
import { register, resendVerification } from '../../shared/api/client';
import { loginHref, returnPathFromHash, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton, TextField } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useForm } from '../../shared/hooks/use-form';

export function RegisterPage() {
  const { m, language } = useI18n();
  const session = useSession();
  useDocumentTitle(m.register.title);
  const [next] = useState(returnPathFromHash);
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [sent, setSent] = useState(false);
  const [resent, setResent] = useState(false);

  // The account's language (for its e-mails too) is the one the reader is using; the account page changes it.
  const form = useForm(
    () => register({ displayName: displayName.trim(), email: email.trim(), password, locale: language }),
    {
      fields: ['displayName', 'email', 'password'],
      onSuccess: () => setSent(true),
    },
  );
  const resend = useForm(() => resendVerification(email.trim()), { onSuccess: () => setResent(true) });

  if (session.status === 'restoring') return <Loading />;
  if (session.user) {
    return (
      <div class="narrow">
        <PageHeading>{m.register.title}</PageHeading>
        <p>{m.login.alreadySignedIn(session.user.displayName)}</p>
        <p>
          <Link href="/account">{m.app.account}</Link>
        </p>
      </div>
    );
  }

  return (
    <div class="narrow">
      <PageHeading>{m.register.title}</PageHeading>
      {sent ? (
        <>
          <FormStatus focus>
            <p>
              <strong>{m.register.checkEmail}</strong>
            </p>
            <p>{m.register.linkSentTo(email.trim())}</p>
          </FormStatus>
          <p>
            {m.register.afterConfirming} <Link href={loginHref(next)}>{m.app.logIn}</Link>
          </p>
          <form ref={resend.formRef} class="form form--secondary" noValidate onSubmit={resend.onSubmit}>
            <p>{m.register.noMail}</p>
            <FormError form={resend} />
            <FormStatus message={resent ? m.register.linkSent : undefined} />
            <div class="form__actions">
              <SubmitButton form={resend} class="button-secondary">
                {m.register.resend}
              </SubmitButton>
            </div>
          </form>
        </>
      ) : (
        <>
          <p class="lead">{m.register.intro}</p>
          <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
            <FormError form={form} />
            <TextField
              id="register-name"
              field="displayName"
              form={form}
              label={m.fields.displayName}
              hint={m.register.nameHint}
              type="text"
              autocomplete="name"
              maxLength={100}
              value={displayName}
              onValue={setDisplayName}
            />
            <TextField
              id="register-email"
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
              id="register-password"
              field="password"
              form={form}
              label={m.fields.password}
              hint={m.fields.newPasswordHint}
              type="password"
              autocomplete="new-password"
              value={password}
              onValue={setPassword}
            />
            <p class="hint">{m.register.languageNote}</p>
            <div class="form__actions">
              <SubmitButton form={form}>{m.register.submit}</SubmitButton>
            </div>
          </form>
          <p>
            {m.register.haveAccount} <Link href={loginHref(next)}>{m.app.logIn}</Link>
          </p>
        </>
      )}
    </div>
  );
}
