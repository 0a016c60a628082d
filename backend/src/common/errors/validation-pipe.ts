import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { RequestValidationError, type Violation } from './request-validation.error.ts';

/**
 * Validates every DTO at the edge: unknown properties are refused (not silently dropped), and the error lists each
 * field with the rule it broke.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    ...validationRules,
    transform: true,
    exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
  });
}

const validationRules = { whitelist: true, forbidNonWhitelisted: true };

/** The same checks for payloads that do not arrive through an HTTP route (WebSocket events). */
export async function validatePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new RequestValidationError([{ field: 'payload', rule: 'isObject', message: 'payload must be an object' }]);
  }
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, validationRules);
  if (errors.length > 0) throw new RequestValidationError(flatten(errors));
  return instance;
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
