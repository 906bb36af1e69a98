import { addDays } from '../common/calendar-date';
import { documentTermFacts, type DocumentTermInput } from '../registry/document-terms';

/** What falls due on a date: the last day to give notice, an automatic renewal, or the end of a document. */
export type DeadlineKind = 'notice' | 'renewal' | 'expiry';

export interface Deadline {
  kind: DeadlineKind;
  on: string;
  /** For a notice deadline: the renewal it stops (the decision is about it). */
  renewsOn: string | null;
  /** For a notice deadline or a renewal: how many years the renewal binds the city for. */
  renewalYears: number | null;
}

/**
 * The deadlines of a document from `from` to `until` (both inclusive), in date order, derived from
 * document-terms.ts cycle by cycle: a renewing agreement has a notice deadline and a renewal each
 * cycle (a notice deadline already passed is not shown, its renewal still is); a fixed one ends once.
 */
export function deadlinesBetween(document: DocumentTermInput, from: string, until: string): Deadline[] {
  const deadlines: Deadline[] = [];
  let on = from;
  for (let cycles = 0; cycles < 100; cycles++) {
    const facts = documentTermFacts(document, on);
    if (!facts.nextExpiryOn || facts.nextExpiryOn > until) {
      // The notice for a renewal beyond the window may still fall within it.
      if (facts.noticeDeadlineOn && facts.noticeDeadlineOn >= from && facts.noticeDeadlineOn <= until)
        deadlines.push(notice(facts.noticeDeadlineOn, facts.nextExpiryOn, document));
      break;
    }
    if (document.term === 'fixed_auto_renew') {
      if (facts.noticeDeadlineOn && facts.noticeDeadlineOn >= from)
        deadlines.push(notice(facts.noticeDeadlineOn, facts.nextExpiryOn, document));
      deadlines.push({ kind: 'renewal', on: facts.nextExpiryOn, renewsOn: null, renewalYears: renewalYears(document) });
    } else {
      deadlines.push({ kind: 'expiry', on: facts.nextExpiryOn, renewsOn: null, renewalYears: null });
      break;
    }
    on = addDays(facts.nextExpiryOn, 1);
  }
  return deadlines.sort((a, b) => a.on.localeCompare(b.on));
}

const renewalYears = (document: DocumentTermInput) => document.renewalYears ?? document.termYears;

const notice = (on: string, renewsOn: string | null, document: DocumentTermInput): Deadline => ({
  kind: 'notice',
  on,
  renewsOn,
  renewalYears: renewalYears(document),
});
