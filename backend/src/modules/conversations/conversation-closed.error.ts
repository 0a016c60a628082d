import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class ConversationClosedError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Conflict, `conversationId: conversation ${id} is closed; start a new one`);
  }
}
