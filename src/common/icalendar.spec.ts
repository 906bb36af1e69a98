import { calendar } from './icalendar';

describe('iCalendar', () => {
  const ics = calendar(
    'Forum 2027',
    [
      {
        uid: 'a@forum',
        start: new Date('2027-05-20T08:00:00Z'),
        end: new Date('2027-05-20T09:30:00Z'),
        summary: 'Warsztaty: współpraca, szkoły; młodzież',
        location: 'Sala A',
        description: 'Line one\nline two',
      },
    ],
    new Date('2027-01-01T00:00:00Z'),
  );

  it('writes events with UTC times and escaped text, CRLF-terminated', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics).toContain('DTSTART:20270520T080000Z\r\n');
    expect(ics).toContain('DTEND:20270520T093000Z\r\n');
    expect(ics).toContain('SUMMARY:Warsztaty: współpraca\\, szkoły\\; młodzież\r\n');
    expect(ics).toContain('DESCRIPTION:Line one\\nline two\r\n');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('writes a date as an all-day event ending the next day (DTEND is exclusive)', () => {
    const deadline = calendar('x', [{ uid: 'c', date: '2027-12-31', summary: 'Rochester' }]);
    expect(deadline).toContain('DTSTART;VALUE=DATE:20271231\r\n');
    expect(deadline).toContain('DTEND;VALUE=DATE:20280101\r\n');
  });

  it('folds long lines at 75 octets without splitting characters', () => {
    const long = calendar('x', [{ uid: 'b', start: new Date(0), end: new Date(0), summary: 'ż'.repeat(100) }]);
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(long).toContain('\r\n ż');
  });
});
