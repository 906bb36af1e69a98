import { useForumMessages } from '../i18n/messages';
import { Link } from '../../../shared/router';

/** The main navigation's "Forum" item: the current page at /forum, inside the section below it. */
export function ForumNavLink({ path }: { path: string }) {
  const fm = useForumMessages();
  const current = path === '/forum' || path === '/forum/' ? 'page' : path.startsWith('/forum/') ? 'true' : undefined;
  return (
    <li>
      <Link href="/forum" aria-current={current}>
        {fm.nav}
      </Link>
    </li>
  );
}
