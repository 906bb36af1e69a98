import { BadRequestException } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import {
  DELEGATION_CSV_COLUMNS,
  DELEGATION_CSV_OPTIONAL,
  DELEGATION_CSV_REQUIRED,
  DELEGATION_IMPORT_MAX_ROWS,
} from './delegations.constants';

/** One data row of the file: its line (the header is line 1) and the visit's fields as the API takes them. */
export interface CsvVisit {
  line: number;
  fields: Record<string, unknown>;
  /** A row that cannot even be read into fields (a wrong number of cells). */
  problem?: string;
}

/** The API's field for each column, so that a validation message can name the column instead. */
export const FIELD_COLUMN: Record<string, string> = {
  direction: 'direction',
  startsOn: 'starts_on',
  endsOn: 'ends_on',
  city: 'city',
  place: 'place',
  purpose: 'purpose',
  peopleCount: 'people',
  language: 'language',
  areas: 'areas',
  organizationIds: 'organizations',
  host: 'host',
  outcomes: 'outcomes',
  initiativeIds: 'initiatives',
  partnershipIds: 'partnerships',
  isPublic: 'public',
};

const TRUE = ['yes', 'true', '1', 'tak'];
const FALSE = ['no', 'false', '0', 'nie', ''];

const list = (cell: string) =>
  cell
    .split(';')
    .map((item) => item.trim())
    .filter(Boolean);

function wrongColumns(detail: string): BadRequestException {
  const message = `The CSV's first row must name its columns: ${DELEGATION_CSV_REQUIRED.join(', ')} (required) and ${DELEGATION_CSV_OPTIONAL.join(', ')} (optional). ${detail}`;
  return new BadRequestException({ message, code: 'csv_columns', fields: { csv: [message] } });
}

/**
 * Reads the register's CSV (csv-parse): the header must name every required column and nothing
 * unknown (else a 400 naming the columns expected); each row becomes the fields of a new visit, to
 * be validated like one entered on the form. Empty cells leave a field out; lists are split on ";".
 */
export function readDelegationCsv(text: string): CsvVisit[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // With `info`, each record comes with where it was read (the typings do not follow that option).
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const message = `The file cannot be read as CSV: ${(error as Error).message}`;
    throw new BadRequestException({ message, fields: { csv: [message] } });
  }
  if (!records.length) throw wrongColumns('The file is empty.');
  const header = records[0].record.map((name) => name.toLowerCase());
  const known: readonly string[] = DELEGATION_CSV_COLUMNS;
  const missing = DELEGATION_CSV_REQUIRED.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !known.includes(column));
  const repeated = header.filter((column, index) => header.indexOf(column) !== index);
  if (missing.length || unknown.length || repeated.length)
    throw wrongColumns(
      [
        missing.length && `Missing: ${missing.join(', ')}.`,
        unknown.length && `Not known: ${unknown.map((name) => name || '(empty)').join(', ')}.`,
        repeated.length && `Named twice: ${[...new Set(repeated)].join(', ')}.`,
      ]
        .filter(Boolean)
        .join(' '),
    );
  const rows = records.slice(1);
  if (!rows.length) throw wrongColumns('There are no visits below the header.');
  if (rows.length > DELEGATION_IMPORT_MAX_ROWS) {
    const message = `The file has ${rows.length} visits; import at most ${DELEGATION_IMPORT_MAX_ROWS} at a time.`;
    throw new BadRequestException({ message, fields: { csv: [message] } });
  }
  return rows.map(({ record, info }) => {
    if (record.length !== header.length)
      return {
        line: info.lines,
        fields: {},
        problem: `it has ${record.length} cells, the header ${header.length}`,
      };
    const cell = (column: string) => {
      const index = header.indexOf(column);
      return index < 0 ? '' : record[index];
    };
    const fields: Record<string, unknown> = {
      direction: cell('direction').toLowerCase(),
      startsOn: cell('starts_on'),
      endsOn: cell('ends_on'),
      city: cell('city').toLowerCase() || null,
      place: cell('place') || null,
      purpose: cell('purpose'),
      peopleCount: /^\d{1,9}$/.test(cell('people')) ? Number(cell('people')) : cell('people'),
      areas: list(cell('areas')),
      organizationIds: list(cell('organizations')),
      host: cell('host') || null,
      outcomes: cell('outcomes') || null,
      initiativeIds: list(cell('initiatives')),
      partnershipIds: list(cell('partnerships')),
    };
    if (cell('language')) fields.language = cell('language').toLowerCase();
    const shown = cell('public').toLowerCase();
    fields.isPublic = TRUE.includes(shown) ? true : FALSE.includes(shown) ? false : shown;
    return { line: info.lines, fields };
  });
}
