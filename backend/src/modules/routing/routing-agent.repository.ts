import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Presence, RoutingAgent, Strategy } from './routing.ts';

const COLUMNS = `a.agent_id AS "agentId", a.display_name AS "displayName", a.presence,
  a.presence_timed_out AS "presenceTimedOut", a.capacity, a.active,
  COALESCE((SELECT array_agg(m.group_id ORDER BY m.group_id) FROM routing_group_members m
    WHERE m.agent_id = a.agent_id), '{}') AS "groupIds"`;

/** Every change of an agent's presence or capacity appends the agent's new state here (docs/analytics.md reads it). */
const LOG_CHANGE = 'INSERT INTO agent_presence_changes (agent_id, presence, capacity, changed_at)';

/** The order candidates are tried in, per strategy; every one ends on the agent id so the choice is deterministic. */
const candidateOrder: Record<Strategy, string> = {
  'least-busy': 'a.active, m.last_assigned_at NULLS FIRST, a.agent_id',
  'round-robin': 'm.last_assigned_at NULLS FIRST, a.agent_id',
  'previous-agent': '(a.agent_id = $2::text) IS TRUE DESC, a.active, m.last_assigned_at NULLS FIRST, a.agent_id',
};

/** The only code that knows the SQL of routing_agents and writes its history, agent_presence_changes. */
@Injectable()
export class RoutingAgentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<RoutingAgent[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM routing_agents a ORDER BY a.agent_id`);
  }

  async byId(agentId: string, manager?: EntityManager): Promise<RoutingAgent | undefined> {
    const rows: RoutingAgent[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM routing_agents a WHERE a.agent_id = $1`,
      [agentId],
    );
    return rows[0];
  }

  /**
   * Creates the agent on first sight (signing in, joining a group); a known agent keeps their settings. `seen`: the
   * agent themselves is asking (their console is open), which keeps their presence from timing out.
   */
  async ensure(
    manager: EntityManager,
    agentId: string,
    displayName: string | null,
    capacity: number,
    { seen }: { seen: boolean } = { seen: false },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO routing_agents (agent_id, display_name, capacity) VALUES ($1, COALESCE($2, $1), $3)
       ON CONFLICT (agent_id) DO UPDATE SET display_name = COALESCE($2, routing_agents.display_name),
         last_seen_at = CASE WHEN $4 THEN clock_timestamp() ELSE routing_agents.last_seen_at END`,
      [agentId, displayName, capacity, seen],
    );
  }

  /**
   * Sets offline every online or busy agent whose console has been silent for `timeoutSeconds`, logging each change
   * as setPresence does (one statement), and answers who. Runs under the row locks of the agents it changes, so an
   * agent whose console was seen meanwhile is re-checked and left as they are.
   */
  async setSilentOffline(timeoutSeconds: number): Promise<string[]> {
    const rows: Array<{ agent_id: string }> = await this.dataSource.query(
      `WITH changed AS (
         UPDATE routing_agents SET presence = 'offline', presence_timed_out = true, presence_changed_at = clock_timestamp()
         WHERE presence IN ('online', 'busy') AND last_seen_at < clock_timestamp() - make_interval(secs => $1)
         RETURNING agent_id, presence, capacity, presence_changed_at)
       ${LOG_CHANGE} SELECT agent_id, presence, capacity, presence_changed_at FROM changed RETURNING agent_id`,
      [timeoutSeconds],
    );
    return rows.map((row) => row.agent_id);
  }

  /** Whether routing set the agent offline for a silent console and it is silent still; locks the agent's row. */
  async lockIfSilent(manager: EntityManager, agentId: string, silentSeconds: number): Promise<boolean> {
    const rows = await manager.query(
      `SELECT 1 FROM routing_agents WHERE agent_id = $1 AND presence_timed_out
         AND last_seen_at < clock_timestamp() - make_interval(secs => $2) FOR UPDATE`,
      [agentId, silentSeconds],
    );
    return rows.length === 1;
  }

  /**
   * Changes presence and logs the change in one statement, so the history (agent_presence_changes) and the current
   * state never disagree, whatever transaction the caller is in. Setting the presence the agent already has changes
   * nothing and logs nothing. The time is read once the row is locked (clock_timestamp, not the transaction's start),
   * so an agent's changes are logged in the order they took effect.
   */
  async setPresence(manager: EntityManager, agentId: string, presence: Presence): Promise<void> {
    await manager.query(
      `WITH changed AS (
         UPDATE routing_agents SET presence = $2, presence_timed_out = false, presence_changed_at = clock_timestamp()
         WHERE agent_id = $1 AND presence <> $2 RETURNING agent_id, presence, capacity, presence_changed_at)
       ${LOG_CHANGE} SELECT agent_id, presence, capacity, presence_changed_at FROM changed`,
      [agentId, presence],
    );
  }

  /** Changes capacity and logs it with the agent's presence, as setPresence does. */
  async setCapacity(manager: EntityManager, agentId: string, capacity: number): Promise<void> {
    await manager.query(
      `WITH changed AS (
         UPDATE routing_agents SET capacity = $2 WHERE agent_id = $1 AND capacity <> $2
         RETURNING agent_id, presence, capacity)
       ${LOG_CHANGE} SELECT agent_id, presence, capacity, clock_timestamp() FROM changed`,
      [agentId, capacity],
    );
  }

  /**
   * Locks the first online member of the group with room, in the strategy's order. SKIP LOCKED lets another
   * replica's assignment hold an agent without this one waiting for it; the caller still takes the seat with
   * `occupy`, whose guard re-reads the row after the lock.
   */
  async lockCandidate(
    manager: EntityManager,
    groupId: string,
    strategy: Strategy,
    previousAgentId: string | null,
  ): Promise<{ agentId: string; displayName: string } | undefined> {
    const rows: Array<{ agentId: string; displayName: string }> = await manager.query(
      `SELECT a.agent_id AS "agentId", a.display_name AS "displayName"
       FROM routing_agents a JOIN routing_group_members m ON m.agent_id = a.agent_id AND m.group_id = $1
       WHERE a.presence = 'online' AND a.active < a.capacity
       ORDER BY ${candidateOrder[strategy]}
       LIMIT 1 FOR UPDATE OF a SKIP LOCKED`,
      strategy === 'previous-agent' ? [groupId, previousAgentId] : [groupId],
    );
    return rows[0];
  }

  /** Takes one seat; false if the agent has none left (capacity is never exceeded, whoever asks). */
  async occupy(
    manager: EntityManager,
    agentId: string,
    groupId: string | null,
    overCapacity = false,
  ): Promise<boolean> {
    const rows = await manager.query(
      `WITH taken AS (
         UPDATE routing_agents SET active = active + 1 WHERE agent_id = $1 AND ($2 OR active < capacity) RETURNING 1)
       SELECT * FROM taken`,
      [agentId, overCapacity],
    );
    if (rows.length === 0) return false;
    if (groupId) {
      await manager.query(
        'UPDATE routing_group_members SET last_assigned_at = clock_timestamp() WHERE group_id = $1 AND agent_id = $2',
        [groupId, agentId],
      );
    }
    return true;
  }

  async release(manager: EntityManager, agentId: string): Promise<void> {
    await manager.query('UPDATE routing_agents SET active = active - 1 WHERE agent_id = $1', [agentId]);
  }
}
