import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';

export class ParseMessageRequest {
  @ApiProperty({ example: '我的信用卡丢了怎么办' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text!: string;

  @ApiPropertyOptional({ enum: ['zh', 'en'], description: 'Detected from the text when absent' })
  @OptionalNotNull()
  @IsIn(['zh', 'en'])
  language?: 'zh' | 'en';
}

export class ScoredIntentResponse {
  @ApiProperty()
  intent!: string;

  @ApiProperty()
  confidence!: number;
}

export class EntityResponse {
  @ApiProperty({ enum: ['amount', 'date', 'card_number', 'account_number', 'id_number', 'phone', 'email'] })
  type!: string;

  @ApiProperty()
  start!: number;

  @ApiProperty()
  end!: number;

  @ApiProperty({ description: 'Amounts and dates as values; identifiers masked (first 6 and last 4 digits, …)' })
  value!: number | string;

  @ApiPropertyOptional()
  currency?: string;
}

export class SentimentResponse {
  @ApiProperty({ enum: ['negative', 'neutral', 'positive', 'anger'] })
  label!: string;

  @ApiProperty()
  confidence!: number;
}

export class ParseMessageResponse {
  @ApiProperty({ enum: ['zh', 'en'] })
  language!: string;

  @ApiProperty({ description: 'Best FAQ item or intent; act on it only when `oos` is false' })
  intent!: string;

  @ApiProperty()
  confidence!: number;

  @ApiProperty({ type: [ScoredIntentResponse] })
  topK!: ScoredIntentResponse[];

  @ApiProperty({ description: 'Out of scope: the bot should say it does not know' })
  oos!: boolean;

  @ApiProperty({ type: [EntityResponse] })
  entities!: EntityResponse[];

  @ApiPropertyOptional({ type: SentimentResponse })
  sentiment?: SentimentResponse;
}
