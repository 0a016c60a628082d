import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { type KnowledgeKind, type KnowledgeLanguage, knowledgeKinds, knowledgeLanguages } from '../knowledge-item.ts';

export class ListItemsQuery {
  @ApiPropertyOptional({ enum: knowledgeLanguages })
  @IsOptional()
  @IsIn(knowledgeLanguages)
  language?: KnowledgeLanguage;

  @ApiPropertyOptional({ enum: knowledgeKinds })
  @IsOptional()
  @IsIn(knowledgeKinds)
  kind?: KnowledgeKind;
}
