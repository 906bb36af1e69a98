import { addMonths, addYears } from '../common/calendar-date';
import type { DocumentTerm } from './registry.constants';

/**
 * The derived facts of a cooperation document: whether it is in force on a date, when it next
 * expires and by when notice must be given to stop it renewing. The one place these rules live.
 *
 * Dates are calendar dates 'YYYY-MM-DD' (no time zone). `validUntil` is the last day in force.
 * A term counted in years ends on the anniversary, as the sources count it: the Vienna joint
 * statement of 2005-07-01 "for four years" is valid until 2009-07-01; Rochester's agreement of
 * 1973-07-18 for five years expires on 1978-07-18 and, renewed automatically, every five years after.
 */
export interface DocumentTermInput {
  signedOn: string | null;
  validFrom: string | null;
  validUntil: string | null;
  term: DocumentTerm | null;
  termYears: number | null;
  renewalYears: number | null;
  noticeMonths: number | null;
}

export interface DocumentTermFacts {
  /** In force on the given date. */
  inForce: boolean;
  /** Last day in force when the document has a fixed end (stated, or signed date plus term). */
  validUntil: string | null;
  /** The next date on which the document expires or renews; null when none is ahead. */
  nextExpiryOn: string | null;
  /** The last day to give notice so that it does not renew; null when not applicable. */
  noticeDeadlineOn: string | null;
}

export function documentTermFacts(document: DocumentTermInput, on: string): DocumentTermFacts {
  const start = document.validFrom ?? document.signedOn;
  const started = start === null || start <= on;

  if (document.term === 'fixed_auto_renew') {
    if (!start || !document.termYears) {
      // Renews automatically but the source gives no term: in force, expiry unknown.
      return { inForce: started, validUntil: null, nextExpiryOn: null, noticeDeadlineOn: null };
    }
    const renewal = document.renewalYears ?? document.termYears;
    let expiry = addYears(start, document.termYears);
    for (let n = 1; expiry < on; n++) expiry = addYears(start, document.termYears + n * renewal);
    const notice = document.noticeMonths ? addMonths(expiry, -document.noticeMonths) : null;
    return {
      inForce: started,
      validUntil: null,
      nextExpiryOn: started ? expiry : addYears(start, document.termYears),
      noticeDeadlineOn: notice,
    };
  }

  let validUntil = document.validUntil;
  if (!validUntil && document.term === 'fixed' && start && document.termYears) {
    validUntil = addYears(start, document.termYears);
  }
  if (validUntil) {
    const inForce = started && on <= validUntil;
    return { inForce, validUntil, nextExpiryOn: on <= validUntil ? validUntil : null, noticeDeadlineOn: null };
  }
  // Open-ended, or no term stated: a signed document stays in force until it is terminated.
  return { inForce: started, validUntil: null, nextExpiryOn: null, noticeDeadlineOn: null };
}

/** Whole calendar months from one date to a later one (2005-07-01 to 2009-07-01: 48). */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * What is impossible in a document's term, by field (empty when nothing is): an end before the
 * start, a fixed term without its length, a renewal of a term that does not renew, a notice
 * period longer than the term. Checked before every staff write.
 */
export function documentTermProblems(document: DocumentTermInput): Record<string, string> {
  const problems: Record<string, string> = {};
  const start = document.validFrom ?? document.signedOn;
  const { term } = document;
  if (document.validUntil && start && document.validUntil < start)
    problems.validUntil = `validUntil (${document.validUntil}) is before the document starts (${start})`;
  if (term === 'open_ended') {
    if (document.validUntil) problems.validUntil = 'an open-ended document has no end date (validUntil)';
    if (document.termYears) problems.termYears = 'an open-ended document has no termYears';
  }
  if (term === 'fixed' && !document.validUntil && !document.termYears)
    problems.validUntil = 'a fixed term needs its end date (validUntil) or its length (termYears)';
  if (term === 'fixed_auto_renew') {
    if (!document.termYears) problems.termYears = 'a term that renews automatically needs its length (termYears)';
    if (!start) problems.signedOn = 'a term that renews automatically needs the date it starts (signedOn or validFrom)';
    if (document.validUntil)
      problems.validUntil = 'a term that renews automatically has no fixed end date (validUntil)';
  }
  if (document.renewalYears && term !== 'fixed_auto_renew')
    problems.renewalYears = 'only a term that renews automatically (term fixed_auto_renew) has renewalYears';
  if (document.noticeMonths) {
    let termMonths: number | null = null;
    if (term === 'fixed_auto_renew' && document.termYears)
      termMonths = Math.min(document.termYears, document.renewalYears ?? document.termYears) * 12;
    else if (document.validUntil && start && start <= document.validUntil)
      termMonths = monthsBetween(start, document.validUntil);
    else if (document.termYears) termMonths = document.termYears * 12;
    if (termMonths !== null && document.noticeMonths > termMonths)
      problems.noticeMonths = `a notice period of ${document.noticeMonths} months is longer than the term (${termMonths} months)`;
  }
  return problems;
}
