/**
 * The reader's account: name and language, e-mail address, password, signed-in devices, a copy
 * of their data, and deleting the account.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  changeEmail,
  changePassword,
  deleteAccount,
  exportMyData,
  listSessions,
  revokeSession,
  updateMe,
  type Locale,
  type Me,
  type Session,
} from '../../shared/api/client';
import { isStaff, useLogOut, useSession } from '../../shared/session';
import { FormError, FormStatus, SelectField, SubmitButton, TextField } from '../../shared/ui/Form';
import { NotificationPreferences } from '../live/components/NotificationPreferences';
import { LoadError, Loading } from '../../shared/ui/LoadError';
import { PageHeading } from '../../shared/ui/PageHeading';
import { RequireSignIn } from '../../shared/ui/RequireSignIn';
import { LANGUAGES, useDocumentTitle, useI18n } from '../../shared/i18n/i18n';
import { Link, navigate } from '../../shared/router';
import { useApi } from '../../shared/hooks/use-api';
import { useForm } from '../../shared/hooks/use-form';
import { saveFile } from '../../shared/save-file';
import { describeUserAgent } from '../../shared/user-agent';
import { useRegistryEditMessages } from '../registry/i18n/messages';

// Each language is named in itself, as in the language switch.
const LANGUAGE_NAMES: Record<Locale, string> = { pl: 'Polski', en: 'English' };

export function AccountPage() {
  const { m } = useI18n();
  return <RequireSignIn title={m.account.title}>{(user) => <Account user={user} />}</RequireSignIn>;
}

/** The roles an admin granted, with what each allows and, for admins, where they are managed. */
function GrantedRoles({ user }: { user: Me }) {
  const rm = useRegistryEditMessages();
  return (
    <section aria-labelledby="grants-heading">
      <h2 id="grants-heading">{rm.grantsOnAccount}</h2>
      {user.grants.length > 0 ? (
        <ul>
          {user.grants.map((grant) => (
            <li key={grant}>{rm.grantNames[grant] ?? grant}</li>
          ))}
        </ul>
      ) : (
        <p>{rm.noGrants}</p>
      )}
      {user.role === 'admin' && (
        <p>
          <Link href="/staff">{rm.manageGrants}</Link>
        </p>
      )}
    </section>
  );
}

function Account({ user }: { user: Me }) {
  const { m, formatDate } = useI18n();
  useDocumentTitle(m.account.title);
  // A new password signs out the other sessions: the list then loads again.
  const [sessionsVersion, setSessionsVersion] = useState(0);
  return (
    <div class="account">
      <PageHeading>{m.account.title}</PageHeading>
      <p class="lead">
        {m.account.intro(formatDate(user.createdAt.slice(0, 10)))}
        {isStaff(user) && ` ${m.account.staffRole(m.platformRole[user.role])}`}
      </p>
      {(user.grants.length > 0 || user.role === 'admin') && <GrantedRoles user={user} />}
      <ProfileSection user={user} />
      <EmailSection user={user} />
      <PasswordSection email={user.email} onChanged={() => setSessionsVersion((n) => n + 1)} />
      <SessionsSection version={sessionsVersion} />
      <NotificationPreferences />
      <DataSection />
      <DeleteSection email={user.email} />
    </div>
  );
}

