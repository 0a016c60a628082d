import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { RequestValidationError, type Violation } from './request-validation.error.ts';

/**
 * Validates every DTO at the edge: unknown properties are refused (not silently dropped), and the error lists each
 * field with the rule it broke.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}

function flatten(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = parent ? joinPath(parent, error.property) : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownProperty' : rule,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function joinPath(parent: string, property: string): string {
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
}
