import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { SLUG } from '../../../common/errors/slug-param.pipe.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { PageLimit } from '../../../common/validation/page-limit.ts';
import { Trimmed } from '../../../common/validation/trimmed.ts';
import { type ReviewState, reviewStates } from '../review-state.ts';

export class RequestReviewRequest {
  @ApiProperty()
  @IsUUID()
  conversationId!: string;

  @ApiProperty({ example: 'standard' })
  @Matches(SLUG, { message: 'scorecardId must be the id of a scorecard' })
  scorecardId!: string;
}

export class ReviewQuery {
  @ApiPropertyOptional({ enum: reviewStates, default: 'pending' })
  @OptionalNotNull()
  @IsIn(reviewStates)
  state?: ReviewState;

  @PageLimit({ default: 50, maximum: 500 })
  limit?: number;
}

export class SubmitReviewRequest {
  @ApiProperty({ description: "The reviewer's total, 0–100, one decimal" })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  total!: number;

  @ApiProperty()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  comment!: string;
}

export class AppealRequest {
  @ApiProperty({ description: 'Why the agent thinks the review is wrong' })
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class DecideAppealRequest {
  @ApiProperty({ description: 'True: the appeal is right and `total` replaces the review; false: the review stands' })
  @IsBoolean()
  upheld!: boolean;

  @ApiPropertyOptional({ description: 'Required when upheld' })
  @ValidateIf((request: DecideAppealRequest) => request.upheld === true)
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  total?: number;

  @ApiProperty()
  @Trimmed()
  @IsString()
  @Length(1, 2000)
  comment!: string;
}
