import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class CustomerProfileNotFoundError extends DomainError {
  constructor(id: string, erased = false) {
    super(ErrorCode.NotFound, erased ? `customer profile ${id} was erased` : `customer profile ${id} does not exist`);
  }
}
