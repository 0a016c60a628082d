import { DomainError } from '../../common/errors/domain-error.ts';
import { ErrorCode } from '../../common/errors/error-code.ts';

export class JobNotFoundError extends DomainError {
  constructor(jobId: string) {
    super(ErrorCode.NotFound, `job ${jobId} does not exist`);
  }
}
