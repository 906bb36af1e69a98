import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe token of 256 bits: for e-mail links, refresh tokens, invitations. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256: a database leak gives nobody a usable token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
