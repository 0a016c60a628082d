import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { type DraftState, draftStates } from '../knowledge-item.ts';

export class ListDraftsQuery {
  @ApiPropertyOptional({ enum: draftStates })
  @OptionalNotNull()
  @IsIn(draftStates)
  state?: DraftState;

  @PageLimit({ default: 100, maximum: 1000 })
  limit = 100;
}
