import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class ScorecardNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `There is no scorecard ${id}`);
  }
}

export class InspectionRuleNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `There is no inspection rule ${id}`);
  }
}

/** Only a closed conversation is scored: its transcript is final. */
export class ConversationNotClosedError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.Conflict, `Conversation ${id} is not closed yet`);
  }
}

/** A rule a scorecard weighs cannot be deleted; the scorecard must drop it first. */
export class InspectionRuleInUseError extends DomainError {
  constructor(id: string, scorecards: readonly string[]) {
    super(ErrorCode.Conflict, `Inspection rule ${id} is used by scorecard(s) ${scorecards.join(', ')}`);
  }
}

export class ScoreNotFoundError extends DomainError {
  constructor(key: { conversationId: string; scorecardId: string }) {
    super(ErrorCode.NotFound, `Conversation ${key.conversationId} has no score under scorecard ${key.scorecardId}`);
  }
}

/** Reviewers read the transcripts of scored conversations only. */
export class ConversationNotScoredError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `Conversation ${id} has no quality score`);
  }
}

export class ReviewNotFoundError extends DomainError {
  constructor(key: { conversationId: string; scorecardId: string }) {
    super(ErrorCode.NotFound, `The score of ${key.conversationId} under ${key.scorecardId} is not under review`);
  }
}

/** Reviews move pending → reviewed → appealed → decided, one step at a time. */
export class ReviewStateError extends DomainError {
  constructor(actual: string, expected: string) {
    super(ErrorCode.Conflict, `The review is ${actual}; this step needs it ${expected}`);
  }
}

/** Maker-checker for quality: nobody judges their own work or their own judgement. */
export class SelfReviewError extends DomainError {
  constructor(what: string) {
    super(ErrorCode.SelfApproval, `You may not ${what}`);
  }
}

/** Only an agent who served the conversation may appeal its score. */
export class NotYourScoreError extends DomainError {
  constructor(key: { conversationId: string; scorecardId: string }) {
    super(ErrorCode.Forbidden, `You did not serve conversation ${key.conversationId}; only its agents may appeal`);
  }
}
