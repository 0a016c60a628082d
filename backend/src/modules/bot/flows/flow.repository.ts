import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Flow } from './flow-definition.ts';

export interface StoredFlow extends Flow {
  updatedBy: string;
  updatedAt: Date;
}

const COLUMNS = `id, version, triggers, enabled, definition, updated_by AS "updatedBy", updated_at AS "updatedAt"`;

/** The only code that knows the SQL of bot_flows. */
@Injectable()
export class FlowRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  all(): Promise<StoredFlow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM bot_flows ORDER BY id`);
  }

  async byId(id: string, manager?: EntityManager, forUpdate = false): Promise<StoredFlow | undefined> {
    const rows: StoredFlow[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM bot_flows WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  /** Inserts unless a flow with this id exists; tells whether it did. */
  async insert(manager: EntityManager, flow: Flow, updatedBy: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO bot_flows (id, version, triggers, enabled, definition, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [flow.id, flow.version, flow.triggers, flow.enabled, JSON.stringify(flow.definition), updatedBy],
    );
    return rows.length > 0;
  }

  async update(manager: EntityManager, flow: Flow, updatedBy: string): Promise<void> {
    await manager.query(
      `UPDATE bot_flows SET version = $2, triggers = $3, enabled = $4, definition = $5, updated_by = $6, updated_at = now()
        WHERE id = $1`,
      [flow.id, flow.version, flow.triggers, flow.enabled, JSON.stringify(flow.definition), updatedBy],
    );
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.query('DELETE FROM bot_flows WHERE id = $1', [id]);
  }
}
