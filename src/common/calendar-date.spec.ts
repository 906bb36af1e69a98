import { addMonths, addYears, isCalendarDate, today } from './calendar-date';

describe('calendar arithmetic', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2028-08-31', -6)).toBe('2028-02-29');
    expect(addMonths('2027-08-31', -6)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addMonths('2020-12-15', 1)).toBe('2021-01-15');
  });

  it('recognises real calendar dates only', () => {
    expect(isCalendarDate('2026-11-21')).toBe(true);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-11')).toBe(false);
  });

  it('tells today in the city time zone', () => {
    // 23:30 UTC on 21 November is already 22 November in Warsaw.
    expect(today('Europe/Warsaw', new Date('2026-11-21T23:30:00Z'))).toBe('2026-11-22');
  });
});
