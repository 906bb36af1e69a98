import { BadRequestException } from '@nestjs/common';

/** Keyset cursors: the sort key of the last row of a page, as opaque base64url JSON. */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** The cursor's values if `valid` accepts them; otherwise a 400 that names the parameter. */
export function decodeCursor<T>(cursor: string, field: string, valid: (values: unknown[]) => T | null): T {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const decoded = Array.isArray(values) ? valid(values) : null;
    if (decoded) return decoded;
  } catch {
    // falls through to the 400
  }
  const message = `${field} must be the cursor of a previous page`;
  throw new BadRequestException({ message, fields: { [field]: [message] } });
}
