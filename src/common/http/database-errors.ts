import { HttpStatus } from '@nestjs/common';

/** How an error of PostgreSQL (or of reaching it) is answered, when validation could not have caught it. */
export interface DatabaseErrorAnswer {
  status: HttpStatus.BAD_REQUEST | HttpStatus.SERVICE_UNAVAILABLE;
  message: string;
  fields?: Record<string, string[]>;
  retryAfterSeconds?: number;
}

interface PgErrorFields {
  code?: unknown;
  column?: unknown;
  message?: unknown;
}

/**
 * SQLSTATEs that only a value of the request can cause: class 22 (data exception: a number out of
 * range, text PostgreSQL cannot store or parse), a NOT NULL column given null, an expression too
 * deep for the server's stack. The request was wrong, not the server: 400.
 */
const REQUEST_VALUE_CODES = /^(22...|23502|54001)$/;

/** The server is away or going (admin shutdown, crash shutdown, cannot connect now) or the link broke. */
const UNAVAILABLE_CODES = /^(08...|57P01|57P02|57P03)$/;
const UNAVAILABLE_NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
/** node-postgres's own messages when a connection ends or the pool cannot give one. */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|the database system is (starting up|shutting down)/i;

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * The answer to a database error the request caused (400) or that the database's absence caused
 * (503, retry), or null for anything else (a bug: 500). TypeORM's QueryFailedError carries the
 * fields of node-postgres's error, so both are read the same way.
 */
export function databaseErrorAnswer(error: unknown): DatabaseErrorAnswer | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, column, message } = error as PgErrorFields;
  if (typeof code === 'string' && REQUEST_VALUE_CODES.test(code)) {
    if (code === '23502' && typeof column === 'string') {
      const field = camel(column);
      const text = `${field} must be given (it may not be null)`;
      return { status: HttpStatus.BAD_REQUEST, message: text, fields: { [field]: [text] } };
    }
    return {
      status: HttpStatus.BAD_REQUEST,
      message:
        code === '54001'
          ? 'The request is too complex to answer'
          : 'A value in the request is out of range or not valid for its field',
    };
  }
  if (
    (typeof code === 'string' && (UNAVAILABLE_CODES.test(code) || UNAVAILABLE_NETWORK.has(code))) ||
    (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message))
  ) {
    return {
      status: HttpStatus.SERVICE_UNAVAILABLE,
      message: 'The service is briefly unavailable (its database does not answer). Try again in a few seconds.',
      retryAfterSeconds: 5,
    };
  }
  return null;
}
