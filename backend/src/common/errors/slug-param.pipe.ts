import type { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error.ts';

/** The ids people choose for things they define as data (flows, inspection rules): the tables check the same rule. */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** `@Param('id', slugParam('id'))`: a malformed id is a validation error naming the parameter and the rule. */
export function slugParam(name: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!SLUG.test(value))
        throw new RequestValidationError([
          {
            field: name,
            rule: 'matches',
            message: `${name} must be a lower-case slug of letters, digits and dashes (at most 63)`,
          },
        ]);
      return value;
    },
  };
}