function ProfileSection({ user }: { user: Me }) {
  const { m, language, setLanguage } = useI18n();
  const session = useSession();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<Locale>(user.locale);
  const [saved, setSaved] = useState(false);
  // The header's language switch changes the account's language too: follow it.
  useEffect(() => setLocale(user.locale), [user.locale]);

  const form = useForm(() => updateMe({ displayName: displayName.trim(), locale }), {
    fields: ['displayName', 'locale'],
    onSuccess: (me) => {
      session.setUser(me);
      if (me.locale !== language) setLanguage(me.locale);
      setSaved(true);
    },
  });
  return (
    <section aria-labelledby="profile-heading" class="panel">
      <h2 id="profile-heading">{m.account.profileHeading}</h2>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit} onInput={() => setSaved(false)}>
        <FormError form={form} />
        <TextField
          id="profile-name"
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
        <SelectField
          id="profile-locale"
          field="locale"
          form={form}
          label={m.account.language}
          hint={m.account.languageHint}
          value={locale}
          onValue={(value) => {
            setLocale(value as Locale);
            setSaved(false);
          }}
          options={LANGUAGES.map((code) => ({ value: code, label: LANGUAGE_NAMES[code], lang: code }))}
        />
        <FormStatus message={saved ? m.account.profileSaved : undefined} />
        <div class="form__actions">
          <SubmitButton form={form}>{m.account.save}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function EmailSection({ user }: { user: Me }) {
  const { m } = useI18n();
  const [newEmail, setNewEmail] = useState('');
  const [currentPassword, setCurrentPassword] = useState('');
  const [sentTo, setSentTo] = useState<string>();
  const form = useForm(() => changeEmail(currentPassword, newEmail.trim()), {
    fields: ['newEmail', 'currentPassword'],
    onSuccess: () => {
      setSentTo(newEmail.trim());
      setNewEmail('');
      setCurrentPassword('');
    },
  });
  return (
    <section aria-labelledby="email-heading" class="panel">
      <h2 id="email-heading">{m.account.emailHeading}</h2>
      <p>
        {m.account.currentEmail} <strong data-testid="account-email">{user.email}</strong>
      </p>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <AccountName email={user.email} />
        <TextField
          id="email-new"
          field="newEmail"
          form={form}
          label={m.account.newEmail}
          hint={m.account.newEmailHint}
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={newEmail}
          onValue={setNewEmail}
        />
        <TextField
          id="email-password"
          field="currentPassword"
          form={form}
          label={m.fields.currentPassword}
          type="password"
          autocomplete="current-password"
          value={currentPassword}
          onValue={setCurrentPassword}
        />
        <FormStatus message={sentTo ? m.account.emailLinkSent(sentTo) : undefined} />
        <div class="form__actions">
          <SubmitButton form={form}>{m.account.changeEmail}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

/**
 * Tells password managers whose password a form asks for (browsers look for a username field
 * next to a password field); not shown, as the address is on the page already.
 */
function AccountName({ email }: { email: string }) {
  return <input type="email" name="username" autocomplete="username" value={email} readOnly hidden />;
}

function PasswordSection({ email, onChanged }: { email: string; onChanged: () => void }) {
  const { m } = useI18n();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [changed, setChanged] = useState(false);
  const form = useForm(() => changePassword(currentPassword, newPassword), {
    fields: ['currentPassword', 'newPassword'],
    onSuccess: () => {
      setChanged(true);
      setCurrentPassword('');
      setNewPassword('');
      onChanged();
    },
  });
  return (
    <section aria-labelledby="password-heading" class="panel">
      <h2 id="password-heading">{m.account.passwordHeading}</h2>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <AccountName email={email} />
        <TextField
          id="password-current"
          field="currentPassword"
          form={form}
          label={m.fields.currentPassword}
          type="password"
          autocomplete="current-password"
          value={currentPassword}
          onValue={setCurrentPassword}
        />
        <TextField
          id="password-new"
          field="newPassword"
          form={form}
          label={m.fields.newPassword}
          hint={m.fields.newPasswordHint}
          type="password"
          autocomplete="new-password"
          value={newPassword}
          onValue={setNewPassword}
        />
        <FormStatus message={changed ? m.account.passwordChanged : undefined} />
        <div class="form__actions">
          <SubmitButton form={form}>{m.account.changePassword}</SubmitButton>
        </div>
      </form>
    </section>
  );
}

function SessionsSection({ version }: { version: number }) {
  const { m } = useI18n();
  const [revoked, setRevoked] = useState(0);
  const sessions = useApi((signal) => listSessions(signal), [version, revoked]);
  return (
    <section aria-labelledby="sessions-heading" class="panel">
      <h2 id="sessions-heading">{m.account.sessionsHeading}</h2>
      <p>{m.account.sessionsIntro}</p>
      <FormStatus message={revoked ? m.account.sessionRevoked : undefined} />
      {sessions.error ? (
        <LoadError error={sessions.error} onRetry={sessions.reload} />
      ) : !sessions.data ? (
        <Loading />
      ) : (
        <ul class="sessions" aria-busy={sessions.loading}>
          {/* This device first, then the most recently used. */}
          {[...sessions.data.items]
            .sort((a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt))
            .map((item) => (
              <SessionItem key={item.id} session={item} onRevoked={() => setRevoked((n) => n + 1)} />
            ))}
        </ul>
      )}
    </section>
  );
}

function SessionItem({ session, onRevoked }: { session: Session; onRevoked: () => void }) {
  const { m, formatDateTime } = useI18n();
  const logOut = useLogOut();
  const { browser, system } = describeUserAgent(session.userAgent);
  const device = browser && system ? m.account.device(browser, system) : (browser ?? system ?? m.account.unknownDevice);
  const form = useForm(() => (session.current ? logOut() : revokeSession(session.id)), {
    onSuccess: () => !session.current && onRevoked(),
  });
  return (
    <li class="session" data-current={session.current || undefined}>
      <p class="session__device">
        <strong>{device}</strong>
        {session.current && <span class="badge badge--current">{m.account.thisDevice}</span>}
      </p>
      <dl class="facts-list">
        {session.ip && (
          <div>
            <dt>{m.account.ipAddress}</dt>
            <dd>{session.ip}</dd>
          </div>
        )}
        <div>
          <dt>{m.account.signedInAt}</dt>
          <dd>{formatDateTime(session.createdAt)}</dd>
        </div>
        <div>
          <dt>{m.account.lastUsedAt}</dt>
          <dd>{formatDateTime(session.lastUsedAt)}</dd>
        </div>
      </dl>
      {session.userAgent && (
        <details class="session__agent">
          <summary>{m.account.userAgent}</summary>
          <p lang="en">{session.userAgent}</p>
        </details>
      )}
      <form ref={form.formRef} class="session__action" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <SubmitButton form={form} class="button-secondary">
          {session.current ? m.app.logOut : m.account.signOutSession}
          {/* Every row has this button: its name says which session it ends. */}
          <span class="visually-hidden">
            {' '}
            {device}, {formatDateTime(session.createdAt)}
          </span>
        </SubmitButton>
      </form>
    </li>
  );
}

function DataSection() {
  const { m } = useI18n();
  const [savedAs, setSavedAs] = useState<string>();
  const form = useForm(exportMyData, {
    onSuccess: ({ blob, filename }) => {
      saveFile(blob, filename);
      setSavedAs(filename);
    },
  });
  return (
    <section aria-labelledby="data-heading" class="panel">
      <h2 id="data-heading">{m.account.dataHeading}</h2>
      <p>{m.account.dataIntro}</p>
      <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
        <FormError form={form} />
        <FormStatus message={savedAs ? m.account.dataSaved(savedAs) : undefined} />
        <div class="form__actions">
          <SubmitButton form={form} class="button-secondary">
            {m.account.downloadData}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function DeleteSection({ email }: { email: string }) {
  const { m } = useI18n();
  const session = useSession();
  const [confirming, setConfirming] = useState(false);
  const [currentPassword, setCurrentPassword] = useState('');
  const passwordBox = useRef<HTMLDivElement>(null);
  const form = useForm(() => deleteAccount(currentPassword), {
    fields: ['currentPassword'],
    onSuccess: () => {
      session.endLocally();
      session.showNotice({ kind: 'accountDeleted', path: '/' });
      navigate('/');
    },
  });
  // Opening the confirmation moves focus to its password field.
  useEffect(() => {
    if (confirming) passwordBox.current?.querySelector('input')?.focus();
  }, [confirming]);

  return (
    <section aria-labelledby="delete-heading" class="panel panel--danger">
      <h2 id="delete-heading">{m.account.deleteHeading}</h2>
      <div id="delete-warning" class="warning">
        <p>
          <strong>{m.account.deleteWarning}</strong>
        </p>
        <ul>
          <li>{m.account.deleteErased}</li>
          <li>{m.account.deleteContributions}</li>
          <li>{m.account.deleteOwners}</li>
          <li>{m.account.deleteExportFirst}</li>
        </ul>
      </div>
      {!confirming ? (
        <p>
          <button type="button" class="button-danger" onClick={() => setConfirming(true)}>
            {m.account.deleteStart}
          </button>
        </p>
      ) : (
        <form
          id="delete-form"
          ref={form.formRef}
          class="form"
          noValidate
          aria-describedby="delete-warning"
          onSubmit={form.onSubmit}
        >
          <FormError form={form} />
          <AccountName email={email} />
          <div ref={passwordBox}>
            <TextField
              id="delete-password"
              field="currentPassword"
              form={form}
              label={m.account.deletePassword}
              type="password"
              autocomplete="current-password"
              value={currentPassword}
              onValue={setCurrentPassword}
            />
          </div>
          <div class="form__actions">
            <SubmitButton form={form} class="button-danger">
              {m.account.deleteConfirm}
            </SubmitButton>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                setCurrentPassword('');
                form.clearError();
              }}
            >
              {m.common.cancel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
