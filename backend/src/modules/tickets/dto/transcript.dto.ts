import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_INTEGER_COLUMN } from '../../../common/validation/column-limits.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';

export class TranscriptQuery {
  @ApiPropertyOptional({ default: 0, description: 'Only messages after this seq' })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INTEGER_COLUMN)
  afterSeq = 0;

  @PageLimit({ default: 200, maximum: 500 })
  limit = 200;
}

class TranscriptMessageResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ enum: ['visitor', 'bot', 'agent', 'system'] }) sender!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() text!: string;
  @ApiProperty() createdAt!: string;
}

export class TranscriptResponse {
  @ApiProperty() conversationId!: string;
  @ApiProperty({ enum: ['bot', 'queued', 'agent', 'closed'] }) state!: string;
  @ApiProperty({ type: [TranscriptMessageResponse] }) messages!: TranscriptMessageResponse[];
}
