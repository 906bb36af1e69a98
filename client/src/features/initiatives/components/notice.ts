/**
 * A message for the next page the reader lands on (after creating or saving an initiative the
 * form's page is gone): kept here until that page shows it, once.
 */
export type InitiativeNotice = 'created' | 'saved';

let pending: { path: string; notice: InitiativeNotice } | undefined;

export function leaveNotice(path: string, notice: InitiativeNotice): void {
  pending = { path, notice };
}

/** The notice left for this path, if any; taken, so a reload or a later visit does not repeat it. */
export function takeNotice(path: string): InitiativeNotice | undefined {
  if (pending?.path !== path) return undefined;
  const { notice } = pending;
  pending = undefined;
  return notice;
}
