import { BadRequestException, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';

/** A path id that must be a UUID: anything else is a 400 that names the parameter. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be an id (UUID)`) });

/** A path id that must be a whole number. */
export const intParam = (name: string) =>
  new ParseIntPipe({ exceptionFactory: () => new BadRequestException(`${name} must be a whole number`) });
