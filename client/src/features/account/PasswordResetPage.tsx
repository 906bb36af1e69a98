import { useState } from 'preact/hooks';
import { confirmPasswordReset, requestPasswordReset } from '../../shared/api/client';
import { takeLinkToken, useSession } from '../../shared/session';
import { FormError, FormStatus, SubmitButton, TextField } from '../../shared/ui/Form';
import { PageHeading } from '../../shared/ui/PageHeading';
import { useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link } from '../../shared/router';
import { useForm } from '../../shared/hooks/use-form';

/**
 * Forgotten password: without a token, asks for a link by e-mail; with the link's token
 * (/password-reset#token=...), sets the new password.
 */
export function PasswordResetPage() {
  const [token, setToken] = useState(takeLinkToken);
  return token ? <NewPasswordForm token={token} onNewLink={() => setToken(undefined)} /> : <RequestLinkForm />;
}

function RequestLinkForm() {
  const { m } = useI18n();
  useDocumentTitle(m.passwordReset.title);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const form = useForm(() => requestPasswordReset(email.trim()), { fields: ['email'], onSuccess: () => setSent(true) });
  return (
    <div class="narrow">
      <PageHeading>{m.passwordReset.title}</PageHeading>
      <p class="lead">{m.passwordReset.intro}</p>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <TextField
          id="reset-email"
          field="email"
          form={form}
          label={m.fields.email}
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={email}
          onValue={setEmail}
        />
        <FormStatus message={sent ? m.passwordReset.linkSent : undefined} />
        <div class="form__actions">
          <SubmitButton form={form}>{m.passwordReset.send}</SubmitButton>
        </div>
      </form>
      <p>
        <Link href="/login">{m.passwordReset.backToLogin}</Link>
      </p>
    </div>
  );
}

function NewPasswordForm({ token, onNewLink }: { token: string; onNewLink: () => void }) {
  const { m } = useI18n();
  const session = useSession();
  useDocumentTitle(m.passwordReset.newTitle);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const form = useForm(() => confirmPasswordReset(token, password), {
    fields: ['password'],
    onSuccess: () => {
      setDone(true);
      // The server has signed out every session of the account, this one included.
      if (session.user) session.endLocally();
    },
  });
  return (
    <div class="narrow">
      <PageHeading>{m.passwordReset.newTitle}</PageHeading>
      {done ? (
        <FormStatus focus>
          <p>
            <strong>{m.passwordReset.done}</strong>
          </p>
          <p>
            <Link href="/login">{m.app.logIn}</Link>
          </p>
        </FormStatus>
      ) : (
        <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
          <FormError form={form} />
          <TextField
            id="reset-password"
            field="password"
            form={form}
            label={m.fields.newPassword}
            hint={m.fields.newPasswordHint}
            type="password"
            autocomplete="new-password"
            value={password}
            onValue={setPassword}
          />
          <div class="form__actions">
            <SubmitButton form={form}>{m.passwordReset.save}</SubmitButton>
          </div>
        </form>
      )}
      {form.error && !form.hasFieldErrors && (
        <p>
          <button type="button" class="button-secondary" onClick={onNewLink}>
            {m.passwordReset.newLink}
          </button>
        </p>
      )}
    </div>
  );
}
