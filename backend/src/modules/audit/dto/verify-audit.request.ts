import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_BIGINT_COLUMN } from '../../../common/validation/column-limits.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class VerifyAuditRequest {
  @ApiPropertyOptional({
    description: 'Start here; the row before it is trusted as the anchor. Default: everything online',
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_BIGINT_COLUMN)
  fromSeq?: number;
}
