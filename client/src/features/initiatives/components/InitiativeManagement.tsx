import { STAFF_ACTIONS, type InitiativeAction, type InitiativeDetail } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { Link } from '../../../shared/router';
import { SimilarInitiatives } from './SimilarInitiatives';
import { WorkflowActions } from './WorkflowActions';

interface InitiativeManagementProps {
  initiative: InitiativeDetail;
  onDone: (action: InitiativeAction, initiative: InitiativeDetail) => void;
}

/**
 * What the reader may do with the initiative now: its editors edit it and move it along (with the
 * similar initiatives shown before they submit a draft); staff publish, ask for changes or reject.
 */
export function InitiativeManagement({ initiative, onDone }: InitiativeManagementProps) {
  const { t } = useInitiativesI18n();
  const staffActions = initiative.actions.filter((action) => STAFF_ACTIONS.includes(action as InitiativeAction));
  const otherActions = initiative.actions.filter((action) => !staffActions.includes(action));
  const canSubmit = initiative.actions.includes('submit');
  return (
    <>
      {canSubmit && <SimilarInitiatives initiativeId={initiative.id} version={initiative.updatedAt} />}
      {(initiative.canEdit || otherActions.length > 0) && (
        <section class="panel initiative-actions" aria-labelledby="initiative-next-steps">
          <h2 id="initiative-next-steps">{t.actions.title}</h2>
          <div class="initiative-actions__row">
            {initiative.canEdit && (
              <Link href={`/initiatives/${initiative.id}/edit`} class="button-link">
                {t.page.edit}
              </Link>
            )}
            <WorkflowActions initiativeId={initiative.id} actions={otherActions} onDone={onDone} />
          </div>
        </section>
      )}
      {staffActions.length > 0 && (
        <section class="panel initiative-actions" aria-labelledby="initiative-staff-actions">
          <h2 id="initiative-staff-actions">{t.actions.staffTitle}</h2>
          <WorkflowActions initiativeId={initiative.id} actions={staffActions} onDone={onDone} />
        </section>
      )}
    </>
  );
}
