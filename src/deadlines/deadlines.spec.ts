import type { DocumentTermInput } from '../registry/document-terms';
import { deadlinesBetween } from './deadlines';

const base: DocumentTermInput = {
  signedOn: null,
  validFrom: null,
  validUntil: null,
  term: null,
  termYears: null,
  renewalYears: null,
  noticeMonths: null,
};
const rochester: DocumentTermInput = {
  ...base,
  signedOn: '1973-07-18',
  term: 'fixed_auto_renew',
  termYears: 5,
  renewalYears: 5,
  noticeMonths: 6,
};

describe('deadlines in a window', () => {
  it('gives Rochester its notice deadline and renewal in the 24 months from 2026-12-05', () => {
    expect(deadlinesBetween(rochester, '2026-12-05', '2028-12-05')).toEqual([
      { kind: 'notice', on: '2028-01-18', renewsOn: '2028-07-18', renewalYears: 5 },
      { kind: 'renewal', on: '2028-07-18', renewsOn: null, renewalYears: 5 },
    ]);
  });

  it('leaves out a notice deadline already passed, but not the renewal it would have stopped', () => {
    expect(deadlinesBetween(rochester, '2028-02-01', '2028-12-31')).toEqual([
      { kind: 'renewal', on: '2028-07-18', renewsOn: null, renewalYears: 5 },
    ]);
  });

  it('follows the cycles over a long window, and shows a notice whose renewal lies beyond it', () => {
    expect(deadlinesBetween(rochester, '2026-12-05', '2033-03-01').map((d) => `${d.kind} ${d.on}`)).toEqual([
      'notice 2028-01-18',
      'renewal 2028-07-18',
      'notice 2033-01-18',
    ]);
  });

  it('gives a fixed-term document its end once, and nothing when it ended before the window', () => {
    const vienna = { ...base, signedOn: '2005-07-01', term: 'fixed' as const, termYears: 4, validUntil: '2009-07-01' };
    expect(deadlinesBetween(vienna, '2008-01-01', '2010-01-01')).toEqual([
      { kind: 'expiry', on: '2009-07-01', renewsOn: null, renewalYears: null },
    ]);
    expect(deadlinesBetween(vienna, '2026-12-05', '2028-12-05')).toEqual([]);
  });
});
