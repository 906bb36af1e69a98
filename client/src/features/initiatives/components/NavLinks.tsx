/**
 * The initiatives' entries of the site's navigation (Layout.tsx): each renders its own <li>, or
 * nothing for a reader it is not for.
 */
import { isStaff, useSession } from '../../../shared/session';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';

/** For everyone, in the main navigation. */
export function InitiativesNavLink({ path }: { path: string }) {
  const { t } = useInitiativesI18n();
  const current = path === '/initiatives' ? 'page' : path.startsWith('/initiatives/') ? 'true' : undefined;
  return (
    <li>
      <Link href="/initiatives" aria-current={current}>
        {t.nav.initiatives}
      </Link>
    </li>
  );
}

/** For signed-in readers, in the account navigation. */
export function MyInitiativesNavLink({ path }: { path: string }) {
  const { t } = useInitiativesI18n();
  const { user } = useSession();
  if (!user) return null;
  return (
    <li>
      <Link href="/my-initiatives" aria-current={path === '/my-initiatives' ? 'page' : undefined}>
        {t.nav.myInitiatives}
      </Link>
    </li>
  );
}

/** For city staff, in the account navigation. */
export function ModerationNavLink({ path }: { path: string }) {
  const { t } = useInitiativesI18n();
  const { user } = useSession();
  if (!isStaff(user)) return null;
  return (
    <li>
      <Link href="/moderation" aria-current={path === '/moderation' ? 'page' : undefined}>
        {t.nav.moderation}
      </Link>
    </li>
  );
}
