import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useInitiativesI18n } from '../i18n/messages';
import { withInitiativeErrors } from '../errors';
import { useForm } from '../../../shared/hooks/use-form';
import { FormError, SubmitButton, TextAreaField } from '../../../shared/ui/Form';

interface StepActionProps<T> {
  id: string;
  /** The button that starts it; its accessible name should say what it acts on. */
  label: ComponentChildren;
  /** What will happen, asked before it does (for a step without a comment). */
  question?: ComponentChildren;
  /** For a step that needs words the authors or the audit log will read: the API's name for them and their label. */
  comment?: { field: string; label: ComponentChildren; hint: ComponentChildren };
  confirmLabel: ComponentChildren;
  action: (text?: string) => Promise<T>;
  onDone: (result: T) => void;
  danger?: boolean;
  primary?: boolean;
}

/**
 * One step of a workflow (submit, publish, reject, hide...): the button asks first, in the page,
 * or opens a short form for the comment; focus goes to the question or the field, and Cancel
 * brings it back to the button. Unlike the shared ConfirmAction, the server's refusals about
 * initiatives are shown in the reader's language.
 */
export function StepAction<T>({
  id,
  label,
  question,
  comment,
  confirmLabel,
  action,
  onDone,
  danger,
  primary,
}: StepActionProps<T>) {
  const { t, m } = useInitiativesI18n();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const startRef = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  const form = withInitiativeErrors(
    useForm(() => action(comment ? text.trim() : undefined), {
      fields: comment ? [comment.field] : [],
      onSuccess: (result) => {
        setOpen(false);
        setText('');
        onDone(result);
      },
    }),
    t,
  );
  useEffect(() => {
    if (open) document.getElementById(id)?.focus();
    // Cancelled: back to the button that opened it (after success the page says what happened).
    else if (wasOpen.current) startRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  if (!open) {
    return (
      <button
        type="button"
        ref={startRef}
        class={danger ? 'button-danger' : primary ? 'button-primary' : 'button-secondary'}
        onClick={() => setOpen(true)}
      >
        {label}
      </button>
    );
  }
  return (
    <form ref={form.formRef} class="form step-action" noValidate onSubmit={form.onSubmit}>
      {question && (
        <p id={id} tabIndex={-1} class="confirm__question">
          {question}
        </p>
      )}
      <FormError form={form} />
      {comment && (
        <TextAreaField
          id={id}
          field={comment.field}
          form={form}
          label={comment.label}
          hint={comment.hint}
          rows={3}
          maxLength={2000}
          value={text}
          onValue={setText}
        />
      )}
      <div class="form__actions">
        <SubmitButton form={form} class={danger ? 'button-danger' : 'button-primary'}>
          {confirmLabel}
        </SubmitButton>
        <button
          type="button"
          onClick={() => {
            form.clearError();
            setOpen(false);
          }}
        >
          {m.common.cancel}
        </button>
      </div>
    </form>
  );
}
