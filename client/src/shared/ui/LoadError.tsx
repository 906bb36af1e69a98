import type { ApiError } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** What went wrong loading data, in the reader's language, with the server's own words and a retry. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { m } = useI18n();
  return (
    <div class="load-error" role="alert">
      <p>{error.status === 0 ? m.common.unreachable : m.common.loadFailed}</p>
      {error.status !== 0 && (
        <p class="load-error__detail">
          {m.common.serverSaid} <span lang="en">{error.message}</span>
        </p>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {m.common.retry}
        </button>
      )}
    </div>
  );
}

export function Loading() {
  const { m } = useI18n();
  return (
    <p class="loading" role="status">
      {m.common.loading}
    </p>
  );
}
