import { ApiProperty } from '@nestjs/swagger';
import { NestedObject } from '../../../common/validation/nested.ts';
import { KnowledgeContentDto } from './knowledge-content.dto.ts';

export class UpdateDraftRequest {
  @ApiProperty({ type: KnowledgeContentDto })
  @NestedObject(() => KnowledgeContentDto)
  content!: KnowledgeContentDto;
}
