import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** Not a Kefu envelope, or its tag does not verify (altered bytes, wrong context, unknown key). */
export class CiphertextRejectedError extends DomainError {
  constructor(reason: string) {
    super(ErrorCode.InternalError, `ciphertext rejected: ${reason}`);
  }
}
