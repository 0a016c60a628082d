import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface StoredJobProgress {
  queue: string;
  percent: number;
  note: string | null;
}

/** The only code that knows the SQL of job_progress. */
@Injectable()
export class JobProgressRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async created(jobId: string, queue: string): Promise<void> {
    await this.dataSource.query('INSERT INTO job_progress (job_id, queue) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      jobId,
      queue,
    ]);
  }

  /** An upsert: a worker may pick the job up before `send` has written its row. */
  async report(jobId: string, queue: string, percent: number, note: string | null): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO job_progress (job_id, queue, percent, note) VALUES ($1, $2, $3, $4)
       ON CONFLICT (job_id) DO UPDATE SET percent = $3, note = $4, updated_at = now()`,
      [jobId, queue, percent, note],
    );
  }

  async byId(jobId: string): Promise<StoredJobProgress | undefined> {
    const rows: StoredJobProgress[] = await this.dataSource.query(
      'SELECT queue, percent, note FROM job_progress WHERE job_id = $1',
      [jobId],
    );
    return rows[0];
  }
}
