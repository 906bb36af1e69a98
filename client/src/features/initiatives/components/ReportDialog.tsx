import { ReportDialog } from '../../../shared/ui/ReportDialog';
import { REPORT_REASONS, reportItem } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { withInitiativeErrors } from '../errors';

/** "Report" on an initiative, for signed-in readers: the shared report dialog, in the initiatives' words. */
export function ReportButton({ initiativeId }: { initiativeId: string }) {
  const { t } = useInitiativesI18n();
  return (
    <ReportDialog
      targetType="initiative"
      targetId={initiativeId}
      report={reportItem}
      reasons={REPORT_REASONS}
      reasonLabel={(reason) => t.reportReason[reason]}
      labels={t.report}
      explain={(form) => withInitiativeErrors(form, t)}
      idPrefix="report"
      class="initiative-report"
    />
  );
}
