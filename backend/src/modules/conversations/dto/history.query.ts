import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { PageLimit } from '../../../common/validation/page-limit.ts';

export class HistoryQuery {
  @ApiPropertyOptional({ default: 0, description: 'The last seq the client has; only later messages come back' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq = 0;

  @PageLimit({ default: 100, maximum: 500 })
  limit = 100;
}
