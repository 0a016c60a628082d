import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class ModelNotFoundError extends DomainError {
  constructor(name: string) {
    super(ErrorCode.NotFound, `model ${name} is not loaded`);
  }
}

/** A model package failed verification (a changed byte, a missing file) or could not be loaded. */
export class ModelRejectedError extends DomainError {
  constructor(reason: string) {
    super(ErrorCode.Conflict, `model refused: ${reason}`);
  }
}

export class NothingToRollBackError extends DomainError {
  constructor(name: string) {
    super(ErrorCode.Conflict, `model ${name} has no previous version to return to`);
  }
}
