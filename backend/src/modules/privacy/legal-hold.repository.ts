import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { DataClass } from './data-class.ts';

export interface LegalHold {
  id: string;
  dataClass: DataClass;
  subjectId: string | null;
  reason: string;
  placedBy: string;
  placedAt: Date;
  releasedAt: Date | null;
}

const COLUMNS = `id, data_class AS "dataClass", subject_id AS "subjectId", reason, placed_by AS "placedBy",
  placed_at AS "placedAt", released_at AS "releasedAt"`;

/** The only code that knows the SQL of legal_holds. */
@Injectable()
export class LegalHoldRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, hold: Omit<LegalHold, 'placedAt' | 'releasedAt'>): Promise<LegalHold> {
    const rows: LegalHold[] = await manager.query(
      `INSERT INTO legal_holds (id, data_class, subject_id, reason, placed_by) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [hold.id, hold.dataClass, hold.subjectId, hold.reason, hold.placedBy],
    );
    return rows[0] as LegalHold;
  }

  async release(manager: EntityManager, id: string, releasedBy: string): Promise<LegalHold | undefined> {
    // A CTE makes this a SELECT to TypeORM, which hands back the rows (for UPDATE … RETURNING it returns [rows, count]).
    const rows: LegalHold[] = await manager.query(
      `WITH released AS (
         UPDATE legal_holds SET released_at = now(), released_by = $2 WHERE id = $1 AND released_at IS NULL RETURNING *)
       SELECT ${COLUMNS} FROM released`,
      [id, releasedBy],
    );
    return rows[0];
  }

  async active(dataClass: DataClass, manager?: EntityManager): Promise<LegalHold[]> {
    return (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM legal_holds WHERE data_class = $1 AND released_at IS NULL ORDER BY placed_at`,
      [dataClass],
    );
  }
}
