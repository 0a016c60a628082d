import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { presentStates, type RoutingGroup } from './routing.ts';

const COLUMNS = `g.id, g.name, g.strategy, g.working_hours AS "workingHours", g.handoff_default AS "handoffDefault",
  COALESCE((SELECT array_agg(m.agent_id ORDER BY m.agent_id) FROM routing_group_members m WHERE m.group_id = g.id),
    '{}') AS "memberIds"`;

/** The only code that knows the SQL of routing_groups and routing_group_members. */
@Injectable()
export class RoutingGroupRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<RoutingGroup[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM routing_groups g ORDER BY g.name`);
  }

  async byId(id: string, manager?: EntityManager, forUpdate = false): Promise<RoutingGroup | undefined> {
    const rows: RoutingGroup[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM routing_groups g WHERE g.id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async byName(manager: EntityManager, name: string): Promise<RoutingGroup | undefined> {
    const rows: RoutingGroup[] = await manager.query(`SELECT ${COLUMNS} FROM routing_groups g WHERE g.name = $1`, [
      name,
    ]);
    return rows[0];
  }

  /** The group that takes handoffs (null when none does), as a scalar subquery for another module's statement. */
  readonly handoffDefaultSql = '(SELECT id FROM routing_groups WHERE handoff_default)';

  async save(manager: EntityManager, group: Omit<RoutingGroup, 'memberIds'>): Promise<void> {
    // Only one group takes handoffs: choosing a new one releases the old one in the same transaction.
    if (group.handoffDefault) {
      await manager.query('UPDATE routing_groups SET handoff_default = false WHERE handoff_default AND id <> $1', [
        group.id,
      ]);
    }
    await manager.query(
      `INSERT INTO routing_groups (id, name, strategy, working_hours, handoff_default) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = $2, strategy = $3, working_hours = $4, handoff_default = $5,
         updated_at = now()`,
      [
        group.id,
        group.name,
        group.strategy,
        group.workingHours ? JSON.stringify(group.workingHours) : null,
        group.handoffDefault,
      ],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM routing_group_members WHERE group_id = $1', [id]);
    await manager.query('DELETE FROM routing_groups WHERE id = $1', [id]);
  }

  async addMember(manager: EntityManager, groupId: string, agentId: string): Promise<void> {
    await manager.query(
      'INSERT INTO routing_group_members (group_id, agent_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [groupId, agentId],
    );
  }

  async removeMember(manager: EntityManager, groupId: string, agentId: string): Promise<boolean> {
    const rows = await manager.query(
      `WITH gone AS (DELETE FROM routing_group_members WHERE group_id = $1 AND agent_id = $2 RETURNING 1)
       SELECT * FROM gone`,
      [groupId, agentId],
    );
    return rows.length > 0;
  }

  /** Members at their desk (online or busy), by group: a group without any overflows its queue. */
  async presentMembers(manager?: EntityManager): Promise<Map<string, number>> {
    const rows: Array<{ groupId: string; present: number }> = await (manager ?? this.dataSource).query(
      `SELECT m.group_id AS "groupId", count(*)::int AS present FROM routing_group_members m
       JOIN routing_agents a ON a.agent_id = m.agent_id WHERE a.presence = ANY($1) GROUP BY m.group_id`,
      [presentStates],
    );
    return new Map(rows.map((row) => [row.groupId, row.present]));
  }
}
