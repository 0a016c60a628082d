import { Module } from '@nestjs/common';
import { JobProgressRepository } from './job-progress.repository.ts';
import { Jobs } from './jobs.service.ts';

/** Background jobs (training, exports, deliveries) on pg-boss in the application's database. */
@Module({
  providers: [JobProgressRepository, Jobs],
  exports: [Jobs],
})
export class JobsModule {}
