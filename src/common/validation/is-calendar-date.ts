import { ValidatorConstraint, type ValidationArguments, type ValidatorConstraintInterface } from 'class-validator';
import { isCalendarDate } from '../calendar-date';

@ValidatorConstraint({ name: 'isCalendarDate' })
export class IsCalendarDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && isCalendarDate(value);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be a date written YYYY-MM-DD, for example 2026-11-21`;
  }
}
