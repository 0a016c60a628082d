import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class DraftNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `draft ${id} does not exist`);
  }
}

export class ItemNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `knowledge item ${id} does not exist`);
  }
}

export class ReleaseNotFoundError extends DomainError {
  constructor(number: number) {
    super(ErrorCode.NotFound, `knowledge release ${number} does not exist`);
  }
}

/** The draft is not in a state that allows this step (editing a submitted draft, publishing an unsubmitted one). */
export class DraftStateError extends DomainError {
  constructor(id: string, state: string, wanted: string) {
    super(ErrorCode.Conflict, `draft ${id} is ${state}; only a ${wanted} draft can be used here`);
  }
}

/** An id, once used, keeps its kind and language: it is the NLU label of one model. */
export class ItemIdentityError extends DomainError {
  constructor(id: string, kind: string, language: string) {
    super(ErrorCode.Conflict, `itemId ${id} is already a ${language} ${kind} item; kind and language cannot change`);
  }
}

export class ConflictingDraftsError extends DomainError {
  constructor(itemId: string) {
    super(ErrorCode.Conflict, `draftIds: two drafts change item ${itemId}; publish one of them`);
  }
}

export class NotDraftAuthorError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Forbidden, `draft ${id} belongs to another editor; only its author changes it`);
  }
}

/** Maker-checker (四眼原则): whoever wrote a change cannot be the one who approves it. */
export class SelfApprovalError extends DomainError {
  constructor(draftIds: string[]) {
    super(
      ErrorCode.SelfApproval,
      `you are the author of draft(s) ${draftIds.join(', ')}; another approver must publish them`,
    );
  }
}
