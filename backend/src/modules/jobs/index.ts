export { JobNotFoundError } from './job-not-found.error.ts';
export type { JobHandler, JobState, JobStatus, RunningJob, SendOptions } from './job-status.ts';
export { JobsModule } from './jobs.module.ts';
export { Jobs } from './jobs.service.ts';
export { jobsMigrations } from './migrations/jobs-migrations.ts';
