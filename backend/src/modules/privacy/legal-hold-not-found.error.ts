import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class LegalHoldNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `no active legal hold ${id}`);
  }
}
