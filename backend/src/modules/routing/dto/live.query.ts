import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';

export class LiveQuery {
  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsUUID()
  groupId?: string;

  @PageLimit({ default: 500, maximum: 2000 })
  limit = 500;
}
