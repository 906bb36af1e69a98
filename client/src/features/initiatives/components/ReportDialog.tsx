import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../shared/api/client';
import { REPORT_REASONS, reportItem, type ReportReason } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { withInitiativeErrors } from '../errors';
import { useForm } from '../../../shared/hooks/use-form';
import { ExplainedText, FormError, FormStatus, SubmitButton, TextAreaField } from '../../../shared/ui/Form';

type Outcome = 'sent' | 'sentHidden' | 'already';

/**
 * "Report" for signed-in readers: a modal dialog (the browser's own, so focus stays inside and
 * Escape closes it) asking for the reason and an optional comment. A second report of the same
 * initiative is refused by the server (409), which the reader is told in words.
 */
export function ReportButton({ initiativeId }: { initiativeId: string }) {
  const { t, m } = useInitiativesI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>();
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

  const form = withInitiativeErrors(
    useForm(
      async (): Promise<Outcome> => {
        try {
          const created = await reportItem(
            'initiative',
            initiativeId,
            reason as ReportReason,
            comment.trim() || undefined,
          );
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
    t,
  );

  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);

  const reasonError = form.fieldError('reason');
  return (
    <div class="initiative-report">
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
        {t.report.open}
      </button>
      <FormStatus message={outcome && t.report[outcome]} />
      {open && (
        <dialog
          ref={dialog}
          class="report-dialog"
          aria-labelledby="report-title"
          aria-describedby="report-intro"
          // Escape closes the dialog; the state follows.
          onClose={() => open && close()}
        >
          <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
            <h2 id="report-title">{t.report.title}</h2>
            <p id="report-intro">{t.report.intro}</p>
            <FormError form={form} />
            <fieldset
              class={`checkbox-group${reasonError ? ' field--invalid' : ''}`}
              aria-describedby={reasonError ? 'report-reason-error' : undefined}
            >
              <legend>{t.report.reason}</legend>
              {reasonError && (
                <p id="report-reason-error" class="field-error">
                  <span class="visually-hidden">{m.form.errorPrefix} </span>
                  <ExplainedText explained={reasonError} />
                </p>
              )}
              <ul class="checkbox-group__options report-dialog__reasons">
                {REPORT_REASONS.map((value) => (
                  <li key={value}>
                    <input
                      type="radio"
                      id={`report-reason-${value}`}
                      name="reason"
                      value={value}
                      checked={reason === value}
                      aria-invalid={reasonError ? 'true' : undefined}
                      onChange={() => setReason(value)}
                    />
                    <label for={`report-reason-${value}`}>{t.reportReason[value]}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <TextAreaField
              id="report-comment"
              field="comment"
              form={form}
              label={t.report.comment}
              hint={t.report.commentHint}
              optional
              rows={3}
              maxLength={1000}
              value={comment}
              onValue={setComment}
            />
            <div class="form__actions">
              <SubmitButton form={form}>{t.report.send}</SubmitButton>
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
