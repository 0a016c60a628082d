import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** PIPL Art. 47 erasure yields to a legal obligation to keep the data (a litigation or regulator's hold). */
export class LegalHoldActiveError extends DomainError {
  constructor(holdId: string) {
    super(ErrorCode.Conflict, `the data is under legal hold ${holdId}: release the hold before erasing`);
  }
}
