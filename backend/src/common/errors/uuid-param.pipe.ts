import { ParseUUIDPipe } from '@nestjs/common';
import { RequestValidationError } from './request-validation.error.ts';

/** `@Param('id', uuidParam('id'))`: a malformed id is a validation error naming the parameter and the rule. */
export function uuidParam(name: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () =>
      new RequestValidationError([{ field: name, rule: 'isUuid', message: `${name} must be a UUID` }]),
  });
}
