import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** Retiring a KEK version that is current, or that data keys still depend on, would make data unreadable. */
export class KeyVersionInUseError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}
