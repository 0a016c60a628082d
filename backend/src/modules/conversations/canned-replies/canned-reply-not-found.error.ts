import { DomainError } from '../../../common/errors/domain-error.ts';
import { ErrorCode } from '../../../common/errors/error-code.ts';

export class CannedReplyNotFoundError extends DomainError {
  constructor(id: string) {
    super(ErrorCode.NotFound, `id: no canned reply ${id}`);
  }
}
