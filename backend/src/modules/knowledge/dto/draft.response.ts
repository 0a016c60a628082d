import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StoredDraft } from '../draft.ts';
import { type DraftState, draftStates, knowledgeKinds, knowledgeLanguages } from '../knowledge-item.ts';
import { KnowledgeContentDto } from './knowledge-content.dto.ts';

export class DraftResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'zh-card-lost-debit' })
  itemId!: string;

  @ApiProperty({ enum: knowledgeKinds })
  kind!: string;

  @ApiProperty({ enum: knowledgeLanguages })
  language!: string;

  @ApiProperty({ enum: ['upsert', 'delete'] })
  action!: string;

  @ApiPropertyOptional({ type: KnowledgeContentDto, nullable: true, description: 'null for a deletion' })
  content!: KnowledgeContentDto | null;

  @ApiProperty({ description: 'Subject id of the editor who wrote it' })
  authorId!: string;

  @ApiPropertyOptional({ nullable: true })
  authorName!: string | null;

  @ApiProperty({ enum: draftStates })
  state!: DraftState;

  @ApiPropertyOptional({ nullable: true, description: 'The release that published it' })
  releaseNumber!: number | null;

  @ApiPropertyOptional({ nullable: true })
  decidedBy!: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'Rejection reason or release note' })
  decisionNote!: string | null;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  static of(draft: StoredDraft): DraftResponse {
    return {
      id: draft.id,
      itemId: draft.itemId,
      kind: draft.kind,
      language: draft.language,
      action: draft.action,
      content: draft.content as KnowledgeContentDto | null,
      authorId: draft.authorId,
      authorName: draft.authorName,
      state: draft.state,
      releaseNumber: draft.releaseNumber,
      decidedBy: draft.decidedBy,
      decisionNote: draft.decisionNote,
      createdAt: draft.createdAt,
      updatedAt: draft.updatedAt,
    };
  }
}
