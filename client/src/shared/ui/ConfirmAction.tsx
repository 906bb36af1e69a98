import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import type { ApiError } from '../api/client';
import type { Explained } from '../errors';
import { useForm } from '../hooks/use-form';
import { FormError, SubmitButton } from './Form';

interface ConfirmActionProps {
  /** The button that starts it; its accessible name should say what it acts on. */
  label: ComponentChildren;
  /** What will happen, asked before it does. */
  question: ComponentChildren;
  confirmLabel: ComponentChildren;
  action: () => Promise<unknown>;
  onDone?: () => void;
  danger?: boolean;
  /** The refusal in the reader's words, where the feature knows its server's messages (else the shared ones). */
  explain?: (error: ApiError) => Explained;
}

/**
 * An action that cannot simply be undone (remove a member, leave, hand over ownership): the
 * button asks first, in the page rather than in a browser dialog, and focus moves to the question.
 */
export function ConfirmAction({ label, question, confirmLabel, action, onDone, danger, explain }: ConfirmActionProps) {
  const { m } = useI18n();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  const sent = useForm(action, {
    onSuccess: () => {
      setAsking(false);
      onDone?.();
    },
  });
  const form = explain && sent.error ? { ...sent, generalErrors: () => [explain(sent.error!)] } : sent;
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    // Cancelled: back to the button that asked.
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <button
        type="button"
        ref={startRef}
        class={danger ? 'button-danger' : 'button-secondary'}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <form ref={form.formRef} class="confirm" noValidate onSubmit={form.onSubmit}>
      <p ref={questionRef} tabIndex={-1} class="confirm__question">
        {question}
      </p>
      <FormError form={form} />
      <div class="form__actions">
        <SubmitButton form={form} class={danger ? 'button-danger' : 'button-primary'}>
          {confirmLabel}
        </SubmitButton>
        <button
          type="button"
          onClick={() => {
            form.clearError();
            setAsking(false);
          }}
        >
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}
