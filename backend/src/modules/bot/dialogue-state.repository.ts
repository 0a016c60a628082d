import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { GuardedStatement, SqlExecutor } from '../../common/database/guarded-statement.ts';
import { preparedStatements } from '../../common/database/prepared-statements.ts';
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
  /** Read on every customer message: prepared once per connection. */
  private readonly prepared: SqlExecutor;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.prepared = preparedStatements(dataSource);
  }

  /** Inside a transaction the row stays locked until it ends, so two messages of one conversation take turns. */
  async find(conversationId: string, manager?: EntityManager): Promise<StoredDialogueState | undefined> {
    const inTransaction = manager?.queryRunner?.isTransactionActive === true;
    const rows = (await (manager ?? this.prepared).query(
      `SELECT conversation_id AS "conversationId", fallback_streak AS "fallbackStreak", flow_id AS "flowId",
              flow_step AS "flowStep", flow_language AS "flowLanguage", flow_retries AS "flowRetries", flow_slots AS "flowSlots"
         FROM bot_dialogue_states WHERE conversation_id = $1${inTransaction ? ' FOR UPDATE' : ''}`,
      [conversationId],
    )) as StoredDialogueState[];
    return rows[0];
  }

  async save(state: StoredDialogueState, manager?: EntityManager): Promise<void> {
    const values: unknown[] = [];
    await (manager ?? this.dataSource).query(
      upsertOf(state, (value) => `$${values.push(value)}`, ''),
      values,
    );
  }

  /** The same write as a part of `statement`: it happens only when the statement's guard passes. */
  saveIn(statement: GuardedStatement, state: StoredDialogueState): void {
    statement.add(upsertOf(state, (value) => statement.param(value), 'FROM guard'));
  }
}

function upsertOf(state: StoredDialogueState, param: (value: unknown) => string, source: string): string {
  const values = [
    `${param(state.conversationId)}::uuid`,
    `${param(state.fallbackStreak)}::int`,
    `${param(state.flowId)}::text`,
    `${param(state.flowStep)}::text`,
    `${param(state.flowLanguage)}::text`,
    `${param(state.flowRetries)}::int`,
    `${param(state.flowSlots)}::bytea`,
  ];
  return `INSERT INTO bot_dialogue_states (conversation_id, fallback_streak, flow_id, flow_step, flow_language,
      flow_retries, flow_slots)
    SELECT ${values.join(', ')} ${source}
    ON CONFLICT (conversation_id) DO UPDATE SET fallback_streak = EXCLUDED.fallback_streak, flow_id = EXCLUDED.flow_id,
      flow_step = EXCLUDED.flow_step, flow_language = EXCLUDED.flow_language, flow_retries = EXCLUDED.flow_retries,
      flow_slots = EXCLUDED.flow_slots, updated_at = now()`;
}
