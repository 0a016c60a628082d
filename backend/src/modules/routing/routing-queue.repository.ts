import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { GuardedStatement } from '../../common/database/guarded-statement.ts';
import type { QueueEntry, QueueState } from './routing.ts';

const COLUMNS = `q.conversation_id AS "conversationId", q.visitor_id AS "visitorId", q.group_id AS "groupId", q.state,
  q.reason, q.enqueued_at AS "enqueuedAt", q.agent_id AS "agentId", q.assigned_at AS "assignedAt",
  q.ticket_id AS "ticketId"`;

/** Queue order: first come, first served; the id breaks ties so every replica agrees on the order. */
const WAITING_BEFORE = `w.state = 'waiting' AND w.group_id IS NOT DISTINCT FROM q.group_id
  AND (w.enqueued_at, w.conversation_id) < (q.enqueued_at, q.conversation_id)`;

export type LiveEntry = QueueEntry & { position: number | null };

/** The only code that knows the SQL of routing_queue. */
@Injectable()
export class RoutingQueueRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the conversation's entry to a guarded statement (see GuardedStatement); `group` is SQL giving its id. */
  enqueueIn(
    statement: GuardedStatement,
    entry: { conversationId: string; visitorId: string; group: string; reason: string },
  ): void {
    // The clock at the insert, not the statement's start: the handoff commits right after it, so queue order is as
    // close to the order customers became visible to the dispatchers as PostgreSQL can tell.
    statement.add(
      `INSERT INTO routing_queue (conversation_id, visitor_id, group_id, state, reason, enqueued_at)
       SELECT ${statement.param(entry.conversationId)}::uuid, ${statement.param(entry.visitorId)}::text, ${entry.group},
         'waiting', ${statement.param(entry.reason)}::text, clock_timestamp() FROM guard
       ON CONFLICT (conversation_id) DO NOTHING`,
    );
  }

  /** Groups (null: none could be chosen) with customers waiting. */
  async waitingGroups(): Promise<Array<string | null>> {
    const rows: Array<{ groupId: string | null }> = await this.dataSource.query(
      `SELECT DISTINCT group_id AS "groupId" FROM routing_queue WHERE state = 'waiting'`,
    );
    return rows.map((row) => row.groupId);
  }

  /**
   * Takes the group's dispatch turn, then locks its longest-waiting entry. The turn (a transaction-level advisory
   * lock) makes replicas serve one group's queue one assignment at a time, strictly first come first served: with row
   * locks alone a replica would skip a head another replica holds and seat the customer behind it. SKIP LOCKED still
   * passes over an entry a transfer or takeover is moving.
   */
  async lockHead(manager: EntityManager, groupId: string | null): Promise<QueueEntry | undefined> {
    await manager.query(
      "SELECT pg_advisory_xact_lock(hashtextextended('routing-queue:' || COALESCE($1::text, ''), 0))",
      [groupId],
    );
    const rows: QueueEntry[] = await manager.query(
      `SELECT ${COLUMNS} FROM routing_queue q WHERE q.state = 'waiting' AND q.group_id IS NOT DISTINCT FROM $1
       ORDER BY q.enqueued_at, q.conversation_id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [groupId],
    );
    return rows[0];
  }

  async lock(manager: EntityManager, conversationId: string): Promise<QueueEntry | undefined> {
    const rows: QueueEntry[] = await manager.query(
      `SELECT ${COLUMNS} FROM routing_queue q WHERE q.conversation_id = $1 FOR UPDATE`,
      [conversationId],
    );
    return rows[0];
  }

  /** The agent who last served this customer in another conversation. */
  async previousAgent(manager: EntityManager, visitorId: string, conversationId: string): Promise<string | null> {
    const rows: Array<{ agentId: string }> = await manager.query(
      `SELECT agent_id AS "agentId" FROM routing_queue WHERE visitor_id = $1 AND conversation_id <> $2
         AND agent_id IS NOT NULL ORDER BY assigned_at DESC NULLS LAST LIMIT 1`,
      [visitorId, conversationId],
    );
    return rows[0]?.agentId ?? null;
  }

  async assign(manager: EntityManager, conversationId: string, agentId: string): Promise<void> {
    await manager.query(
      `UPDATE routing_queue SET state = 'assigned', agent_id = $2, assigned_at = clock_timestamp()
       WHERE conversation_id = $1`,
      [conversationId, agentId],
    );
  }

  /** Waiting again in `groupId`'s queue (none: the dispatcher overflows it into a ticket). */
  async requeue(manager: EntityManager, conversationId: string, groupId: string | null): Promise<void> {
    await manager.query(
      `UPDATE routing_queue SET state = 'waiting', group_id = $2, agent_id = NULL, assigned_at = NULL
       WHERE conversation_id = $1`,
      [conversationId, groupId],
    );
  }

  async finish(
    manager: EntityManager,
    conversationId: string,
    state: Extract<QueueState, 'ended' | 'overflowed'>,
    ticketId: string | null = null,
  ): Promise<void> {
    await manager.query(
      `UPDATE routing_queue SET state = $2, ticket_id = COALESCE($3, ticket_id), ended_at = now()
       WHERE conversation_id = $1`,
      [conversationId, state, ticketId],
    );
  }

  /** The entry with its place in the queue (1 = next) while waiting. */
  async withPosition(conversationId: string): Promise<LiveEntry | undefined> {
    const rows: LiveEntry[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, CASE WHEN q.state = 'waiting'
         THEN (SELECT count(*) FROM routing_queue w WHERE ${WAITING_BEFORE})::int + 1 END AS position
       FROM routing_queue q WHERE q.conversation_id = $1`,
      [conversationId],
    );
    return rows[0];
  }

  /** Waiting and assigned conversations, waiting ones with their position: the supervisor's live board. */
  async live(groupId: string | undefined, limit: number): Promise<LiveEntry[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS}, CASE WHEN q.state = 'waiting' THEN row_number() OVER (
           PARTITION BY q.group_id, q.state ORDER BY q.enqueued_at, q.conversation_id)::int END AS position
       FROM routing_queue q WHERE q.state IN ('waiting', 'assigned') AND ($1::uuid IS NULL OR q.group_id = $1)
       ORDER BY q.state DESC, q.group_id, q.enqueued_at, q.conversation_id LIMIT $2`,
      [groupId ?? null, limit],
    );
  }

  async assignedTo(agentId: string): Promise<QueueEntry[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing_queue q WHERE q.state = 'assigned' AND q.agent_id = $1 ORDER BY q.assigned_at`,
      [agentId],
    );
  }

  /**
   * Conversations assigned to agents routing set offline because their console went silent and who are silent still
   * (see SilentAgents; one who took a conversation over since, console open, is not).
   */
  async assignedToSilentAgents(silentSeconds: number): Promise<QueueEntry[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM routing_queue q JOIN routing_agents a ON a.agent_id = q.agent_id
       WHERE q.state = 'assigned' AND a.presence_timed_out
         AND a.last_seen_at < clock_timestamp() - make_interval(secs => $1)
       ORDER BY q.assigned_at`,
      [silentSeconds],
    );
  }

  async activeInGroup(manager: EntityManager, groupId: string): Promise<number> {
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM routing_queue WHERE group_id = $1 AND state IN ('waiting', 'assigned')`,
      [groupId],
    );
    return rows[0].n;
  }
}
