import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { KnowledgeLanguage } from './knowledge-item.ts';

export type TrainingState = 'queued' | 'activated' | 'refused' | 'failed';

export interface StoredTraining {
  releaseNumber: number;
  language: KnowledgeLanguage;
  jobId: string;
  state: TrainingState;
  package: string | null;
  metrics: Record<string, number>;
  reason: string | null;
  updatedAt: Date;
}

const COLUMNS = `release_number AS "releaseNumber", language, job_id AS "jobId", state, package, metrics, reason,
  updated_at AS "updatedAt"`;

/** The only code that knows the SQL of knowledge_trainings: one retraining per release and language. */
@Injectable()
export class TrainingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async queued(releaseNumber: number, language: KnowledgeLanguage, jobId: string): Promise<void> {
    await this.dataSource.query(
      "INSERT INTO knowledge_trainings (release_number, language, job_id, state) VALUES ($1, $2, $3, 'queued')",
      [releaseNumber, language, jobId],
    );
  }

  async finished(
    releaseNumber: number,
    language: KnowledgeLanguage,
    outcome: { state: TrainingState; package: string | null; metrics: Record<string, number>; reason: string | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE knowledge_trainings SET state = $3, package = $4, metrics = $5, reason = $6, updated_at = now()
        WHERE release_number = $1 AND language = $2`,
      [releaseNumber, language, outcome.state, outcome.package, JSON.stringify(outcome.metrics), outcome.reason],
    );
  }

  /** The newest retrainings first, across releases. */
  async recent(limit: number): Promise<StoredTraining[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM knowledge_trainings ORDER BY release_number DESC, language LIMIT $1`,
      [limit],
    );
  }

  async ofRelease(releaseNumber: number): Promise<StoredTraining[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM knowledge_trainings WHERE release_number = $1 ORDER BY language`,
      [releaseNumber],
    );
  }
}
