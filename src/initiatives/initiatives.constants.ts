export const INITIATIVE_KINDS = [
  'joint_project',
  'partner_search',
  'event',
  'exchange',
  'study_visit',
  'funding_application',
] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

export const INITIATIVE_STATUSES = [
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'rejected',
  'in_progress',
  'completed',
  'archived',
] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/*
 * The sets of statuses the rules speak of: each named once here, used by the services and passed
 * into SQL (as a parameter, or as literals generated from it where SQL cannot take one), so that a
 * new status is placed in one file.
 */

/** Statuses everyone may see (when not hidden by moderation): the page, its discussion (read), outcomes. */
export const PUBLIC_STATUSES: readonly InitiativeStatus[] = ['published', 'in_progress', 'completed', 'archived'];

/** Public and not archived: found by search and "similar", and archived by the daily job once ended or idle. */
export const ACTIVE_STATUSES: readonly InitiativeStatus[] = ['published', 'in_progress', 'completed'];

/** Under way: open to partners (expressions of interest, posting in its discussion, matching). */
export const OPEN_STATUSES: readonly InitiativeStatus[] = ['published', 'in_progress'];

export type InitiativeAction = 'submit' | 'publish' | 'request-changes' | 'reject' | 'start' | 'complete' | 'archive';

/**
 * The workflow: for each action, the statuses it may start from, where it leads, and who may take
 * it. Anything else is a 409. One table, so the rules are read in one place.
 */
export const TRANSITIONS: Record<
  InitiativeAction,
  { from: readonly InitiativeStatus[]; to: InitiativeStatus; by: 'editor' | 'staff' | 'editor_or_staff' }
> = {
  submit: { from: ['draft', 'changes_requested'], to: 'submitted', by: 'editor' },
  publish: { from: ['submitted'], to: 'published', by: 'staff' },
  'request-changes': { from: ['submitted'], to: 'changes_requested', by: 'staff' },
  reject: { from: ['submitted'], to: 'rejected', by: 'staff' },
  start: { from: ['published'], to: 'in_progress', by: 'editor' },
  complete: { from: OPEN_STATUSES, to: 'completed', by: 'editor' },
  archive: { from: ACTIVE_STATUSES, to: 'archived', by: 'editor_or_staff' },
};

/** Editable by the organisation while in these statuses. */
export const EDITABLE_STATUSES: readonly InitiativeStatus[] = [
  'draft',
  'changes_requested',
  'published',
  'in_progress',
];

/**
 * An initiative a forum meeting's partnership may be made on ("we will work together"): one under
 * way, or still being prepared by its own organisation (not rejected, completed or archived). The
 * other side's must be under way (OPEN_STATUSES): its drafts are not for the other side to see.
 */
export const PARTNERSHIP_HOST_STATUSES: readonly InitiativeStatus[] = [
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'in_progress',
];

export const REPORT_REASONS = ['spam', 'offensive', 'off_topic', 'personal_data', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_TARGETS = ['initiative', 'organization', 'message', 'consultation_comment'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
