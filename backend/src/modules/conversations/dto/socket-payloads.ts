import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { SendMessageRequest } from './send-message.request.ts';

/** `join`: follow a conversation and get what came after the last seq the client has. */
export class JoinConversationPayload {
  @IsUUID()
  conversationId!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterSeq = 0;
}

/** `send`: the REST body plus the conversation it goes to. */
export class SendMessagePayload extends SendMessageRequest {
  @IsUUID()
  conversationId!: string;
}
