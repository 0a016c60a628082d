import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { KnowledgeItem, KnowledgeLanguage } from './knowledge-item.ts';
import type { ReleaseDiff } from './release-diff.ts';

/** Which model package serves each language for a release (folder names inside the models directory). */
export type ReleaseModels = Partial<Record<KnowledgeLanguage, string>>;

export interface StoredRelease {
  number: number;
  snapshot: KnowledgeItem[];
  diff: ReleaseDiff;
  publishedBy: string;
  note: string | null;
  rollbackOf: number | null;
  models: ReleaseModels;
  publishedAt: Date;
}

export type ReleaseSummary = Omit<StoredRelease, 'snapshot' | 'diff'> & { items: number };

/** Any fixed number, the same in every replica. */
const PUBLISH_LOCK_KEY = 0x6b62_0002;

const SUMMARY = `number, published_by AS "publishedBy", note, rollback_of AS "rollbackOf", models,
  published_at AS "publishedAt", jsonb_array_length(snapshot) AS items`;
const FULL = `number, snapshot, diff, published_by AS "publishedBy", note, rollback_of AS "rollbackOf", models,
  published_at AS "publishedAt"`;

/** The only code that knows the SQL of knowledge_releases. Releases are never changed, except the models they get. */
@Injectable()
export class ReleaseRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async currentNumber(): Promise<number> {
    const rows: { number: number | null }[] = await this.dataSource.query(
      'SELECT max(number) AS number FROM knowledge_releases',
    );
    return rows[0]?.number ?? 0;
  }

  /**
   * The newest release. With `manager` (inside a transaction) publishers first take turns on an advisory lock held
   * until the transaction ends, so the next one reads the release the previous one just committed (a row lock on
   * "the newest row" would hand it the row it waited for, not the newer one).
   */
  async current(manager?: EntityManager): Promise<StoredRelease | undefined> {
    if (manager) await manager.query('SELECT pg_advisory_xact_lock($1)', [PUBLISH_LOCK_KEY]);
    const rows: StoredRelease[] = await (manager ?? this.dataSource).query(
      `SELECT ${FULL} FROM knowledge_releases ORDER BY number DESC LIMIT 1`,
    );
    return rows[0];
  }

  async byNumber(number: number, manager?: EntityManager): Promise<StoredRelease | undefined> {
    const rows: StoredRelease[] = await (manager ?? this.dataSource).query(
      `SELECT ${FULL} FROM knowledge_releases WHERE number = $1`,
      [number],
    );
    return rows[0];
  }

  async list(limit: number): Promise<ReleaseSummary[]> {
    return this.dataSource.query(`SELECT ${SUMMARY} FROM knowledge_releases ORDER BY number DESC LIMIT $1`, [limit]);
  }

  async insert(manager: EntityManager, release: Omit<StoredRelease, 'publishedAt'>): Promise<void> {
    await manager.query(
      `INSERT INTO knowledge_releases (number, snapshot, diff, published_by, note, rollback_of, models)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        release.number,
        JSON.stringify(release.snapshot),
        JSON.stringify(release.diff),
        release.publishedBy,
        release.note,
        release.rollbackOf,
        JSON.stringify(release.models),
      ],
    );
  }

  /** Records that `packageName` now serves `language` for this release (its retraining passed the gate). */
  async setModel(number: number, language: KnowledgeLanguage, packageName: string): Promise<void> {
    await this.dataSource.query(
      'UPDATE knowledge_releases SET models = models || jsonb_build_object($2::text, $3::text) WHERE number = $1',
      [number, language, packageName],
    );
  }
}
