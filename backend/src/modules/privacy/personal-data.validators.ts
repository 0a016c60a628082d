import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isMainlandMobile, isResidentIdNumber } from '../../common/personal-data/index.ts';

/** A mainland mobile number (13x-19x, 11 digits; +86 and separators allowed). */
export function IsMainlandMobile(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMainlandMobile',
      validator: {
        validate: (value) => typeof value === 'string' && isMainlandMobile(value),
        defaultMessage: () => 'must be a mainland mobile number',
      },
    },
    options,
  );
}

/** An 18-character resident ID number with a valid birth date and check character. */
export function IsResidentIdNumber(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isResidentIdNumber',
      validator: {
        validate: (value) => typeof value === 'string' && isResidentIdNumber(value),
        defaultMessage: () => 'must be a valid resident ID number',
      },
    },
    options,
  );
}
