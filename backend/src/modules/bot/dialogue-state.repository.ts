import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Language } from '../nlu/index.ts';

export interface StoredDialogueState {
  conversationId: string;
  fallbackStreak: number;
  flowId: string | null;
  flowStep: string | null;
  flowLanguage: Language | null;
  flowRetries: number;
  flowSlots: Buffer | null;
}

/** The only code that knows the SQL of bot_dialogue_states. Slot values arrive and leave encrypted. */
@Injectable()
export class DialogueStateRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inside a transaction the row stays locked until it ends, so two messages of one conversation take turns. */
  async find(conversationId: string, manager?: EntityManager): Promise<StoredDialogueState | undefined> {
    const inTransaction = manager?.queryRunner?.isTransactionActive === true;
    const rows: StoredDialogueState[] = await (manager ?? this.dataSource).query(
      `SELECT conversation_id AS "conversationId", fallback_streak AS "fallbackStreak", flow_id AS "flowId",
              flow_step AS "flowStep", flow_language AS "flowLanguage", flow_retries AS "flowRetries", flow_slots AS "flowSlots"
         FROM bot_dialogue_states WHERE conversation_id = $1${inTransaction ? ' FOR UPDATE' : ''}`,
      [conversationId],
    );
    return rows[0];
  }

  async save(state: StoredDialogueState, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource).query(
      `INSERT INTO bot_dialogue_states (conversation_id, fallback_streak, flow_id, flow_step, flow_language, flow_retries, flow_slots)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (conversation_id) DO UPDATE SET fallback_streak = $2, flow_id = $3, flow_step = $4,
         flow_language = $5, flow_retries = $6, flow_slots = $7, updated_at = now()`,
      [
        state.conversationId,
        state.fallbackStreak,
        state.flowId,
        state.flowStep,
        state.flowLanguage,
        state.flowRetries,
        state.flowSlots,
      ],
    );
  }
}
