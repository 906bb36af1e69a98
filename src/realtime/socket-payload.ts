import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';

export type Ack<T> = ({ ok: true } & T) | { ok: false; error: { status: number; message: string; fields?: Record<string, string[]> } };

/**
 * Socket payloads go through the same class-validator DTOs as REST bodies, with the same
 * whitelist: unknown fields are refused.
 */
export function parsePayload<T extends object>(dto: ClassConstructor<T>, payload: unknown): { value: T } | { error: Ack<never> & { ok: false } } {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { error: { ok: false, error: { status: 400, message: 'the payload must be an object' } } };
  }
  const value = plainToInstance(dto, payload);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { value };
  const fields = Object.fromEntries(
    errors.map((e) => [e.property, Object.values(e.constraints ?? {}).map((m) => (m === `property ${e.property} should not exist` ? `${e.property} is not a known field` : m))]),
  );
  return { error: { ok: false, error: { status: 400, message: Object.values(fields).flat().join('; '), fields } } };
}
