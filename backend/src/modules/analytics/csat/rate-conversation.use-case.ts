import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/access/index.ts';
import { ConversationState, Conversations } from '../../conversations/index.ts';
import { maskPersonalDataInText } from '../../privacy/index.ts';
import { AlreadyRatedError, NotClosedYetError } from '../analytics.errors.ts';
import { CsatRatingRepository, type StoredRating } from './csat-rating.repository.ts';

export interface RateConversation {
  conversationId: string;
  rating: number;
  comment?: string;
}

/**
 * A visitor rates their own closed conversation, once. Sending the same rating again (a retry after a lost answer)
 * is answered with what was stored; a different one is refused, so a figure never changes after the fact. Someone
 * else's conversation is reported as not found, as everywhere in the visitor API.
 */
@Injectable()
export class ConversationRating {
  constructor(
    private readonly conversations: Conversations,
    private readonly ratings: CsatRatingRepository,
  ) {}

  async rate(visitor: Actor, command: RateConversation): Promise<{ stored: StoredRating; duplicate: boolean }> {
    const conversation = await this.conversations.owned(visitor, command.conversationId);
    if (conversation.state !== ConversationState.Closed) throw new NotClosedYetError(conversation.id);
    const comment = command.comment?.trim();
    const maskedComment = comment ? maskPersonalDataInText(comment) : null;
    const { stored, inserted } = await this.ratings.insertOnce({
      conversationId: conversation.id,
      rating: command.rating,
      maskedComment,
    });
    if (!inserted && (stored.rating !== command.rating || stored.maskedComment !== maskedComment)) {
      throw new AlreadyRatedError(conversation.id);
    }
    return { stored, duplicate: !inserted };
  }
}
