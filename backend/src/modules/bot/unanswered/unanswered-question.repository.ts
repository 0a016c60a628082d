import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { GuardedStatement } from '../../../common/database/guarded-statement.ts';
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
    const values: unknown[] = [];
    await (manager ?? this.dataSource).query(
      insertOf(question, (value) => `$${values.push(value)}`, ''),
      values,
    );
  }

  /** The same insert as a part of `statement`: it happens only when the statement's guard passes. */
  insertIn(statement: GuardedStatement, question: UnansweredQuestion): void {
    statement.add(insertOf(question, (value) => statement.param(value), 'FROM guard'));
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

function insertOf(question: UnansweredQuestion, param: (value: unknown) => string, source: string): string {
  const values = [
    `${param(question.conversationId)}::uuid`,
    `${param(question.language)}::text`,
    `${param(question.channel)}::text`,
    `${param(question.reason)}::text`,
    `${param(question.maskedText)}::text`,
    `${param(question.bestLabel)}::text`,
    `${param(question.confidence)}::float8`,
  ];
  return `INSERT INTO bot_unanswered_questions (conversation_id, language, channel, reason, masked_text, best_label,
      confidence)
    SELECT ${values.join(', ')} ${source}`;
}
