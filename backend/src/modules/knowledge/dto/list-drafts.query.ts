import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { type DraftState, draftStates } from '../knowledge-item.ts';

export class ListDraftsQuery {
  @ApiPropertyOptional({ enum: draftStates })
  @IsOptional()
  @IsIn(draftStates)
  state?: DraftState;

  @PageLimit({ default: 100, maximum: 1000 })
  limit = 100;
}
