import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_INTEGER_COLUMN } from '../../../common/validation/column-limits.ts';
import { OptionalNotNull } from '../../../common/validation/optional-not-null.ts';
import { SendMessageRequest } from './send-message.request.ts';

/** `join`: follow a conversation and get what came after the last seq the client has. */
export class JoinConversationPayload {
  @IsUUID()
  conversationId!: string;

  @OptionalNotNull()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_INTEGER_COLUMN)
  afterSeq = 0;
}

/** `send`: the REST body plus the conversation it goes to. */
export class SendMessagePayload extends SendMessageRequest {
  @IsUUID()
  conversationId!: string;
}
