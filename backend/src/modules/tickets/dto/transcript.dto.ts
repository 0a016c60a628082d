import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class TranscriptQuery {
  @ApiPropertyOptional({ default: 0, description: 'Only messages after this seq' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq = 0;

  @ApiPropertyOptional({ default: 200, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
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
