import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, isAbort } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { explainError, explainFieldMessage, type Explained } from '../errors';

export interface FormState {
  formRef: RefObject<HTMLFormElement | null>;
  sending: boolean;
  error?: ApiError;
  /** The first error the server gave for this field, when the form shows that field. */
  fieldError: (field: string) => Explained | undefined;
  /** What the error area says: the request's error, or the errors of fields the form does not show. */
  generalErrors: () => Explained[];
  /** True when some field of the form is marked invalid. */
  hasFieldErrors: boolean;
  onSubmit: (event: Event) => void;
  /** Runs the action outside a submit event (a button's click). */
  run: () => Promise<void>;
  clearError: () => void;
}

/**
 * One form's request: sending state (the submit button is disabled meanwhile), the error the
 * server gave, split into field errors (shown by their fields) and the rest (an alert), and focus
 * on the first invalid field, or on the alert, after each failure, so nobody has to hunt for it.
 */
export function useForm<T>(
  action: () => Promise<T>,
  options: { fields?: readonly string[]; onSuccess?: (result: T) => void } = {},
): FormState {
  const { m } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [failures, setFailures] = useState(0);
  const shown = new Set(options.fields ?? []);

  useEffect(() => {
    if (!failures) return;
    const form = formRef.current;
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('.form-error');
    target?.focus();
  }, [failures]);

  const run = async () => {
    if (sending) return;
    setSending(true);
    setError(undefined);
    try {
      const result = await action();
      setSending(false);
      options.onSuccess?.(result);
    } catch (caught) {
      setSending(false);
      if (isAbort(caught)) return;
      setError(caught instanceof ApiError ? caught : new ApiError(0, String(caught)));
      setFailures((n) => n + 1);
    }
  };

  const fieldError = (field: string): Explained | undefined => {
    const message = shown.has(field) ? error?.fields?.[field]?.[0] : undefined;
    return message ? explainFieldMessage(message, m) : undefined;
  };
  const hasFieldErrors = Object.keys(error?.fields ?? {}).some((field) => shown.has(field));

  return {
    formRef,
    sending,
    error,
    fieldError,
    hasFieldErrors,
    generalErrors() {
      if (!error) return [];
      const unshown = Object.entries(error.fields ?? {}).filter(([field]) => !shown.has(field));
      if (hasFieldErrors)
        return unshown.flatMap(([, messages]) => messages.map((message) => explainFieldMessage(message, m)));
      return [explainError(error, m)];
    },
    onSubmit(event: Event) {
      event.preventDefault();
      void run();
    },
    run,
    clearError: () => setError(undefined),
  };
}
