import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsISO8601, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_BIGINT_COLUMN } from '../../../common/validation/column-limits.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { AuditAction } from '../audit-action.ts';
import { AuditOutcome } from '../audit-outcome.ts';

/** Filters of the auditor's search; all optional, combined with AND. Pages by sequence: pass `afterSeq` = `nextAfterSeq`. */
export class SearchAuditEventsQuery {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  actorId?: string;

  @ApiPropertyOptional({ enum: AuditAction })
  @OptionalNotNull()
  @IsEnum(AuditAction)
  action?: AuditAction;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  targetType?: string;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsString()
  @MaxLength(200)
  targetId?: string;

  @ApiPropertyOptional({ enum: AuditOutcome })
  @OptionalNotNull()
  @IsEnum(AuditOutcome)
  outcome?: AuditOutcome;

  @ApiPropertyOptional({ description: 'Inclusive lower bound, ISO 8601' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Exclusive upper bound, ISO 8601' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Return events after this sequence number (the previous page’s nextAfterSeq)' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_BIGINT_COLUMN)
  afterSeq?: number;

  @PageLimit({ default: 100, maximum: 1000 })
  limit?: number;
}
