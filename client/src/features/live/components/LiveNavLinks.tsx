/** The signed-in reader's links to their interests and partnerships (items of the header's account menu). */
import { useLiveMessages } from '../i18n/messages';
import { Link } from '../../../shared/router';

export function LiveNavLinks({ path }: { path: string }) {
  const t = useLiveMessages();
  // The list itself is the current page; a partnership's workspace is inside that section.
  const current = (href: string) => (path === href ? 'page' : path.startsWith(`${href}/`) ? 'true' : undefined);
  return (
    <>
      <li>
        <Link href="/interests" aria-current={current('/interests')}>
          {t.nav.interests}
        </Link>
      </li>
      <li>
        <Link href="/partnerships" aria-current={current('/partnerships')}>
          {t.nav.partnerships}
        </Link>
      </li>
    </>
  );
}
