/** English texts of the city office's pages (the same shape as pl.ts). */
import type { OfficeMessages } from './pl';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const officeEn: OfficeMessages = {
  audit: {
    title: 'Audit log',
    adminOnly: 'This page is for administrators only.',
    intro:
      "Every decision of the City's staff: who, what, when and why. Newest first. The filters narrow the list and the CSV file.",
    filters: 'Audit log filters',
    person: 'Person (e-mail address)',
    action: 'Action',
    anyAction: 'All actions',
    targetType: 'Kind of object',
    targetId: 'Object id',
    from: 'From',
    to: 'To (inclusive)',
    apply: 'Show',
    clear: 'Clear the filters',
    download: 'Download CSV',
    downloaded: (file) => `Saved ${file}.`,
    empty: 'No entry matches these filters.',
    shown: (n) => `${plural(n, 'entry', 'entries')} shown.`,
    more: 'Show older entries',
    when: 'When',
    who: 'Who',
    what: 'Action',
    object: 'Object',
    reason: 'Reason',
    system: 'system',
    deletedAccount: 'deleted account',
    tableCaption: 'Audit log entries, newest first',
  },
  deadlines: {
    title: 'Agreement deadlines',
    intro:
      "Notice deadlines, automatic renewals and ends of every partner city's documents, soonest first, with what must be decided.",
    window: 'Period',
    months: (n) => `the next ${plural(n, 'month', 'months')}`,
    count: (n, from, until) => `${plural(n, 'deadline', 'deadlines')} from ${from} to ${until}.`,
    empty: 'There are no deadlines in this period.',
    kind: { notice: 'last day to give notice', renewal: 'automatic renewal', expiry: 'end' },
    city: 'City',
    document: 'Document',
    decision: 'To decide',
    decideNotice: (renewsOn, years) =>
      `Give notice? Without notice by this day it renews on ${renewsOn}${years ? ` for another ${plural(years, 'year', 'years')}` : ''}.`,
    decideRenewal: (years) =>
      `The agreement renews automatically${years ? ` for ${plural(years, 'year', 'years')}` : ''} unless notice was given in time.`,
    decideExpiry: 'Continue the cooperation with a new document? The document ends on this day.',
  },
  feed: {
    title: 'Deadlines in your calendar',
    intro:
      'Subscribe to the deadlines in your calendar app (iCalendar). The feed address holds a secret that opens this calendar only; if it leaks, revoke it and create a new one.',
    create: 'Create a calendar feed address',
    created: 'Your calendar feed was created. Copy its address now: it will not be shown again.',
    address: 'Calendar feed address',
    addressHint: 'Shown only now. Add it to your calendar as a subscription from a URL.',
    active: (since) => `You have had a calendar feed since ${since}. Its address was shown only when it was created.`,
    revoke: 'Revoke the calendar feed',
    revoked: 'The calendar feed was revoked: its address no longer works.',
  },
};
