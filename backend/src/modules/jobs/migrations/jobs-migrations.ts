import { CreateJobProgress1795771000000 } from './1795771000000-create-job-progress.ts';

/** The jobs module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const jobsMigrations = [CreateJobProgress1795771000000];
