import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** The data key was destroyed (crypto-shredding: erasure or retention); what it encrypted is gone for good. */
export class KeyDestroyedError extends DomainError {
  constructor(description: string) {
    super(ErrorCode.NotFound, `${description} was destroyed (erased or expired): the data it protected is unreadable`);
  }
}
