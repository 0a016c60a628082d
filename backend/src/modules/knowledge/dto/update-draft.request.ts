import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateNested } from 'class-validator';
import { KnowledgeContentDto } from './knowledge-content.dto.ts';

export class UpdateDraftRequest {
  @ApiProperty({ type: KnowledgeContentDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => KnowledgeContentDto)
  content!: KnowledgeContentDto;
}
