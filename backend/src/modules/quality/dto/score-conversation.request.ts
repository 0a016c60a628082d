import { ApiPropertyOptional } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { SLUG } from '../../../common/errors/slug-param.pipe.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class ScoreConversationRequest {
  @ApiPropertyOptional({ description: 'Scorecard to score with; the default scorecard when absent' })
  @OptionalNotNull()
  @Matches(SLUG, { message: 'scorecardId must be the id of a scorecard' })
  scorecardId?: string;
}
