import { useEffect, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../api/client';
import { useI18n } from '../i18n/i18n';

export interface ApiState<T> {
  /** The last data loaded; kept while the next request runs, so lists do not flicker. */
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs a request when its inputs (deps) change, cancelling the previous one, and again when the
 * interface language changes: the server names places and picks texts' versions in it.
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): ApiState<T> {
  const { language } = useI18n();
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'>>({ loading: true });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true }));
    load(controller.signal).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
        setState({ error: apiError, loading: false });
      },
    );
    return () => controller.abort();
  }, [...deps, language, attempt]);

  return { ...state, reload: () => setAttempt((n) => n + 1) };
}
