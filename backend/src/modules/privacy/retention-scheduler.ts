import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { systemActor } from '../audit/index.ts';
import { RetentionJob } from './retention-job.service.ts';

const FIRST_RUN_DELAY_MS = 10 * 60_000;

/**
 * Runs the retention job inside the app: first ten minutes after start (not during a rolling restart's busiest
 * moment), then every KEFU_RETENTION_INTERVAL_HOURS. Every replica has the timer; the job's advisory lock lets one
 * of them work. KEFU_RETENTION_JOB=false leaves it to `kefu retention run` (a CronJob).
 */
@Injectable()
export class RetentionScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RetentionScheduler');
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly job: RetentionJob,
    private readonly config: KefuConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.retention.job) return;
    const schedule = (delay: number) => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.job
          .run(systemActor('retention'))
          .catch((error: unknown) => this.logger.error(`retention run failed: ${(error as Error).message}`))
          .finally(() => schedule(this.config.retention.intervalHours * 3_600_000));
      }, delay);
      this.timer.unref();
    };
    schedule(FIRST_RUN_DELAY_MS);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
