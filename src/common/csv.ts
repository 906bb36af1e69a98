import { stringify } from 'csv-stringify';
import { Readable, Transform, pipeline } from 'node:stream';

/** A cell of a downloadable row: the same value goes to the CSV (arrays joined by "; ") and the JSON. */
export type CsvCell = string | number | boolean | null | string[];

/**
 * A list is one cell, its items separated by "; ". A text starting with = + - @ (or a tab or carriage
 * return) gets a leading apostrophe, so a spreadsheet shows it as text rather than running it as a
 * formula; numbers are left alone (a longitude of -5.98 stays a number).
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = Array.isArray(value) ? value.join('; ') : value;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Rows (objects, in object mode) as CSV: UTF-8, a header row of `columns`, CRLF line ends, each cell by
 * `csvCell`. The one CSV writer of the downloads (open data, statistics).
 */
export function csvStream(columns: readonly string[], rows: Readable): Readable {
  const cells = new Transform({
    objectMode: true,
    transform(row: Record<string, CsvCell>, _encoding, done) {
      done(null, Object.fromEntries(columns.map((column) => [column, csvCell(row[column] ?? null)])));
    },
  });
  const csv = stringify({ header: true, columns: [...columns], record_delimiter: 'windows' });
  // A failed read ends the download (the client sees it cut short) rather than a truncated file looking whole.
  return pipeline(rows, cells, csv, () => undefined);
}
