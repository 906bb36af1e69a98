/**
 * useForm (lib/use-form.ts) for the forms of the real-time and partnership features: the same
 * behaviour, with the server's messages of these features translated (lib/live-errors.ts).
 */
import { useI18n } from '../../shared/i18n/i18n';
import { useLiveMessages } from './i18n/messages';
import { explainLiveError, explainLiveField } from './errors';
import { useForm, type FormState } from '../../shared/hooks/use-form';

export function useLiveForm<T>(
  action: () => Promise<T>,
  options: { fields?: readonly string[]; onSuccess?: (result: T) => void } = {},
): FormState {
  const { m } = useI18n();
  const t = useLiveMessages();
  const form = useForm(action, options);
  const shown = new Set(options.fields ?? []);
  return {
    ...form,
    fieldError(field) {
      const message = shown.has(field) ? form.error?.fields?.[field]?.[0] : undefined;
      return message ? (explainLiveField(message, t) ?? form.fieldError(field)) : undefined;
    },
    generalErrors() {
      if (!form.error) return [];
      if (form.hasFieldErrors) return form.generalErrors();
      return [explainLiveError(form.error, t, m)];
    },
  };
}
