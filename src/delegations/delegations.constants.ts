/** A visit received in Kraków (incoming) or made by Kraków's people abroad (outgoing). */
export const DELEGATION_DIRECTIONS = ['incoming', 'outgoing'] as const;
export type DelegationDirection = (typeof DELEGATION_DIRECTIONS)[number];

/** The columns of the CSV import, in the order of the template; the first ones must be there. */
export const DELEGATION_CSV_REQUIRED = [
  'direction',
  'starts_on',
  'ends_on',
  'city',
  'place',
  'purpose',
  'people',
] as const;
export const DELEGATION_CSV_OPTIONAL = [
  'language',
  'areas',
  'organizations',
  'host',
  'outcomes',
  'initiatives',
  'partnerships',
  'public',
] as const;
export const DELEGATION_CSV_COLUMNS = [...DELEGATION_CSV_REQUIRED, ...DELEGATION_CSV_OPTIONAL] as const;

/** At most this many rows in one import: a year's visits (the programme counted 282 in 2005) fit many times over. */
export const DELEGATION_IMPORT_MAX_ROWS = 2000;
