import { BadRequestException, type PipeTransform, ParseUUIDPipe } from '@nestjs/common';
import { type IdColumn, LARGEST_ID } from './validation';

/** A path id that must be a UUID: anything else is a 400 that names the parameter. */
export const uuidParam = (name: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${name} must be an id (UUID)`) });

/**
 * A path id that must be a whole number from 1 to the largest its column holds: ParseIntPipe alone
 * let 2147483648 through to PostgreSQL, which refused it as out of range.
 */
export const intParam = (name: string, column: IdColumn = 'integer'): PipeTransform<string, number> => ({
  transform(value: string): number {
    const id = /^\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!(id >= 1 && id <= LARGEST_ID[column])) {
      throw new BadRequestException(`${name} must be a whole number from 1 to ${LARGEST_ID[column]}`);
    }
    return id;
  },
});
