import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AnalyticsFilter } from './analytics-filter.ts';
import type { AgentLoad, ConversationCounts, DayCount, HourCount, ServiceTimes } from './analytics-report.ts';

/**
 * The conversations a report covers, with their routing entry. Every figure starts from this, so all of them agree on
 * what is in range. $1..$4 are always from, to, channel and group.
 */
const SCOPE = `scope AS (
  SELECT c.id, c.created_at, c.closed_at, c.handoff IS NOT NULL AS handed_off, q.enqueued_at
  FROM conversations c LEFT JOIN routing_queue q ON q.conversation_id = c.id
  WHERE c.created_at >= $1 AND c.created_at < $2 AND ($3::text IS NULL OR c.channel = $3)
    AND ($4::uuid IS NULL OR q.group_id = $4))`;

const SECONDS = (interval: string) => `extract(epoch FROM ${interval})::float8`;

export interface Ranked {
  key: string;
  count: number;
}

/**
 * The only code that knows the SQL of analytics. It reads other modules' tables and never writes them: figures are
 * computed from the raw rows (conversations, messages metadata, participants, routing and its presence history,
 * unanswered questions, ratings)
 * on every request, so they cannot drift from what happened. Message bodies are never read.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async conversationCounts(filter: AnalyticsFilter, manager?: EntityManager): Promise<ConversationCounts> {
    const [row] = await this.run<ConversationCounts>(
      manager,
      `WITH ${SCOPE},
       facts AS (
         SELECT m.conversation_id AS id,
           bool_or(m.sender_kind = 'visitor') AS engaged,
           bool_or(m.sender_kind = 'bot' AND m.kind = 'answer') AS answered,
           count(DISTINCT m.reply_to) FILTER (WHERE m.sender_kind = 'bot') AS turns
         FROM conversation_messages m JOIN scope s ON s.id = m.conversation_id GROUP BY m.conversation_id)
       SELECT count(*)::int AS total,
         count(*) FILTER (WHERE f.engaged)::int AS engaged,
         count(*) FILTER (WHERE f.engaged AND f.answered AND NOT s.handed_off)::int AS "botResolved",
         count(*) FILTER (WHERE f.engaged AND s.handed_off)::int AS "handedOff",
         COALESCE(sum(f.turns), 0)::int AS "botTurns",
         (SELECT count(*)::int FROM bot_unanswered_questions u JOIN scope s ON s.id = u.conversation_id) AS unanswered
       FROM scope s LEFT JOIN facts f ON f.id = s.id`,
      filter,
    );
    return row;
  }

  async faqHits(filter: AnalyticsFilter, limit: number, manager?: EntityManager): Promise<Ranked[]> {
    return this.run(
      manager,
      `WITH ${SCOPE}
       SELECT m.item_id AS key, count(*)::int AS count FROM conversation_messages m JOIN scope s ON s.id = m.conversation_id
       WHERE m.sender_kind = 'bot' AND m.kind = 'answer' AND m.item_id IS NOT NULL
       GROUP BY m.item_id ORDER BY count(*) DESC, m.item_id COLLATE "C" LIMIT $5`,
      filter,
      [limit],
    );
  }

  /** Unanswered questions by the label the bot found closest: the knowledge the base lacks or words badly. */
  async faqMisses(filter: AnalyticsFilter, limit: number, manager?: EntityManager): Promise<Ranked[]> {
    return this.run(
      manager,
      `WITH ${SCOPE}
       SELECT u.best_label AS key, count(*)::int AS count FROM bot_unanswered_questions u JOIN scope s
         ON s.id = u.conversation_id
       GROUP BY u.best_label ORDER BY count(*) DESC, u.best_label COLLATE "C" LIMIT $5`,
      filter,
      [limit],
    );
  }

  /** How many ratings of each value, 1 to 5. */
  async ratings(filter: AnalyticsFilter, manager?: EntityManager): Promise<Array<{ rating: number; count: number }>> {
    return this.run(
      manager,
      `WITH ${SCOPE}
       SELECT r.rating::int AS rating, count(*)::int AS count FROM conversation_ratings r JOIN scope s
         ON s.id = r.conversation_id GROUP BY r.rating ORDER BY r.rating`,
      filter,
    );
  }

  /**
   * Waiting, answering and handling times of handed-off conversations. A response is the first agent message after
   * one or more customer messages, timed from the first of them: messages are numbered by how many agent messages
   * came before, and each number's earliest customer message and its agent message make one exchange.
   */
  async serviceTimes(filter: AnalyticsFilter, manager?: EntityManager): Promise<ServiceTimes> {
    const [row] = await this.run<ServiceTimes>(
      manager,
      `WITH ${SCOPE},
       handed AS (
         SELECT s.id, s.enqueued_at, s.closed_at,
           (SELECT min(p.joined_at) FROM conversation_participants p
              WHERE p.conversation_id = s.id AND p.participant_kind = 'agent') AS joined_at,
           (SELECT min(m.created_at) FROM conversation_messages m
              WHERE m.conversation_id = s.id AND m.sender_kind = 'agent') AS first_reply_at
         FROM scope s WHERE s.enqueued_at IS NOT NULL),
       numbered AS (
         SELECT m.conversation_id, m.sender_kind, m.created_at,
           count(*) FILTER (WHERE m.sender_kind = 'agent') OVER (PARTITION BY m.conversation_id ORDER BY m.seq
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS answers_before
         FROM conversation_messages m JOIN handed h ON h.id = m.conversation_id
         WHERE m.sender_kind IN ('visitor', 'agent') AND m.created_at >= h.enqueued_at),
       exchanges AS (
         SELECT min(created_at) FILTER (WHERE sender_kind = 'visitor') AS asked_at,
           min(created_at) FILTER (WHERE sender_kind = 'agent') AS answered_at
         FROM numbered GROUP BY conversation_id, answers_before)
       SELECT
         avg(${SECONDS('first_reply_at - enqueued_at')}) AS "firstResponseSeconds",
         count(first_reply_at)::int AS "firstResponses",
         (SELECT avg(${SECONDS('answered_at - asked_at')}) FROM exchanges
            WHERE asked_at IS NOT NULL AND answered_at IS NOT NULL) AS "responseSeconds",
         (SELECT count(*)::int FROM exchanges WHERE asked_at IS NOT NULL AND answered_at IS NOT NULL) AS responses,
         avg(${SECONDS('joined_at - enqueued_at')}) AS "queueWaitSeconds",
         max(${SECONDS('joined_at - enqueued_at')}) AS "maxQueueWaitSeconds",
         count(joined_at)::int AS "servedFromQueue",
         avg(${SECONDS('closed_at - joined_at')}) AS "handleSeconds",
         count(closed_at - joined_at)::int AS handled
       FROM handed`,
      filter,
    );
    return row;
  }

  /**
   * Per agent, over the range itself rather than the conversations started in it (occupancy is time-based):
   *  - handled: their time in conversations of the channel and group (joined until left, until now if still there),
   *    clipped to [from, to), and how many such conversations overlap it;
   *  - available: the time their presence was online or busy, clipped to [from, to) and to now, each stretch
   *    weighted by the capacity logged with it (seat seconds). The state at `from` is the agent's last logged change
   *    before it, found per agent through the (agent_id, changed_at) index; no change yet means offline.
   * Agents appear who handled something, or were available and (under a group filter) are members of the group.
   */
  async agentLoads(filter: AnalyticsFilter, manager?: EntityManager): Promise<AgentLoad[]> {
    return this.run(
      manager,
      `WITH handled AS (
         SELECT p.participant_id AS agent_id, count(DISTINCT p.conversation_id)::int AS conversations,
           sum(${SECONDS('least(COALESCE(p.left_at, now()), $2) - greatest(p.joined_at, $1)')}) AS served_seconds
         FROM conversation_participants p JOIN conversations c ON c.id = p.conversation_id
           LEFT JOIN routing_queue q ON q.conversation_id = c.id
         WHERE p.participant_kind = 'agent' AND p.joined_at < $2 AND COALESCE(p.left_at, now()) > $1
           AND ($3::text IS NULL OR c.channel = $3) AND ($4::uuid IS NULL OR q.group_id = $4)
         GROUP BY p.participant_id),
       changes AS (
         SELECT before.* FROM routing_agents a CROSS JOIN LATERAL (
           SELECT h.id, h.agent_id, h.presence, h.capacity, h.changed_at FROM agent_presence_changes h
           WHERE h.agent_id = a.agent_id AND h.changed_at < $1 ORDER BY h.changed_at DESC, h.id DESC LIMIT 1) before
         UNION ALL
         SELECT h.id, h.agent_id, h.presence, h.capacity, h.changed_at FROM agent_presence_changes h
         WHERE h.changed_at >= $1 AND h.changed_at < $2),
       stretches AS (
         SELECT agent_id, presence, capacity, ${SECONDS(
           'least(lead(changed_at) OVER (PARTITION BY agent_id ORDER BY changed_at, id), $2, now()) - greatest(changed_at, $1)',
         )} AS seconds
         FROM changes),
       available AS (
         SELECT agent_id, sum(seconds) AS available_seconds, sum(capacity * seconds) AS seat_seconds FROM stretches
         WHERE presence IN ('online', 'busy') AND seconds > 0 GROUP BY agent_id)
       SELECT COALESCE(h.agent_id, v.agent_id) AS "agentId", a.display_name AS "displayName",
         COALESCE(h.conversations, 0) AS conversations, COALESCE(h.served_seconds, 0) AS "servedSeconds",
         COALESCE(v.available_seconds, 0) AS "availableSeconds", COALESCE(v.seat_seconds, 0) AS "seatSeconds"
       FROM handled h FULL JOIN available v ON v.agent_id = h.agent_id
         LEFT JOIN routing_agents a ON a.agent_id = COALESCE(h.agent_id, v.agent_id)
       WHERE h.agent_id IS NOT NULL OR $4::uuid IS NULL
         OR EXISTS (SELECT 1 FROM routing_group_members m WHERE m.group_id = $4 AND m.agent_id = v.agent_id)
       ORDER BY COALESCE(h.agent_id, v.agent_id) COLLATE "C"`,
      filter,
    );
  }

  /** Conversations started and messages written in each hour of the day (0–23) in the filter's time zone. */
  async hourlyVolume(filter: AnalyticsFilter, manager?: EntityManager): Promise<HourCount[]> {
    return this.run(
      manager,
      `WITH ${SCOPE},
       started AS (SELECT extract(hour FROM s.created_at AT TIME ZONE $5)::int AS hour, count(*)::int AS n
         FROM scope s GROUP BY 1),
       written AS (SELECT extract(hour FROM m.created_at AT TIME ZONE $5)::int AS hour, count(*)::int AS n
         FROM conversation_messages m JOIN scope s ON s.id = m.conversation_id GROUP BY 1)
       SELECT h AS hour, COALESCE(started.n, 0) AS conversations, COALESCE(written.n, 0) AS messages
       FROM generate_series(0, 23) h LEFT JOIN started ON started.hour = h LEFT JOIN written ON written.hour = h
       ORDER BY h`,
      filter,
      [filter.timeZone],
    );
  }

  /** Conversations started on each calendar day of the range in the filter's time zone (days without any left out). */
  async dailyVolume(filter: AnalyticsFilter, manager?: EntityManager): Promise<DayCount[]> {
    return this.run(
      manager,
      `WITH ${SCOPE}
       SELECT to_char(s.created_at AT TIME ZONE $5, 'YYYY-MM-DD') AS day, count(*)::int AS conversations
       FROM scope s GROUP BY 1 ORDER BY 1`,
      filter,
      [filter.timeZone],
    );
  }

  private run<T>(
    manager: EntityManager | undefined,
    sql: string,
    filter: AnalyticsFilter,
    extra: unknown[] = [],
  ): Promise<T[]> {
    const values = [filter.from, filter.to, filter.channel ?? null, filter.groupId ?? null, ...extra];
    return (manager ?? this.dataSource.manager).query(sql, values);
  }
}
