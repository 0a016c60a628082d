import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { type DraftState, draftStates } from '../draft.repository.ts';

export class ListDraftsQuery {
  @ApiPropertyOptional({ enum: draftStates })
  @IsOptional()
  @IsIn(draftStates)
  state?: DraftState;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit = 100;
}
