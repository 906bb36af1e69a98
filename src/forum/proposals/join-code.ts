import { randomInt } from 'node:crypto';

/**
 * A session's join code: six characters a person reads off a projector and types on a phone,
 * from an alphabet without the look-alikes 0/O and 1/I/L. 31^6 (about 900 million) codes, unique
 * among an edition's sessions (a unique index; a clash is drawn again).
 */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** A code as typed: in any case, with spaces or dashes. Undefined when it cannot be a code. */
export function normalizeJoinCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  const valid = new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
  return valid.test(code) ? code : undefined;
}
