import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface CannedReply {
  id: string;
  title: string;
  body: string;
  /** null: for everyone. */
  groupId: string | null;
  createdBy: string;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, title, body, group_id AS "groupId", created_by AS "createdBy", updated_by AS "updatedBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The only code that knows the SQL of canned_replies. */
@Injectable()
export class CannedReplyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every reply, or the global ones and those of one group; global first, then by title. */
  list(groupId: string | undefined): Promise<CannedReply[]> {
    return groupId
      ? this.dataSource.query(
          `SELECT ${COLUMNS} FROM canned_replies WHERE group_id IS NULL OR group_id = $1
           ORDER BY group_id NULLS FIRST, title LIMIT 1000`,
          [groupId],
        )
      : this.dataSource.query(`SELECT ${COLUMNS} FROM canned_replies ORDER BY group_id NULLS FIRST, title LIMIT 1000`);
  }

  async insert(
    manager: EntityManager,
    reply: Pick<CannedReply, 'id' | 'title' | 'body' | 'groupId' | 'createdBy'>,
  ): Promise<CannedReply> {
    const [row] = await manager.query(
      `INSERT INTO canned_replies (id, title, body, group_id, created_by, updated_by) VALUES ($1, $2, $3, $4, $5, $5)
       RETURNING ${COLUMNS}`,
      [reply.id, reply.title, reply.body, reply.groupId, reply.createdBy],
    );
    return row;
  }

  async update(
    manager: EntityManager,
    id: string,
    change: Pick<CannedReply, 'title' | 'body' | 'groupId' | 'updatedBy'>,
  ): Promise<CannedReply | undefined> {
    const [rows] = await manager.query(
      `UPDATE canned_replies SET title = $2, body = $3, group_id = $4, updated_by = $5, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, change.title, change.body, change.groupId, change.updatedBy],
    );
    return rows[0];
  }

  async delete(manager: EntityManager, id: string): Promise<boolean> {
    const [, count] = await manager.query('DELETE FROM canned_replies WHERE id = $1', [id]);
    return count > 0;
  }
}
