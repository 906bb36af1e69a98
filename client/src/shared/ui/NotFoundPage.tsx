import { PageHeading } from './PageHeading';
import { useDocumentTitle, useI18n } from '../i18n/i18n';
import { Link } from '../router';

/** A page or a city that does not exist, with a way back. */
export function NotFoundPage(props: { title?: string; text?: string }) {
  const { m } = useI18n();
  const title = props.title ?? m.notFound.title;
  useDocumentTitle(title);
  return (
    <div class="not-found">
      <PageHeading>{title}</PageHeading>
      <p>{props.text ?? m.notFound.text}</p>
      <p>
        <Link href="/cities">{m.notFound.back}</Link>
      </p>
    </div>
  );
}
