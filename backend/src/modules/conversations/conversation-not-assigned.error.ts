import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** An agent may write to, close or read a conversation only while (or after) serving it; supervisors take over. */
export class ConversationNotAssignedError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Forbidden, `conversationId: conversation ${id} is not assigned to you`);
  }
}
