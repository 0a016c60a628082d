import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsNumber, IsString, Length, Matches, Max, Min } from 'class-validator';
import { SLUG } from '../../../common/errors/slug-param.pipe.ts';
import { NestedObjects } from '../../../common/validation/nested.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class ScorecardItemRequest {
  @ApiProperty({ example: 'forbidden-words' })
  @IsString()
  @Matches(SLUG, { message: 'ruleId must be the id of an inspection rule' })
  ruleId!: string;

  @ApiProperty({ description: 'Points the rule is worth; the total is the share of points earned, in percent' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1000)
  weight!: number;
}

export class SaveScorecardRequest {
  @ApiProperty({ example: '标准服务评分卡' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ type: [ScorecardItemRequest] })
  @NestedObjects(() => ScorecardItemRequest)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  items!: ScorecardItemRequest[];

  @ApiProperty({ description: 'The default scorecard scores every closed conversation; there is one at most' })
  @IsBoolean()
  isDefault!: boolean;

  @ApiPropertyOptional({ description: 'Scores below this total go to the reviewers (复核)', default: 80 })
  @OptionalNotNull()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  reviewBelow?: number;

  @ApiPropertyOptional({ description: 'Percent of the other scores sampled for review', default: 5 })
  @OptionalNotNull()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  samplePercent?: number;
}
