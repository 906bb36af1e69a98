import type { InitiativeStatus } from '../api';
import { useInitiativesI18n } from '../i18n/messages';

/** Where an initiative is in its workflow: in words, with a sign that is not colour alone. */
export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  const { t } = useInitiativesI18n();
  return (
    <span class={`badge initiative-status initiative-status--${status}`} data-status={status}>
      {t.status[status]}
    </span>
  );
}
