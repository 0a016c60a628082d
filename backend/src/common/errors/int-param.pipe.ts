import type { PipeTransform } from '@nestjs/common';
import { MAX_INTEGER_COLUMN } from '../validation/column-limits.ts';
import { RequestValidationError } from './request-validation.error.ts';

/**
 * `@Param('number', intParam('number'))`: a whole number from 1 that fits an integer column; anything else (`abc`,
 * ` `, `2147483648`) is a validation error naming the parameter and the rule.
 */
export function intParam(name: string): PipeTransform<string, number> {
  return {
    transform(value: string): number {
      const number = /^[1-9]\d{0,9}$/.test(value) ? Number(value) : Number.NaN;
      if (!(number <= MAX_INTEGER_COLUMN)) {
        throw new RequestValidationError([
          { field: name, rule: 'isInt', message: `${name} must be a whole number from 1 to ${MAX_INTEGER_COLUMN}` },
        ]);
      }
      return number;
    },
  };
}
