import { DomainError } from '../../../common/errors/domain-error.ts';
import { ErrorCode } from '../../../common/errors/error-code.ts';

export class FlowNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `flow ${id} does not exist`);
  }
}

/** One recognised question starts one flow: two enabled flows on one trigger would make the bot's choice arbitrary. */
export class FlowTriggerTakenError extends DomainError {
  constructor(trigger: string, otherFlow: string) {
    super(ErrorCode.Conflict, `triggers: ${trigger} already starts the enabled flow ${otherFlow}`);
  }
}

/** Two trainers created the same flow at once; the second is told instead of silently overwriting the first. */
export class FlowChangedConcurrentlyError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Conflict, `flow ${id} was created by someone else meanwhile; reload it and try again`);
  }
}
