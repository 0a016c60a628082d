/** What a job handler is given besides its data. */
export interface RunningJob {
  id: string;
  /** Stores progress (0–100, clamped) and an optional note, readable through `Jobs.status` while the job runs. */
  reportProgress(percent: number, note?: string): Promise<void>;
}

export type JobHandler<T> = (data: T, job: RunningJob) => Promise<unknown>;

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface JobStatus {
  id: string;
  queue: string;
  state: JobState;
  /** 100 once completed, whatever the handler last reported. */
  progress: number;
  note: string | null;
  /** What the handler returned (an object; other values arrive as `{ value }`). */
  output: unknown;
  /** The message of the last failure, when the job failed or is waiting to retry. */
  error: string | null;
}

export interface SendOptions {
  /** Attempts after the first failure (pg-boss default: 2). */
  retryLimit?: number;
  /** How long one attempt may run before pg-boss fails it (default 15 minutes). */
  expireInSeconds?: number;
}
