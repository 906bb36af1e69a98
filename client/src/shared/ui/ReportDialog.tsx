import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { useForm, type FormState } from '../hooks/use-form';
import { useI18n } from '../i18n/i18n';
import { ExplainedText, FormError, FormStatus, SubmitButton, TextAreaField } from './Form';

type Outcome = 'sent' | 'sentHidden' | 'already';

/** What the dialog says, in the reader's language: each feature names its own thing reported. */
export interface ReportLabels {
  open: string;
  title: string;
  intro: string;
  reason: string;
  comment: string;
  commentHint: string;
  send: string;
  sent: string;
  sentHidden: string;
  already: string;
}

export interface ReportDialogProps<TargetType extends string, Reason extends string> {
  /** What is reported: its type and id, as the endpoint takes them. */
  targetType: TargetType;
  targetId: string;
  /** The endpoint: sends the report; `hidden` says the item is hidden until the moderators decide. */
  report: (targetType: TargetType, targetId: string, reason: Reason, comment?: string) => Promise<{ hidden: boolean }>;
  /** The reasons to choose from, with their names in the reader's language. */
  reasons: readonly Reason[];
  reasonLabel: (reason: Reason) => string;
  labels: ReportLabels;
  /** The server's messages in the reader's language (the feature's own rules). */
  explain: (form: FormState) => FormState;
  /** Makes the element ids unique where a page has more than one dialog. */
  idPrefix: string;
  class: string;
  /** Words after the button's label for screen readers, telling apart several buttons on a page. */
  openerDetail?: ComponentChildren;
}

/**
 * "Report" for signed-in readers: a modal dialog (the browser's own, so focus stays inside and
 * Escape closes it) asking for the reason and an optional comment; the report joins the moderators'
 * queue. A second report of the same item is refused by the server (409), which the reader is told
 * in words.
 */
export function ReportDialog<TargetType extends string, Reason extends string>(
  props: ReportDialogProps<TargetType, Reason>,
) {
  const { targetType, targetId, report, reasons, reasonLabel, labels, explain, idPrefix: id, openerDetail } = props;
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<Reason>();
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);

  const close = (result?: Outcome) => {
    dialog.current?.close();
    setOpen(false);
    if (result) setOutcome(result);
    opener.current?.focus();
  };

  const form = explain(
    useForm(
      async (): Promise<Outcome> => {
        try {
          const created = await report(targetType, targetId, reason as Reason, comment.trim() || undefined);
          return created.hidden ? 'sentHidden' : 'sent';
        } catch (error) {
          // Already reported by this reader: not a failure to retry, an answer.
          if (error instanceof ApiError && error.status === 409) return 'already';
          throw error;
        }
      },
      {
        fields: ['reason', 'comment'],
        onSuccess: (result) => {
          setReason(undefined);
          setComment('');
          close(result);
        },
      },
    ),
  );

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  const reasonError = form.fieldError('reason');
  return (
    <div class={props.class}>
      <button
        type="button"
        ref={opener}
        class="button-secondary"
        onClick={() => {
          form.clearError();
          setOutcome(undefined);
          setOpen(true);
        }}
      >
        {labels.open}
        {openerDetail && <span class="visually-hidden"> {openerDetail}</span>}
      </button>
      <FormStatus message={outcome && labels[outcome]} />
      {open && (
        <dialog
          ref={dialog}
          class="report-dialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-intro`}
          // Escape closes the dialog; the state follows.
          onClose={() => open && close()}
        >
          <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
            <h2 id={`${id}-title`}>{labels.title}</h2>
            <p id={`${id}-intro`}>{labels.intro}</p>
            <FormError form={form} />
            <fieldset
              class={`checkbox-group${reasonError ? ' field--invalid' : ''}`}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            >
              <legend>{labels.reason}</legend>
              {reasonError && (
                <p id={`${id}-reason-error`} class="field-error">
                  <span class="visually-hidden">{m.form.errorPrefix} </span>
                  <ExplainedText explained={reasonError} />
                </p>
              )}
              <ul class="checkbox-group__options report-dialog__reasons">
                {reasons.map((value) => (
                  <li key={value}>
                    <input
                      type="radio"
                      id={`${id}-reason-${value}`}
                      name="reason"
                      value={value}
                      checked={reason === value}
                      aria-invalid={reasonError ? 'true' : undefined}
                      onChange={() => setReason(value)}
                    />
                    <label for={`${id}-reason-${value}`}>{reasonLabel(value)}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <TextAreaField
              id={`${id}-comment`}
              field="comment"
              form={form}
              label={labels.comment}
              hint={labels.commentHint}
              optional
              rows={3}
              maxLength={1000}
              value={comment}
              onValue={setComment}
            />
            <div class="form__actions">
              <SubmitButton form={form}>{labels.send}</SubmitButton>
              <button type="button" onClick={() => close()}>
                {m.common.cancel}
              </button>
            </div>
          </form>
        </dialog>
      )}
    </div>
  );
}
