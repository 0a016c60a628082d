import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsISO8601,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';
import { NestedObject, NestedObjects } from '../../../common/validation/nested.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import type { AnswerChannel, ChannelAnswer, KnowledgeContent } from '../knowledge-item.ts';
import { IsSafeRichText } from './safe-rich-text.validator.ts';

export class AnswerLinkDto {
  @ApiProperty({ example: '挂失指南' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: 'https://www.example-bank.cn/help/lost-card' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;
}

export class ChannelAnswerDto implements ChannelAnswer {
  @ApiProperty({ description: 'Plain text with light markdown; HTML is refused', example: '请拨打客服热线挂失。' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10_000)
  @IsSafeRichText()
  text!: string;

  @ApiProperty({ type: [AnswerLinkDto] })
  @NestedObjects(() => AnswerLinkDto)
  @ArrayMaxSize(20)
  links: AnswerLinkDto[] = [];
}

export class ChannelAnswersDto implements Partial<Record<AnswerChannel, ChannelAnswer>> {
  @ApiPropertyOptional({ type: ChannelAnswerDto, description: 'Required for faq and chitchat items' })
  @OptionalNotNull()
  @NestedObject(() => ChannelAnswerDto)
  default?: ChannelAnswerDto;

  @ApiPropertyOptional({ type: ChannelAnswerDto, description: 'Shown in the web widget instead of default' })
  @OptionalNotNull()
  @NestedObject(() => ChannelAnswerDto)
  web?: ChannelAnswerDto;

  @ApiPropertyOptional({ type: ChannelAnswerDto, description: 'Returned by the open API instead of default' })
  @OptionalNotNull()
  @NestedObject(() => ChannelAnswerDto)
  api?: ChannelAnswerDto;
}

/** The content of one knowledge item; the same rules hold for the API and for imported rows. */
export class KnowledgeContentDto implements KnowledgeContent {
  @ApiProperty({ example: '借记卡丢了怎么挂失？' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  question!: string;

  @ApiProperty({ type: [String], description: 'At least one paraphrase', example: ['储蓄卡丢了咋办'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  similar!: string[];

  @ApiProperty({ type: ChannelAnswersDto })
  @NestedObject(() => ChannelAnswersDto)
  answers!: ChannelAnswersDto;

  @ApiProperty({ description: 'Path in the category tree, `/`-separated', example: '银行卡/挂失' })
  @IsString()
  @MaxLength(200)
  @Matches(/^[^/\s][^/]*(\/[^/\s][^/]*)*$/, { message: 'category must be a path such as 银行卡/挂失' })
  category!: string;

  @ApiProperty({ type: [String], example: ['借记卡', '挂失'] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(50, { each: true })
  tags: string[] = [];

  @ApiPropertyOptional({ description: 'ISO 8601; absent: effective at once', example: '2026-12-01T00:00:00+08:00' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  effectiveFrom?: string;

  @ApiPropertyOptional({ description: 'ISO 8601; absent: never expires' })
  @OptionalNotNull()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Questions kept out of training; the retraining gate scores models on them',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(500, { each: true })
  heldOut?: string[];
}
