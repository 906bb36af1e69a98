import type { ComponentChildren } from 'preact';
import type { Me } from '../api/client';
import { useDocumentTitle } from '../i18n/i18n';
import { PageHeading } from './PageHeading';
import { RequireSignIn } from './RequireSignIn';

/** A staff grant an administrator gives (registry_editor, …), as the session lists them. */
export type Grant = Me['grants'][number];

/**
 * A staff page that needs a grant: signed out or not staff, as RequireSignIn says; staff without the
 * grant are told, in the feature's words (`refusal`), who may use it and who grants it.
 */
export function RequireGrant({
  grant,
  title,
  refusal,
  children,
}: {
  grant: Grant;
  title: string;
  refusal: string;
  children: (user: Me) => ComponentChildren;
}) {
  return (
    <RequireSignIn title={title} staff>
      {(user) => (user.grants.includes(grant) ? children(user) : <GrantMissing title={title} refusal={refusal} />)}
    </RequireSignIn>
  );
}

function GrantMissing({ title, refusal }: { title: string; refusal: string }) {
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p>{refusal}</p>
    </>
  );
}
