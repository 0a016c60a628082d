import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, Max, Min } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { DEFAULT_SIMILARITY } from '../unanswered/question-clustering.ts';

export class SuggestionsQuery {
  @ApiPropertyOptional({ enum: ['zh', 'en'], default: 'zh' })
  @OptionalNotNull()
  @IsIn(['zh', 'en'])
  language: 'zh' | 'en' = 'zh';

  @ApiPropertyOptional({ description: 'Questions of the last this many days', default: 30 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days = 30;

  @ApiPropertyOptional({
    description: 'Cosine similarity at which two questions are grouped (docs/bot.md)',
    default: DEFAULT_SIMILARITY,
  })
  @OptionalNotNull()
  @Type(() => Number)
  @IsNumber()
  @Min(0.05)
  @Max(0.95)
  similarity = DEFAULT_SIMILARITY;

  @ApiPropertyOptional({ description: 'Smallest group reported', default: 2 })
  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  minCount = 2;
}
