import { HttpException } from '@nestjs/common';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { databaseErrorAnswer } from '../common/http/database-errors';
import type { Ack, AckError, ClientEvent, PayloadOf } from './protocol';

export type { Ack } from './protocol';

/** The name of a client event: a name the protocol (protocol.ts) does not have fails the type-check. */
export const clientEvent = <E extends ClientEvent>(event: E): E => event;

/**
 * Socket payloads go through the same class-validator DTOs as REST bodies, with the same
 * whitelist: unknown fields are refused. The DTO must describe the event's payload of the
 * protocol both ways (its fields are the payload's, with the same types), or this fails to compile.
 */
export function parsePayload<E extends ClientEvent, T extends PayloadOf<E>>(
  _event: E,
  dto: ClassConstructor<T> & (PayloadOf<E> extends T ? unknown : 'the DTO does not accept the payload of this event'),
  payload: unknown,
): { value: T } | { error: Ack<never> & { ok: false } } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { error: { ok: false, error: { status: 400, message: 'the payload must be an object' } } };
  }
  const value = plainToInstance(dto, payload);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { value };
  const fields = Object.fromEntries(
    errors.map((e) => [
      e.property,
      Object.values(e.constraints ?? {}).map((m) =>
        m === `property ${e.property} should not exist` ? `${e.property} is not a known field` : m,
      ),
    ]),
  );
  return { error: { ok: false, error: { status: 400, message: Object.values(fields).flat().join('; '), fields } } };
}

/**
 * Runs a handler; an HttpException becomes an error acknowledgement with the status a REST client
 * would get, and so does a database error (a value out of range: 400; the database away: 503, retry).
 */
export async function acknowledged<T>(
  work: () => Promise<T>,
  onUnexpected: (error: unknown) => void,
): Promise<T | { ok: false; error: AckError }> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HttpException) {
      const response = error.getResponse();
      const message =
        typeof response === 'string'
          ? response
          : String((response as { message?: string | string[] }).message ?? error.message);
      return { ok: false, error: { status: error.getStatus(), message } };
    }
    const database = databaseErrorAnswer(error);
    if (database) {
      const { status, message, fields } = database;
      return { ok: false, error: fields ? { status, message, fields } : { status, message } };
    }
    onUnexpected(error);
    return { ok: false, error: { status: 500, message: 'Something went wrong on our side; it has been logged.' } };
  }
}
