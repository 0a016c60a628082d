import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { type KnowledgeKind, type KnowledgeLanguage, knowledgeKinds, knowledgeLanguages } from '../knowledge-item.ts';

export class ListItemsQuery {
  @ApiPropertyOptional({ enum: knowledgeLanguages })
  @OptionalNotNull()
  @IsIn(knowledgeLanguages)
  language?: KnowledgeLanguage;

  @ApiPropertyOptional({ enum: knowledgeKinds })
  @OptionalNotNull()
  @IsIn(knowledgeKinds)
  kind?: KnowledgeKind;
}
