import type { ComponentChildren } from 'preact';
import type { Me } from '../api/client';
import { currentPath, isStaff, loginHref, registerHref, useSession } from '../session';
import { useDocumentTitle, useI18n } from '../i18n/i18n';
import { Link } from '../router';
import { Loading } from './LoadError';
import { PageHeading } from './PageHeading';

/**
 * A page for signed-in users: while the session is being restored it waits; signed out, it
 * offers to log in and come back here; for staff pages, it tells others they cannot use it.
 */
export function RequireSignIn({
  title,
  staff,
  children,
}: {
  title: string;
  staff?: boolean;
  children: (user: Me) => ComponentChildren;
}) {
  const { status, user } = useSession();
  if (status === 'restoring') return <Loading />;
  if (!user) return <SignInRequired title={title} />;
  if (staff && !isStaff(user)) return <StaffOnly title={title} />;
  return <>{children(user)}</>;
}

function StaffOnly({ title }: { title: string }) {
  const { m } = useI18n();
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{m.errors.staffOnly}</p>
    </>
  );
}

function SignInRequired({ title }: { title: string }) {
  const { m } = useI18n();
  useDocumentTitle(title);
  const here = currentPath();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{m.signIn.required}</p>
      <p class="actions">
        <Link href={loginHref(here)} class="button-link button-link--primary">
          {m.app.logIn}
        </Link>
        <Link href={registerHref(here)} class="button-link">
          {m.app.signUp}
        </Link>
      </p>
    </>
  );
}
