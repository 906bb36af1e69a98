import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Nest's own log lines go through the same pino logger as the requests: one JSON line each. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace',
    message: unknown,
    context?: unknown,
    extra?: object,
  ): void {
    const fields = { context: typeof context === 'string' ? context : undefined, ...extra };
    if (message && typeof message === 'object') this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }

  log(message: unknown, context?: string): void {
    this.write('info', message, context);
  }
  error(message: unknown, stackOrContext?: string, context?: string): void {
    this.write('error', message, context ?? stackOrContext, context ? { stack: stackOrContext } : undefined);
  }
  warn(message: unknown, context?: string): void {
    // @nestjs/typeorm counts data source names per process, so two apps in one process (the tests'
    // instances) are "already registered"; each app has its own data source, nothing is overridden.
    if (context === 'DataSourceNameRegistry') return this.write('debug', message, context);
    this.write('warn', message, context);
  }
  debug(message: unknown, context?: string): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, context?: string): void {
    this.write('trace', message, context);
  }
}
