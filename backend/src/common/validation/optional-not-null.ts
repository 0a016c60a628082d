import { ValidateIf } from 'class-validator';

/**
 * The property may be left out, but when it is there its rules apply, also to `null`: IsOptional lets null through
 * as if it were absent, and a null reached services that took it for a value (a 500, or a setting silently reset).
 * Properties where null means something ("always open", "unassigned") keep IsOptional and declare `| null`.
 */
export function OptionalNotNull(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}
