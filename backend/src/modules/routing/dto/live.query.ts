import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageLimit } from '../../../common/validation/page-limit.ts';

export class LiveQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  groupId?: string;

  @PageLimit({ default: 500, maximum: 2000 })
  limit = 500;
}
