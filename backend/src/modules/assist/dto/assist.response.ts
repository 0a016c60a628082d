import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AgentAssistance } from '../agent-assist.service.ts';

class AssistSuggestionResponse {
  @ApiProperty() itemId!: string;
  @ApiProperty({ description: 'The standard question of the published item' }) question!: string;
  @ApiProperty({ description: "The item's answer for the conversation's channel" }) answer!: string;
  @ApiProperty({ description: "The FAQ model's confidence that this item answers the message (0-1)" })
  confidence!: number;
}

class SentimentResponse {
  @ApiProperty({ enum: ['anger', 'negative', 'neutral', 'positive'] }) label!: string;
  @ApiProperty() confidence!: number;
}

export class AssistResponse {
  @ApiProperty() conversationId!: string;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: "seq of the customer's message the suggestions answer; null before the customer wrote anything",
  })
  basedOnSeq!: number | null;
  @ApiProperty({ type: [AssistSuggestionResponse], description: 'At most three, most likely first' })
  suggestions!: AssistSuggestionResponse[];
  @ApiPropertyOptional({
    nullable: true,
    type: SentimentResponse,
    description: "The customer's mood in that message; null without a sentiment model",
  })
  sentiment!: SentimentResponse | null;

  static of(assistance: AgentAssistance): AssistResponse {
    return {
      conversationId: assistance.conversationId,
      basedOnSeq: assistance.basedOnSeq,
      suggestions: assistance.suggestions.map(({ itemId, question, answer, confidence }) => ({
        itemId,
        question,
        answer,
        confidence,
      })),
      sentiment: assistance.sentiment ? { ...assistance.sentiment } : null,
    };
  }
}
