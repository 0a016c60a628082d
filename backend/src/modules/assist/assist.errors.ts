import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** Suggestions follow the live conversation: only its current agent (or a supervisor) asks for them. */
export class NotServingConversationError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Forbidden, `conversationId: you are not serving conversation ${id}`);
  }
}
