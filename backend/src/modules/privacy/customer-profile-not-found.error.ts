import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class CustomerProfileNotFoundError extends DomainError {
  constructor(id: string, erased = false) {
    super(ErrorCode.NotFound, erased ? `customer profile ${id} was erased` : `customer profile ${id} does not exist`);
  }
}

/** Nothing to reveal: the customer never gave this one (a reveal of it would be audited for nothing). */
export class ProfileFieldNotRecordedError extends DomainError {
  constructor(id: string, field: string) {
    super(ErrorCode.NotFound, `customer profile ${id} has no ${field} recorded`);
  }
}
