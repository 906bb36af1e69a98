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
};
