import { PageHeading } from './PageHeading';
import { useDocumentTitle, useI18n } from '../i18n/i18n';

/** A page whose code could not be loaded (offline, or a new release replaced it): reloading fetches it anew. */
export function LoadFailedPage() {
  const { m } = useI18n();
  useDocumentTitle(m.loadFailed.title);
  return (
    <div class="not-found">
      <PageHeading>{m.loadFailed.title}</PageHeading>
      <p>{m.loadFailed.text}</p>
      <p>
        <a href={window.location.pathname + window.location.search}>{m.loadFailed.reload}</a>
      </p>
    </div>
  );
}
