import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Language } from '../../nlu/index.ts';
import type { Channel } from '../bot-turn.ts';

export type UnansweredReason = 'fallback' | 'low-confidence';

export interface UnansweredQuestion {
  conversationId: string;
  language: Language;
  channel: Channel;
  reason: UnansweredReason;
  /** The customer's text with every detected identifier masked: no raw personal data at rest. */
  maskedText: string;
  bestLabel: string;
  confidence: number;
}

/** The only code that knows the SQL of bot_unanswered_questions. */
@Injectable()
export class UnansweredQuestionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(question: UnansweredQuestion, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO bot_unanswered_questions (conversation_id, language, channel, reason, masked_text, best_label, confidence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        question.conversationId,
        question.language,
        question.channel,
        question.reason,
        question.maskedText,
        question.bestLabel,
        question.confidence,
      ],
    );
  }

  /** The newest questions of one language since `since`, at most `limit`. */
  async recent(
    language: Language,
    since: Date,
    limit: number,
  ): Promise<{ maskedText: string; reason: UnansweredReason }[]> {
    return this.dataSource.query(
      `SELECT masked_text AS "maskedText", reason FROM bot_unanswered_questions
        WHERE language = $1 AND created_at >= $2 ORDER BY created_at DESC LIMIT $3`,
      [language, since, limit],
    );
  }
}
