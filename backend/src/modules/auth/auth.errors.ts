import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** No token, or one that failed validation (signature, issuer, audience, expiry, type). */
export class AuthenticationError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Unauthenticated, message);
  }
}

/** A valid token whose holder may not do this, or whose roles break separation of duties. */
export class AccessDeniedError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Forbidden, message);
  }
}
