import { addDays } from './calendar-date';

/**
 * A minimal iCalendar (RFC 5545) writer: VEVENTs with UTC times, escaped text and lines folded at
 * 75 octets. (ical-generator, the usual library, needs Node 22.)
 */
/** An event at times (a forum session), or on a calendar date all day long (a deadline). */
export type CalendarEvent = {
  uid: string;
  summary: string;
  description?: string;
  location?: string;
} & ({ start: Date; end: Date } | { date: string });

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** 'YYYY-MM-DD' as iCalendar's DATE: no time zone, the same day everywhere. */
const day = (date: string) => date.replace(/-/g, '');

function escape(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds a content line into 75-octet pieces, never splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const char of line) {
    const bytes = Buffer.byteLength(char);
    if (size + bytes > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += char;
    size += bytes;
  }
  out.push(current);
  return out.join('\r\n ');
}

export function calendar(name: string, events: CalendarEvent[], now = new Date()): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Cooperation Forum//Krakow//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escape(name)}`,
  ];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${event.uid}`,
      `DTSTAMP:${stamp(now)}`,
      ...('date' in event
        ? [`DTSTART;VALUE=DATE:${day(event.date)}`, `DTEND;VALUE=DATE:${day(addDays(event.date, 1))}`]
        : [`DTSTART:${stamp(event.start)}`, `DTEND:${stamp(event.end)}`]),
      `SUMMARY:${escape(event.summary)}`,
    );
    if (event.location) lines.push(`LOCATION:${escape(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escape(event.description)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}
