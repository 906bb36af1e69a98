import type { OrganizationStatus } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/i18n';

/** Whether the City has verified an organisation: in words, with a sign that is not colour alone. */
export function StatusBadge({ status, long }: { status: OrganizationStatus; long?: boolean }) {
  const { m } = useI18n();
  return (
    <span class={`badge status-badge status-badge--${status}`} data-status={status}>
      {long ? m.organizationStatusLong[status] : m.organizationStatus[status]}
    </span>
  );
}
