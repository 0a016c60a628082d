import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CannedReply } from '../canned-replies/canned-reply.repository.ts';

export class CannedReplyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ description: 'As written, {variables} included' }) body!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null: for everyone' }) groupId!: string | null;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;

  static of(reply: CannedReply): CannedReplyResponse {
    return {
      id: reply.id,
      title: reply.title,
      body: reply.body,
      groupId: reply.groupId,
      updatedBy: reply.updatedBy,
      updatedAt: reply.updatedAt.toISOString(),
    };
  }
}
