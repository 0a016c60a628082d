import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class TicketNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `ticket ${id} does not exist`);
  }
}

export class TicketFieldNotFoundError extends DomainError {
  constructor(key: string) {
    super(ErrorCode.NotFound, `ticket field ${key} does not exist`);
  }
}

/** A ticket filed by hand has no conversation behind it to read. */
export class TicketWithoutConversationError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `ticket ${id} was not filed from a conversation`);
  }
}

/** The conversation behind a ticket is for its assignee, its author and supervisors. */
export class TicketTranscriptForbiddenError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Forbidden, `ticket ${id}: only its assignee, its author or a supervisor reads the conversation`);
  }
}
