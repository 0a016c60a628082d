import { type ArgumentMetadata, type ValidationError, ValidationPipe } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldPath, inputShapeViolation } from './input-shape.ts';
import { RequestValidationError, type Violation } from './request-validation.error.ts';

const validationRules = { whitelist: true, forbidNonWhitelisted: true };

/**
 * Validates every DTO at the edge: unknown properties are refused (not silently dropped), and the error lists each
 * field with the rule it broke. Bodies, queries and path parameters are first checked for what no DTO rule sees
 * (inputShapeViolation), whether a DTO describes them or they are plain strings.
 */
class EdgeValidationPipe extends ValidationPipe {
  constructor() {
    super({
      ...validationRules,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationError(flatten(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Untyped arguments are left alone: a WebSocket handler's payload, checked by validatePayload (where a violation
    // becomes the event's acknowledgement, not an exception event), and raw file bodies.
    if (metadata.type !== 'custom' && metadata.metatype !== Object) {
      // A DTO describes an object: not a JSON array, nor the string Fastify makes of a text/plain body.
      if (metadata.type === 'body' && isDto(metadata.metatype) && (Array.isArray(value) || typeof value === 'string')) {
        throw new RequestValidationError([{ field: 'body', rule: 'isObject', message: 'body must be a JSON object' }]);
      }
      const violation = inputShapeViolation(
        value,
        metadata.type === 'param' ? (metadata.data ?? 'param') : metadata.type,
      );
      if (violation) throw new RequestValidationError([violation]);
    }
    return super.transform(value, metadata);
  }
}

const BUILT_IN_TYPES: ReadonlySet<unknown> = new Set([Object, Array, String, Number, Boolean, Buffer]);

function isDto(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && !BUILT_IN_TYPES.has(metatype);
}

export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe();
}

/** The same checks for payloads that do not arrive through an HTTP route (WebSocket events). */
export async function validatePayload<T extends object>(type: new () => T, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new RequestValidationError([{ field: 'payload', rule: 'isObject', message: 'payload must be an object' }]);
  }
  const violation = inputShapeViolation(payload, 'payload');
  if (violation) throw new RequestValidationError([violation]);
  const instance = plainToInstance(type, payload);
  const errors = await validate(instance, validationRules);
  if (errors.length > 0) throw new RequestValidationError(flatten(errors));
  return instance;
}

function flatten(errors: ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = fieldPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      rule: rule === 'whitelistValidation' ? 'unknownProperty' : rule,
      message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
