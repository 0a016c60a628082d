import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageLimit } from '../../../common/validation/page-limit.ts';

export class TranscriptQuery {
  @ApiPropertyOptional({ default: 0, description: 'Only messages after this seq' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
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
