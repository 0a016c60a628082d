import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FieldDefinition } from './ticket-field.ts';

const COLUMNS = 'key, label, type, options, required';

/** The only code that knows the SQL of ticket_fields. */
@Injectable()
export class TicketFieldRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(manager?: EntityManager): Promise<FieldDefinition[]> {
    return (manager ?? this.dataSource).query(`SELECT ${COLUMNS} FROM ticket_fields ORDER BY key`);
  }

  /** Creates or replaces one definition; says whether it existed. */
  async upsert(manager: EntityManager, field: FieldDefinition): Promise<boolean> {
    const rows: Array<{ created: boolean }> = await manager.query(
      `INSERT INTO ticket_fields (key, label, type, options, required) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (key) DO UPDATE SET label = $2, type = $3, options = $4, required = $5, updated_at = now()
       RETURNING (xmax = 0) AS created`,
      [field.key, field.label, field.type, JSON.stringify(field.options), field.required],
    );
    return !rows[0].created;
  }

  async delete(manager: EntityManager, key: string): Promise<boolean> {
    // A CTE makes this a SELECT to TypeORM, which hands back the rows (for DELETE … RETURNING it returns [rows, count]).
    const rows = await manager.query(
      'WITH gone AS (DELETE FROM ticket_fields WHERE key = $1 RETURNING key) SELECT * FROM gone',
      [key],
    );
    return rows.length > 0;
  }
}
