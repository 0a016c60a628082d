import { DomainError } from './domain-error.ts';
import { ErrorCode } from './error-code.ts';

export interface Violation {
  /** Path of the offending field, e.g. `items[2].name`. */
  field: string;
  /** The rule it broke, e.g. `isString`, `maxLength`, `unknownProperty`. */
  rule: string;
  message: string;
}

/** A request did not match its declared shape; carries every violation found, not just the first. */
export class RequestValidationError extends DomainError {
  constructor(readonly violations: Violation[]) {
    const first = violations[0];
    super(ErrorCode.ValidationFailed, first ? `${first.field}: ${first.message}` : 'The request is invalid');
  }
}
