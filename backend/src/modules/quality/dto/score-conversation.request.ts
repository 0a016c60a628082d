import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { SLUG } from '../../../common/errors/slug-param.pipe.ts';

export class ScoreConversationRequest {
  @ApiPropertyOptional({ description: 'Scorecard to score with; the default scorecard when absent' })
  @IsOptional()
  @Matches(SLUG, { message: 'scorecardId must be the id of a scorecard' })
  scorecardId?: string;
}
