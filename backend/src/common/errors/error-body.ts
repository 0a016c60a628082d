import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorCode } from './error-code.ts';
import type { Violation } from './request-validation.error.ts';
import type { RowViolation } from './rows-rejected.error.ts';

/** The body of every error response. A 5xx body carries nothing internal: no stack, no SQL, no cause. */
export class ErrorBody {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'validation_failed', description: 'Stable machine-readable code' })
  error!: ErrorCode;

  @ApiProperty({ example: 'name: name must be a string' })
  message!: string;

  @ApiProperty({ description: 'Quote it to the operator: every log line of the request carries it' })
  requestId!: string;

  @ApiPropertyOptional({ description: 'Present on validation_failed: every field and the rule it broke' })
  violations?: Violation[];

  @ApiPropertyOptional({
    description: 'Present on import_rejected: every bad row of the uploaded file, its column and why',
  })
  rows?: RowViolation[];
}
