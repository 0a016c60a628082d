import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/**
 * The audit record could not be written, so the action it records was not carried out (等保 level 3: audit must not be
 * bypassable; an action without its record never commits). Answered with 503: retry once the database recovers.
 */
export class AuditUnavailableError extends DomainError {
  constructor(override readonly cause: unknown) {
    super(ErrorCode.ServiceUnavailable, 'The audit trail cannot be written, so the action was not carried out');
  }
}
