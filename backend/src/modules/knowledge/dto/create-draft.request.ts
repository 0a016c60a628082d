import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Matches, ValidateIf } from 'class-validator';
import { NestedObject } from '../../../common/validation/nested.ts';
import {
  ITEM_ID_PATTERN,
  type KnowledgeKind,
  type KnowledgeLanguage,
  knowledgeKinds,
  knowledgeLanguages,
} from '../knowledge-item.ts';
import { KnowledgeContentDto } from './knowledge-content.dto.ts';

export class CreateDraftRequest {
  @ApiProperty({ description: 'Stable lower-case slug; also the NLU label', example: 'zh-card-lost-debit' })
  @IsString()
  @Matches(ITEM_ID_PATTERN, { message: 'itemId must be a lower-case slug of 2 to 100 letters, digits and dashes' })
  itemId!: string;

  @ApiProperty({ enum: ['upsert', 'delete'], description: 'A new version of the item, or its removal' })
  @IsIn(['upsert', 'delete'])
  action!: 'upsert' | 'delete';

  @ApiPropertyOptional({ enum: knowledgeKinds, description: 'Required with upsert; fixed once the id exists' })
  @ValidateIf((request: CreateDraftRequest) => request.action === 'upsert')
  @IsIn(knowledgeKinds)
  kind?: KnowledgeKind;

  @ApiPropertyOptional({ enum: knowledgeLanguages, description: 'Required with upsert; fixed once the id exists' })
  @ValidateIf((request: CreateDraftRequest) => request.action === 'upsert')
  @IsIn(knowledgeLanguages)
  language?: KnowledgeLanguage;

  @ApiPropertyOptional({ type: KnowledgeContentDto, description: 'Required with upsert' })
  @ValidateIf((request: CreateDraftRequest) => request.action === 'upsert')
  @NestedObject(() => KnowledgeContentDto)
  content?: KnowledgeContentDto;
}
