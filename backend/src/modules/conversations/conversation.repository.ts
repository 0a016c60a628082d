import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { GuardedStatement, type SqlExecutor } from '../../common/database/guarded-statement.ts';
import { preparedStatements } from '../../common/database/prepared-statements.ts';
import type { BotReading } from '../bot/index.ts';
import { type Conversation, ConversationState } from './conversation.ts';
import type { NewMessage } from './message.repository.ts';

/** The unique constraint on (conversation_id, client_message_id), named by PostgreSQL's default. */
const CLIENT_MESSAGE_ID_CONSTRAINT = 'conversation_messages_conversation_id_client_message_id_key';
const UNIQUE_VIOLATION = '23505';

const COLUMNS = `id, visitor_id AS "visitorId", visitor_verified AS "visitorVerified", channel, language, state,
  last_seq AS "lastSeq", created_at AS "createdAt"`;

interface ConversationRow extends Omit<Conversation, 'createdAt'> {
  createdAt: Date;
}

/** The only code that knows the SQL of conversations and their participants. */
@Injectable()
export class ConversationRepository {
  /** The send path's statements, prepared once per connection: they run several times per customer message. */
  private readonly prepared: SqlExecutor;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.prepared = preparedStatements(dataSource);
  }

  /** Adds to `statement` a new conversation (the guard) with its participants and its first messages. */
  createIn(statement: GuardedStatement, conversation: Conversation, messages: NewMessage[]): void {
    const id = statement.param(conversation.id);
    const visitorId = statement.param(conversation.visitorId);
    statement.guard(
      `INSERT INTO conversations (id, visitor_id, visitor_verified, channel, language, state, last_seq, created_at)
       VALUES (${id}, ${visitorId}, ${statement.param(conversation.visitorVerified)},
         ${statement.param(conversation.channel)}, ${statement.param(conversation.language)},
         ${statement.param(conversation.state)}, ${statement.param(conversation.lastSeq)},
         ${statement.param(conversation.createdAt)}) RETURNING id`,
    );
    statement.add(
      `INSERT INTO conversation_participants (conversation_id, participant_kind, participant_id)
       SELECT guard.id, p.kind, p.participant FROM guard,
         (VALUES ('visitor', ${visitorId}::text), ('bot', 'kefu-bot')) AS p (kind, participant)`,
    );
    this.addMessages(statement, messages);
  }

  async byId(id: string): Promise<Conversation | undefined> {
    const rows: ConversationRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM conversations WHERE id = $1`, [
      id,
    ]);
    return rows[0] && toConversation(rows[0]);
  }

  /**
   * The conversation as a send finds it, and whether this client message id was stored before. With `lockIn` (the
   * caller's transaction) the row lock comes first, which makes the client-id check race-free against a concurrent
   * resend; without it the answer is a snapshot that a guarded append (`appendTo` with `expected`) confirms or refutes.
   */
  async forSend(
    id: string,
    clientMessageId: string,
    lockIn?: EntityManager,
  ): Promise<{ conversation: Conversation; storedSeq: number | null } | undefined> {
    if (lockIn) await lockRow(lockIn, id);
    const rows = (await (lockIn ?? this.prepared).query(
      `SELECT ${COLUMNS}, (SELECT seq FROM conversation_messages m
         WHERE m.conversation_id = c.id AND m.client_message_id = $2) AS "storedSeq"
       FROM conversations c WHERE id = $1`,
      [id, clientMessageId],
    )) as Array<ConversationRow & { storedSeq: number | null }>;
    return rows[0] && { conversation: toConversation(rows[0]), storedSeq: rows[0].storedSeq };
  }

  /**
   * Runs a guarded write of a conversation (see `createIn`, `appendTo`); false when the conversation had moved on, or when the message's
   * client id was stored before (a resend sent from a remembered seq): nothing was written, and a fresh read tells.
   */
  async commit(statement: GuardedStatement): Promise<boolean> {
    try {
      return await statement.run(this.prepared);
    } catch (error) {
      if (isUniqueViolation(error, CLIENT_MESSAGE_ID_CONSTRAINT)) return false;
      throw error;
    }
  }

  /** Conversations with the bot in which nothing was written for `idleMinutes`, oldest first. */
  async idleWithBot(idleMinutes: number, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM conversations WHERE state = $1 AND updated_at < now() - make_interval(mins => $2)
       ORDER BY updated_at LIMIT $3`,
      [ConversationState.Bot, idleMinutes, limit],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Locks the conversation if it is still with the bot and still idle: a message that arrived since it was listed
   * keeps it open. Skips it when another replica holds it (that one's sweep or a send is on it).
   */
  async lockIfIdle(manager: EntityManager, id: string, idleMinutes: number): Promise<Conversation | undefined> {
    const rows: ConversationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM conversations
       WHERE id = $1 AND state = $2 AND updated_at < now() - make_interval(mins => $3) FOR UPDATE SKIP LOCKED`,
      [id, ConversationState.Bot, idleMinutes],
    );
    return rows[0] && toConversation(rows[0]);
  }

  /** Locks the conversation and says who serves it now: the agent side's reads and writes start here. */
  async lockWithAgent(
    manager: EntityManager,
    id: string,
    clientMessageId: string | null = null,
  ): Promise<{ conversation: Conversation; agentId: string | null; storedSeq: number | null } | undefined> {
    await lockRow(manager, id);
    const rows: Array<ConversationRow & { agentId: string | null; storedSeq: number | null }> = await manager.query(
      `SELECT ${COLUMNS},
         (SELECT participant_id FROM conversation_participants p WHERE p.conversation_id = c.id
            AND p.participant_kind = 'agent' AND p.left_at IS NULL) AS "agentId",
         (SELECT seq FROM conversation_messages m WHERE m.conversation_id = c.id AND m.client_message_id = $2)
           AS "storedSeq"
       FROM conversations c WHERE id = $1`,
      [id, clientMessageId],
    );
    const row = rows[0];
    return row && { conversation: toConversation(row), agentId: row.agentId, storedSeq: row.storedSeq };
  }

  /**
   * The current agent leaves and `agentId` (if any) joins. A partial unique index allows one current agent per
   * conversation, so even a bug upstream cannot leave a conversation with two.
   */
  async replaceAgent(manager: EntityManager, id: string, agentId: string | null): Promise<void> {
    await manager.query(
      `UPDATE conversation_participants SET left_at = now()
       WHERE conversation_id = $1 AND participant_kind = 'agent' AND left_at IS NULL`,
      [id],
    );
    if (agentId) {
      await manager.query(
        `INSERT INTO conversation_participants (conversation_id, participant_kind, participant_id)
         VALUES ($1, 'agent', $2)`,
        [id, agentId],
      );
    }
  }

  /** Whether this member of staff ever served the conversation: they may read its transcript. */
  async servedBy(id: string, agentId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM conversation_participants WHERE conversation_id = $1 AND participant_kind = 'agent'
         AND participant_id = $2 LIMIT 1`,
      [id, agentId],
    );
    return rows.length > 0;
  }

  /** Who serves the conversation now, without taking its lock (a read that may be a moment behind a transfer). */
  async currentAgent(id: string): Promise<string | null> {
    const rows: Array<{ participant_id: string }> = await this.dataSource.query(
      `SELECT participant_id FROM conversation_participants
       WHERE conversation_id = $1 AND participant_kind = 'agent' AND left_at IS NULL`,
      [id],
    );
    return rows[0]?.participant_id ?? null;
  }

  /** Every member of staff who served the conversation, in the order they joined it. */
  async agentsOf(id: string): Promise<string[]> {
    const rows: Array<{ participant_id: string }> = await this.dataSource.query(
      `SELECT participant_id FROM conversation_participants WHERE conversation_id = $1 AND participant_kind = 'agent'
       GROUP BY participant_id ORDER BY min(joined_at)`,
      [id],
    );
    return rows.map((row) => row.participant_id);
  }

  async saveClosure(manager: EntityManager, closure: Closure): Promise<void> {
    await manager.query(
      `INSERT INTO conversation_closures (conversation_id, closed_by, disposition, summary, closed_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [closure.conversationId, closure.closedBy, closure.disposition, closure.summary, closure.closedAt],
    );
  }

  /** Stores messages and moves the conversation on in one statement: a turn is as few round trips as it can be. */
  async append(manager: EntityManager, id: string, messages: NewMessage[], change: ConversationChange): Promise<void> {
    const statement = new GuardedStatement();
    this.appendTo(statement, id, messages, change);
    if (!(await statement.run(manager))) throw new Error(`conversation ${id} is gone`);
  }

  /**
   * Adds a turn's write to `statement`: the conversation moves on (the guard; with `expected`, only if it is still at
   * that seq and state) and its messages are stored with it.
   */
  appendTo(
    statement: GuardedStatement,
    id: string,
    messages: NewMessage[],
    change: ConversationChange,
    expected?: { lastSeq: number; state: ConversationState },
  ): void {
    const state = statement.param(change.state);
    const precondition = expected
      ? ` AND last_seq = ${statement.param(expected.lastSeq)} AND state = ${statement.param(expected.state)}`
      : '';
    statement.guard(
      `UPDATE conversations SET last_seq = ${statement.param(change.lastSeq)}, state = ${state},
         handoff = COALESCE(${statement.param(change.handoff ? JSON.stringify(change.handoff) : null)}::jsonb, handoff),
         updated_at = now(), closed_at = CASE WHEN ${state} = 'closed' THEN now() ELSE closed_at END
       WHERE id = ${statement.param(id)}${precondition} RETURNING id`,
    );
    this.addMessages(statement, messages);
  }

  private addMessages(statement: GuardedStatement, messages: NewMessage[]): void {
    if (messages.length === 0) return;
    const tuples = messages.map(
      (message) =>
        `(${statement.param(message.seq)}::int, ${statement.param(message.clientMessageId)}::text,
          ${statement.param(message.replyTo)}::int, ${statement.param(message.senderKind)}::text,
          ${statement.param(message.senderId)}::text, ${statement.param(message.kind)}::text,
          ${statement.param(message.body)}::bytea,
          ${statement.param(message.reading === undefined ? null : JSON.stringify(message.reading))}::jsonb,
          ${statement.param(message.itemId ?? null)}::text, ${statement.param(message.createdAt)}::timestamptz)`,
    );
    statement.add(
      `INSERT INTO conversation_messages (conversation_id, seq, client_message_id, reply_to, sender_kind, sender_id,
         kind, body, reading, item_id, created_at)
       SELECT guard.id, m.* FROM guard, (VALUES ${tuples.join(', ')})
         AS m (seq, client_message_id, reply_to, sender_kind, sender_id, kind, body, reading, item_id, created_at)`,
    );
  }
}

export interface Closure {
  conversationId: string;
  closedBy: string;
  disposition: string;
  summary: Buffer | null;
  closedAt: Date;
}

export interface ConversationChange {
  lastSeq: number;
  state: ConversationState;
  handoff?: { reason: string; reading: BotReading; at: string };
}

/**
 * Takes the conversation's row lock on its own, before reading what it guards: a statement that waited for the lock
 * keeps the snapshot of its start for its other reads (READ COMMITTED), so a subquery in the locking statement would
 * miss the message a concurrent resend's original just committed. The next statement sees it.
 */
async function lockRow(executor: SqlExecutor, id: string): Promise<void> {
  await executor.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [id]);
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const { code, constraint: violated } = error as { code?: string; constraint?: string };
  return code === UNIQUE_VIOLATION && violated === constraint;
}

function toConversation(row: ConversationRow): Conversation {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
