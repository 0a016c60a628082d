import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** A cipher gave a wrong answer to a published test vector: Kefu must not start and encrypt with it. */
export class CryptoSelfTestError extends DomainError {
  constructor(readonly failed: string[]) {
    super(ErrorCode.InternalError, `cryptographic self-test failed: ${failed.join(', ')}`);
  }
}
