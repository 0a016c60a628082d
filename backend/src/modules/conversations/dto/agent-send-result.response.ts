import { ApiProperty } from '@nestjs/swagger';
import { ChatMessageResponse, ConversationResponse } from './chat-message.response.ts';

export class AgentSendResultResponse {
  @ApiProperty({ type: ChatMessageResponse }) message!: ChatMessageResponse;
  @ApiProperty({ description: 'True when this clientMessageId had been stored before: nothing new was written' })
  duplicate!: boolean;
  @ApiProperty({ type: ConversationResponse }) conversation!: ConversationResponse;
}
