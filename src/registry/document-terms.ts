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
