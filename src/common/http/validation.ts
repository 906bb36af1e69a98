import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';
import { IsInt, Max, Min, NotEquals, ValidateIf } from 'class-validator';

function collect(errors: ValidationError[], fields: Record<string, string[]>, path = ''): void {
  for (const error of errors) {
    const name = path ? `${path}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {}).map((message) =>
      // class-validator's whitelist message, made readable: say which parameter is not known.
      message === `property ${error.property} should not exist` ? `${name} is not a known parameter or field` : message,
    );
    if (messages.length) fields[name] = messages;
    collect(error.children ?? [], fields, name);
  }
}

/**
 * The one validation pipe: whitelist on, unknown fields and parameters rejected, and every message
 * naming the field or parameter it is about.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields: Record<string, string[]> = {};
      collect(errors, fields);
      const message = Object.values(fields).flat().join('; ') || 'The request is not valid';
      return new BadRequestException({ statusCode: 400, error: 'Bad Request', message, fields });
    },
  });
}

/**
 * A field that may be left out. class-validator's IsOptional also lets null through, skipping
 * every other check, and null then reached PostgreSQL as a value for a NOT NULL column (a 500, then
 * the database's refusal; issue 18). Here null is refused with a message saying what to do, unless
 * the field says it may be cleared (`{ nullable: true }`).
 */
export function Optional(options: { nullable?: boolean } = {}): PropertyDecorator {
  const present = ValidateIf(
    (_object: object, value: unknown) => value !== undefined && !(options.nullable && value === null),
  );
  if (options.nullable) return present;
  const notNull = NotEquals(null, {
    message: ({ property }) => `${property} may not be null: leave it out to keep its value`,
  });
  return (target, key) => {
    present(target, key);
    notNull(target, key);
  };
}

/**
 * The largest id each kind of column holds: PostgreSQL's `integer`, and a `bigint` only as far as
 * JavaScript holds it exactly. The one table for body fields (IsRowId) and path ids (intParam).
 */
export const LARGEST_ID = { integer: 2 ** 31 - 1, bigint: Number.MAX_SAFE_INTEGER } as const;

/** A kind of id column, a key of LARGEST_ID. */
export type IdColumn = keyof typeof LARGEST_ID;

/**
 * A row's id (or a cursor that is one): a whole number from `min` to the largest its column holds.
 * IsInt alone takes 1e300 (an integer to JavaScript), which PostgreSQL then refused as a 500.
 */
export function IsRowId(message: string, column: IdColumn = 'integer', min = 1): PropertyDecorator {
  const checks = [IsInt({ message }), Min(min, { message }), Max(LARGEST_ID[column], { message })];
  return (target, key) => checks.forEach((check) => check(target, key));
}
