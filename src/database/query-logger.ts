import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Violations the app expects and turns into a 409 or a 4xx (unique indexes, exclusion constraints,
 * foreign keys): the database decides such races, so a failed statement of this kind is the rule
 * working, not an error. Anything else is logged as an error.
 */
const EXPECTED_VIOLATIONS: ReadonlySet<string> = new Set(['23505', '23P01', '23503']);

/**
 * TypeORM's log through the app's logger: failed statements at `error` (an expected constraint
 * violation at `debug`), with the statement and the database's message but never the parameters,
 * which may hold personal data (addresses, password hashes). An expected violation that the code
 * does not handle still shows: it reaches the error filter, which logs the 500.
 */
export class QueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ msg: 'slow statement', durationMs: time, query: shorten(query) });
  }

  logQueryError(error: string | Error, query = ''): void {
    const { code, constraint, message } = (typeof error === 'string' ? { message: error } : error) as {
      code?: string;
      constraint?: string;
      message: string;
    };
    const entry = { msg: 'statement failed', code, constraint, err: message, query: shorten(query) };
    if (code && EXPECTED_VIOLATIONS.has(code)) this.logger.debug(entry);
    else this.logger.error(entry);
  }

  logSchemaBuild(): void {}

  /** main.ts says which migrations it applied; a failed one fails the start with its error. */
  logMigration(): void {}

  /**
   * TypeORM's notes (which files it loaded; "pool raised an error" for a connection that went away,
   * after which the statements that fail say more): not logged.
   */
  log(): void {}
}

function shorten(query: string): string {
  const line = query.replace(/\s+/g, ' ').trim();
  return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}
