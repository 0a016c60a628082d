import type { ErrorCode } from './error-code.ts';

/** Base of every error a module raises on purpose; the HTTP layer maps its code to a status in one place. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
