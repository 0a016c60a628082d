import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** A conversation is rated after it closed: the widget offers the survey then. */
export class NotClosedYetError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Conflict, `rating: conversation ${id} is not closed yet; it can be rated once it is`);
  }
}

/** One rating per conversation, never changed afterwards. */
export class AlreadyRatedError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Conflict, `rating: conversation ${id} has been rated already; a rating cannot be changed`);
  }
}
