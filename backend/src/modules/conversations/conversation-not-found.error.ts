import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** Also what a visitor gets for someone else's conversation: its existence is not revealed. */
export class ConversationNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `conversationId: conversation ${id} does not exist or is not yours`);
  }
}
