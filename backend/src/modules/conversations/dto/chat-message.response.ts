import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class SuggestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() question!: string;
}

class LinkResponse {
  @ApiProperty() title!: string;
  @ApiProperty() url!: string;
}

export class ChatMessageResponse {
  @ApiProperty() conversationId!: string;
  @ApiProperty({ description: 'Position in the conversation, gapless from 1' }) seq!: number;
  @ApiPropertyOptional() clientMessageId?: string;
  @ApiPropertyOptional({ description: 'seq of the customer message this answers' }) replyTo?: number;
  @ApiProperty({ enum: ['visitor', 'bot', 'agent', 'system'] }) sender!: string;
  @ApiProperty({ example: 'answer', description: 'text, answer, clarify, flow, chitchat, fallback, handoff, …' })
  kind!: string;
  @ApiProperty() text!: string;
  @ApiPropertyOptional() itemId?: string;
  @ApiPropertyOptional({ type: [SuggestionResponse] }) suggestions?: SuggestionResponse[];
  @ApiPropertyOptional({ type: [LinkResponse] }) links?: LinkResponse[];
  @ApiProperty() createdAt!: string;
}

export class ConversationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['web', 'api'] }) channel!: string;
  @ApiProperty({ enum: ['zh', 'en'] }) language!: string;
  @ApiProperty({ enum: ['bot', 'queued', 'agent', 'closed'] }) state!: string;
  @ApiProperty({ description: 'seq of the newest message' }) lastSeq!: number;
  @ApiProperty() createdAt!: string;
}

export class HistoryResponse {
  @ApiProperty({ type: ConversationResponse }) conversation!: ConversationResponse;
  @ApiProperty({ type: [ChatMessageResponse] }) messages!: ChatMessageResponse[];
}

export class SendResultResponse {
  @ApiProperty({ type: ChatMessageResponse }) message!: ChatMessageResponse;
  @ApiProperty({ type: [ChatMessageResponse] }) replies!: ChatMessageResponse[];
  @ApiProperty({ description: 'True when this clientMessageId had been stored before: nothing new was written' })
  duplicate!: boolean;
  @ApiProperty({ type: ConversationResponse }) conversation!: ConversationResponse;
}

/** What a customer may see of a conversation: not the visitor id nor whether the portal vouched for them. */
export function conversationView(conversation: ConversationResponse): ConversationResponse {
  const { id, channel, language, state, lastSeq, createdAt } = conversation;
  return { id, channel, language, state, lastSeq, createdAt };
}
