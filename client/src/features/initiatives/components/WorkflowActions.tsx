import { COMMENTED_ACTIONS, transitionInitiative, type InitiativeAction, type InitiativeDetail } from '../api';
import { useInitiativesI18n } from '../i18n/messages';
import { StepAction } from './StepAction';

/** The order the buttons come in: forward first, the ones that undo or end last. */
const ORDER: readonly InitiativeAction[] = [
  'submit',
  'publish',
  'request-changes',
  'reject',
  'start',
  'complete',
  'archive',
];

interface WorkflowActionsProps {
  initiativeId: string;
  /** The transitions the reader may take now (the detail's `actions`). */
  actions: readonly string[];
  /** Added to each button's accessible name where several initiatives are on one page (the queue). */
  subject?: string;
  onDone: (action: InitiativeAction, initiative: InitiativeDetail) => void;
}

/** The workflow's buttons: each asks first; request-changes and reject ask for the comment the authors will read. */
export function WorkflowActions({ initiativeId, actions, subject, onDone }: WorkflowActionsProps) {
  const { t } = useInitiativesI18n();
  const available = ORDER.filter((action) => actions.includes(action));
  if (!available.length) return null;
  return (
    <div class="workflow-actions">
      {available.map((action) => {
        const commented = COMMENTED_ACTIONS.includes(action);
        return (
          <StepAction
            key={action}
            id={`step-${action}-${initiativeId}`}
            label={
              <>
                {t.actions.label[action]}
                {subject && <span class="visually-hidden"> {subject}</span>}
              </>
            }
            question={commented ? undefined : t.actions.question[action as keyof typeof t.actions.question]}
            comment={
              commented
                ? {
                    field: 'comment',
                    label: t.actions.comment[action as keyof typeof t.actions.comment],
                    hint: t.actions.commentHint,
                  }
                : undefined
            }
            confirmLabel={t.actions.confirm[action]}
            action={(comment) => transitionInitiative(initiativeId, action, comment)}
            onDone={(initiative) => onDone(action, initiative)}
            danger={action === 'reject'}
            primary={action === 'submit' || action === 'publish'}
          />
        );
      })}
    </div>
  );
}
