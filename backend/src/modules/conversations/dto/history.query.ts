import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_INTEGER_COLUMN } from '../../../common/validation/column-limits.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';

export class HistoryQuery {
  @ApiPropertyOptional({ default: 0, description: 'The last seq the client has; only later messages come back' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INTEGER_COLUMN)
  afterSeq = 0;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}
