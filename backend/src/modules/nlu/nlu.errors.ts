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

export class PackageNotFoundError extends DomainError {
  constructor(packageName: string) {
    super(ErrorCode.NotFound, `package: ${packageName} is not a model package in the models directory`);
  }
}

export class ProposalNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `activation proposal ${id} does not exist`);
  }
}

export class ProposalDecidedError extends DomainError {
  constructor(id: string, state: string) {
    super(ErrorCode.Conflict, `activation proposal ${id} is already ${state}; only a pending one can be decided`);
  }
}

/** Maker-checker (四眼原则) for models: whoever proposed an activation cannot be the one who approves it. */
export class SelfActivationError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.SelfApproval, `you proposed activation ${id}; another person with models.activate must approve it`);
  }
}
