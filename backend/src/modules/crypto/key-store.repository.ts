import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface KekVersionRow {
  kekId: string;
  version: number;
  provider: string;
  status: 'current' | 'previous' | 'retired';
  createdAt: Date;
  retiredAt: Date | null;
  /** Active data keys wrapped under this version. */
  dataKeys: number;
}

export interface DataKeyRow {
  id: string;
  purpose: string;
  period: string;
  kekId: string;
  kekVersion: number;
  wrappedKey: Buffer | null;
  status: 'active' | 'destroyed';
  kekStatus: 'current' | 'previous' | 'retired';
}

const DATA_KEY_COLUMNS = `d.id, d.purpose, d.period, d.kek_id AS "kekId", d.kek_version AS "kekVersion",
  d.wrapped_key AS "wrappedKey", d.status, k.status AS "kekStatus"`;

/** The only code that knows the SQL of key_encryption_keys and data_keys. */
@Injectable()
export class KeyStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Runs `work` while holding the rotation lock on a connection of its own (a rotation spans many transactions), or
   * returns undefined at once when another rotation holds it.
   */
  async whileRotating<T>(work: () => Promise<T>): Promise<T | undefined> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(
        `SELECT pg_try_advisory_lock(hashtext('kefu.crypto.rotation')) AS locked`,
      );
      if (!locked) return undefined;
      try {
        return await work();
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('kefu.crypto.rotation'))`);
      }
    } finally {
      await runner.release();
    }
  }

  /** Serialises KEK changes (first version, rotation, retirement) across replicas and the `kefu` command. */
  async lockKeyHierarchy(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('kefu.crypto.key-hierarchy'))`);
  }

  async currentVersion(
    kekId: string,
    manager: EntityManager | DataSource = this.dataSource,
  ): Promise<number | undefined> {
    const rows: Array<{ version: number }> = await manager.query(
      `SELECT version FROM key_encryption_keys WHERE kek_id = $1 AND status = 'current'`,
      [kekId],
    );
    return rows[0]?.version;
  }

  async versions(kekId: string): Promise<KekVersionRow[]> {
    return this.dataSource.query(
      `SELECT k.kek_id AS "kekId", k.version, k.provider, k.status, k.created_at AS "createdAt", k.retired_at AS "retiredAt",
              (SELECT count(*)::int FROM data_keys d WHERE d.kek_id = k.kek_id AND d.kek_version = k.version AND d.status = 'active') AS "dataKeys"
         FROM key_encryption_keys k WHERE k.kek_id = $1 ORDER BY k.version`,
      [kekId],
    );
  }

  async addVersion(manager: EntityManager, kekId: string, version: number, provider: string): Promise<void> {
    await manager.query(`UPDATE key_encryption_keys SET status = 'previous' WHERE kek_id = $1 AND status = 'current'`, [
      kekId,
    ]);
    await manager.query(
      `INSERT INTO key_encryption_keys (kek_id, version, provider, status) VALUES ($1, $2, $3, 'current')`,
      [kekId, version, provider],
    );
  }

  async markRetired(manager: EntityManager, kekId: string, version: number): Promise<void> {
    await manager.query(
      `UPDATE key_encryption_keys SET status = 'retired', retired_at = coalesce(retired_at, now()) WHERE kek_id = $1 AND version = $2`,
      [kekId, version],
    );
  }

  async versionStatus(kekId: string, version: number): Promise<KekVersionRow['status'] | undefined> {
    const rows: Array<{ status: KekVersionRow['status'] }> = await this.dataSource.query(
      'SELECT status FROM key_encryption_keys WHERE kek_id = $1 AND version = $2',
      [kekId, version],
    );
    return rows[0]?.status;
  }

  async countUnder(kekId: string, version: number): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM data_keys WHERE kek_id = $1 AND kek_version = $2 AND status = 'active'`,
      [kekId, version],
    );
    return rows[0]?.n ?? 0;
  }

  /** Inserts a data key unless one exists for the purpose and period; the caller re-reads to see who won. */
  async insertDataKey(
    manager: EntityManager,
    key: { id: string; purpose: string; period: string; kekId: string; kekVersion: number; wrappedKey: Buffer },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO data_keys (id, purpose, period, kek_id, kek_version, wrapped_key, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'active') ON CONFLICT (purpose, period) DO NOTHING RETURNING id`,
      [key.id, key.purpose, key.period, key.kekId, key.kekVersion, key.wrappedKey],
    );
    return rows.length > 0;
  }

  async byPurpose(purpose: string, period: string): Promise<DataKeyRow | undefined> {
    const rows: DataKeyRow[] = await this.dataSource.query(
      `SELECT ${DATA_KEY_COLUMNS} FROM data_keys d JOIN key_encryption_keys k ON k.kek_id = d.kek_id AND k.version = d.kek_version
        WHERE d.purpose = $1 AND d.period = $2`,
      [purpose, period],
    );
    return rows[0];
  }

  async byId(id: string): Promise<DataKeyRow | undefined> {
    const rows: DataKeyRow[] = await this.dataSource.query(
      `SELECT ${DATA_KEY_COLUMNS} FROM data_keys d JOIN key_encryption_keys k ON k.kek_id = d.kek_id AND k.version = d.kek_version
        WHERE d.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Up to `limit` active data keys of `kekId` not yet under `version`, locked until the transaction ends. */
  async lockNotUnder(manager: EntityManager, kekId: string, version: number, limit: number): Promise<DataKeyRow[]> {
    return manager.query(
      `SELECT ${DATA_KEY_COLUMNS} FROM data_keys d JOIN key_encryption_keys k ON k.kek_id = d.kek_id AND k.version = d.kek_version
        WHERE d.kek_id = $1 AND d.kek_version <> $2 AND d.status = 'active' AND k.status <> 'retired'
        ORDER BY d.id LIMIT $3 FOR UPDATE OF d`,
      [kekId, version, limit],
    );
  }

  async rewrap(manager: EntityManager, id: string, version: number, wrappedKey: Buffer): Promise<void> {
    await manager.query('UPDATE data_keys SET kek_version = $2, wrapped_key = $3, rewrapped_at = now() WHERE id = $1', [
      id,
      version,
      wrappedKey,
    ]);
  }

  /** Crypto-shredding: the wrapped key is overwritten with NULL; ids of the keys destroyed are returned. */
  async destroy(manager: EntityManager, where: { purpose: string; period?: string }): Promise<string[]> {
    // A CTE makes this a SELECT to TypeORM, which hands back the rows (for UPDATE … RETURNING it returns [rows, count]).
    const rows: Array<{ id: string }> = await manager.query(
      `WITH destroyed AS (
         UPDATE data_keys SET status = 'destroyed', wrapped_key = NULL, destroyed_at = now()
          WHERE purpose = $1 AND ($2::text IS NULL OR period = $2) AND status = 'active' RETURNING id)
       SELECT id FROM destroyed`,
      [where.purpose, where.period ?? null],
    );
    return rows.map((row) => row.id);
  }

  /** Active keys of one purpose whose period (YYYY-MM) ended before `before` (YYYY-MM). */
  async periodsBefore(purpose: string, before: string): Promise<string[]> {
    const rows: Array<{ period: string }> = await this.dataSource.query(
      `SELECT period FROM data_keys WHERE purpose = $1 AND status = 'active' AND period ~ '^\\d{4}-\\d{2}$' AND period < $2
        ORDER BY period`,
      [purpose, before],
    );
    return rows.map((row) => row.period);
  }
}
