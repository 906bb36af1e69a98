import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { ClientApp } from './client-app';
import { databaseErrorAnswer } from './database-errors';

/**
 * Maps every error to `{ statusCode, error, message, fields?, requestId }`. Unexpected errors are
 * logged with the request id and answered with a 500 that reveals nothing internal. A GET for a
 * page of the web client (not /api) that matches no route gets the client, which routes itself.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  constructor(private readonly client?: ClientApp) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    // A database error the request caused (a value out of range...) is a 400; the database away, a 503.
    const database = exception instanceof HttpException ? null : databaseErrorAnswer(exception);
    const status: HttpStatus =
      exception instanceof HttpException
        ? exception.getStatus()
        : (database?.status ?? HttpStatus.INTERNAL_SERVER_ERROR);

    if (status === HttpStatus.NOT_FOUND && this.client?.serves(request)) {
      void this.client.sendIndex(reply);
      return;
    }
    const body: Record<string, unknown> = {
      statusCode: status,
      error: STATUS_CODES[status] ?? 'Error',
      message: 'Something went wrong on our side; it has been logged.',
    };
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (typeof response === 'string') body.message = response;
      else {
        const { message, fields, retryAfterSeconds, code, rules, rejected } = response as {
          message?: unknown;
          fields?: unknown;
          retryAfterSeconds?: number;
          code?: unknown;
          rules?: unknown;
          rejected?: unknown;
        };
        // A stable code (password_common...) lets clients translate the message.
        if (typeof code === 'string') body.code = code;
        if (retryAfterSeconds) void reply.header('retry-after', String(retryAfterSeconds));
        body.message = Array.isArray(message) ? message.join('; ') : (message ?? exception.message);
        if (fields) body.fields = fields;
        // The programme rules a registry write would break, each with its Polish and English message.
        if (Array.isArray(rules)) body.rules = rules;
        // The rows of an import that cannot be stored, each with its line and what is wrong.
        if (Array.isArray(rejected)) body.rejected = rejected;
      }
      if (
        status === HttpStatus.NOT_FOUND &&
        /^Cannot (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) /.test(String(body.message))
      ) {
        body.message = `There is nothing at ${request.method} ${request.url.split('?')[0]}`;
      }
    } else if (database) {
      body.message = database.message;
      if (database.fields) body.fields = database.fields;
      if (database.retryAfterSeconds) void reply.header('retry-after', String(database.retryAfterSeconds));
      this.logger.warn({
        msg: 'database refused the request',
        reqId: request.id,
        code: (exception as { code?: unknown }).code,
      });
    } else {
      this.logger.error({
        msg: 'unhandled error',
        reqId: request.id,
        err: exception instanceof Error ? { message: exception.message, stack: exception.stack } : exception,
      });
    }
    body.requestId = request.id;
    // JSON whatever the route would have answered (the iCalendar routes declare text/calendar).
    void reply.status(status).type('application/json; charset=utf-8').send(body);
  }
}
