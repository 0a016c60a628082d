import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

/** An audit operation that the rules forbid, e.g. purging events younger than the retention period. */
export class AuditRefusedError extends DomainError {
  constructor(message: string) {
    super(ErrorCode.Conflict, message);
  }
}
