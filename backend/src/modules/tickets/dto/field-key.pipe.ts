import type { PipeTransform } from '@nestjs/common';
import { RequestValidationError } from '../../../common/errors/request-validation.error.ts';
import { FIELD_KEY_PATTERN } from '../ticket-field.ts';

/** `:key` of a custom field: a lower-case identifier, or a validation error naming the parameter and the rule. */
export class FieldKeyPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (FIELD_KEY_PATTERN.test(value)) return value;
    throw new RequestValidationError([
      {
        field: 'key',
        rule: 'matches',
        message: 'key must start with a lower-case letter, then up to 39 lower-case letters, digits or _',
      },
    ]);
  }
}
