import { ApiProperty } from '@nestjs/swagger';
import type { ConversationNote } from '../conversation-notes.service.ts';

export class ConversationNoteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() conversationId!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() authorName!: string;
  @ApiProperty({ description: 'ID, card and phone numbers and e-mail addresses in it come back masked' }) text!: string;
  @ApiProperty({ description: "True once the month's transcripts key is destroyed; the text is then empty" })
  shredded!: boolean;
  @ApiProperty() createdAt!: string;

  static of(note: ConversationNote): ConversationNoteResponse {
    return { ...note };
  }
}
