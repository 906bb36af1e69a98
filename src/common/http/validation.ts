import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

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
