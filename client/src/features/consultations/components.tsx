/** What the consultations' pages share: the texts in the reader's language, the period, the report dialog. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../shared/api/client';
import { useForm } from '../../shared/hooks/use-form';
import { useI18n } from '../../shared/i18n/i18n';
import { ExplainedText, FormError, FormStatus, SubmitButton, TextAreaField } from '../../shared/ui/Form';
import { REPORT_REASONS, reportItem, type ReportReason } from '../initiatives/api';
import { useInitiativesI18n } from '../initiatives/i18n/messages';
import type { ConsultationSummary } from './api';
import { withConsultationErrors } from './errors';
import { useConsultationsMessages } from './i18n/messages';

/** Staff write every text in Polish and English: the reader's is shown, so it is in the page's language. */
export function usePick() {
  const { language } = useI18n();
  return (pl: string, en: string) => (language === 'pl' ? pl : en);
}

export function Period({ consultation }: { consultation: ConsultationSummary }) {
  const t = useConsultationsMessages();
  const { formatDateTime } = useI18n();
  return <>{t.periodText(formatDateTime(consultation.opensAt), formatDateTime(consultation.closesAt))}</>;
}

/** Paragraphs of a text written with blank lines between them. */
export function Paragraphs({ text, lang }: { text: string; lang?: string }) {
  return (
    <div class="consultation-text" lang={lang}>
      {text
        .split(/\n\s*\n/)
        .filter(Boolean)
        .map((paragraph, index) => (
          <p key={index}>{paragraph}</p>
        ))}
    </div>
  );
}

type Outcome = 'sent' | 'sentHidden' | 'already';

/**
 * "Report" on a comment, as on an initiative: a modal dialog (the browser's own: focus stays in it,
 * Escape closes it) with the reason and an optional remark; the report joins the moderators' queue.
 */
export function ReportCommentButton({ commentId, author }: { commentId: string; author: string }) {
  const t = useConsultationsMessages();
  const { t: it, m } = useInitiativesI18n();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ReportReason>();
  const [remark, setRemark] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const id = `report-${commentId}`;

  const close = (result?: Outcome) => {
    dialog.current?.close();
    setOpen(false);
    if (result) setOutcome(result);
    opener.current?.focus();
  };
  const form = withConsultationErrors(
    useForm(
      async (): Promise<Outcome> => {
        try {
          const created = await reportItem(
            'consultation_comment',
            commentId,
            reason as ReportReason,
            remark.trim() || undefined,
          );
          return created.hidden ? 'sentHidden' : 'sent';
        } catch (error) {
          if (error instanceof ApiError && error.status === 409) return 'already';
          throw error;
        }
      },
      {
        fields: ['reason', 'comment'],
        onSuccess: (result) => {
          setReason(undefined);
          setRemark('');
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
    <div class="consultation-report">
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
        <span class="visually-hidden"> {t.page.which(author)}</span>
      </button>
      <FormStatus message={outcome && t.report[outcome]} />
      {open && (
        <dialog
          ref={dialog}
          class="report-dialog"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-intro`}
          onClose={() => open && close()}
        >
          <form ref={form.formRef} class="form" noValidate onSubmit={form.onSubmit}>
            <h2 id={`${id}-title`}>{t.report.title}</h2>
            <p id={`${id}-intro`}>{t.report.intro}</p>
            <FormError form={form} />
            <fieldset
              class={`checkbox-group${reasonError ? ' field--invalid' : ''}`}
              aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            >
              <legend>{t.report.reason}</legend>
              {reasonError && (
                <p id={`${id}-reason-error`} class="field-error">
                  <span class="visually-hidden">{m.form.errorPrefix} </span>
                  <ExplainedText explained={reasonError} />
                </p>
              )}
              <ul class="checkbox-group__options report-dialog__reasons">
                {REPORT_REASONS.map((value) => (
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
                    <label for={`${id}-reason-${value}`}>{it.reportReason[value]}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <TextAreaField
              id={`${id}-comment`}
              field="comment"
              form={form}
              label={t.report.comment}
              hint={t.report.commentHint}
              optional
              rows={3}
              maxLength={1000}
              value={remark}
              onValue={setRemark}
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
