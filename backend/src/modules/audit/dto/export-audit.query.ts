import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { MAX_BIGINT_COLUMN } from '../../../common/validation/column-limits.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class ExportAuditQuery {
  @ApiPropertyOptional({ description: 'First sequence (default: the first online)' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_BIGINT_COLUMN)
  fromSeq?: number;

  @ApiPropertyOptional({ description: 'Last sequence (default: the newest)' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_BIGINT_COLUMN)
  toSeq?: number;

  @ApiPropertyOptional({ enum: ['jsonl', 'csv'], default: 'jsonl' })
  @OptionalNotNull()
  @IsIn(['jsonl', 'csv'])
  format?: 'jsonl' | 'csv';
}
