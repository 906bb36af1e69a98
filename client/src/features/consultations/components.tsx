/** What the consultations' pages share: the texts in the reader's language, the period, the report dialog. */
import { useI18n } from '../../shared/i18n/i18n';
import { ReportDialog } from '../../shared/ui/ReportDialog';
import { REPORT_REASONS, reportItem } from '../initiatives/api';
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

/** "Report" on a comment, as on an initiative: the shared report dialog, in the consultations' words. */
export function ReportCommentButton({ commentId, author }: { commentId: string; author: string }) {
  const t = useConsultationsMessages();
  const { t: it } = useInitiativesI18n();
  return (
    <ReportDialog
      targetType="consultation_comment"
      targetId={commentId}
      report={reportItem}
      reasons={REPORT_REASONS}
      reasonLabel={(reason) => it.reportReason[reason]}
      labels={t.report}
      explain={(form) => withConsultationErrors(form, t)}
      idPrefix={`report-${commentId}`}
      class="consultation-report"
      openerDetail={t.page.which(author)}
    />
  );
}
