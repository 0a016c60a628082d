import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { JobNotFoundError } from './job-not-found.error.ts';
import { JobProgressRepository } from './job-progress.repository.ts';
import type { JobHandler, JobState, JobStatus, SendOptions } from './job-status.ts';

/** pg-boss polls every 2 s by default; a job sent by this replica wakes its own worker at once (see `send`). */
const POLLING_INTERVAL_SECONDS = 2;

interface Registration {
  queue: string;
  handler: JobHandler<never>;
}

/**
 * Background jobs on pg-boss, in the application's own database (schema `pgboss`): no extra server to run. Modules
 * register handlers with `work` while they initialise; pg-boss starts once the application has booted (migrations
 * applied) and stops first at shutdown, letting running jobs finish within the shutdown grace period. A job that is
 * still running when the process dies is failed by pg-boss's expiry and retried by another replica.
 */
@Injectable()
export class Jobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private readonly registrations: Registration[] = [];
  private readonly workersByQueue = new Map<string, string[]>();
  private readonly knownQueues = new Set<string>();
  private boss?: PgBoss;
  private starting?: Promise<PgBoss>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly progress: JobProgressRepository,
    private readonly config: KefuConfig,
  ) {}

  /** Registers the handler of `queue`; call it from `onModuleInit`. The handler's return value is the job's output. */
  work<T>(queue: string, handler: JobHandler<T>): void {
    this.registrations.push({ queue, handler: handler as JobHandler<never> });
    if (this.boss) void this.startWorker(this.boss, { queue, handler: handler as JobHandler<never> });
  }

  /** Queues a job (creating the queue on first use) and returns its id. */
  async send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string> {
    const boss = await this.started();
    await this.ensureQueue(boss, queue);
    const id = await boss.send(queue, data, options);
    if (!id) throw new Error(`pg-boss refused a job for ${queue}`);
    await this.progress.created(id, queue);
    for (const worker of this.workersByQueue.get(queue) ?? []) boss.notifyWorker(worker);
    return id;
  }

  async status(jobId: string): Promise<JobStatus> {
    const stored = await this.progress.byId(jobId);
    if (!stored) throw new JobNotFoundError(jobId);
    const boss = await this.started();
    const job = await boss.getJobById<unknown>(stored.queue, jobId, { includeArchive: true });
    if (!job) throw new JobNotFoundError(jobId);
    const state = job.state as JobState;
    const failed = state === 'failed' || state === 'retry';
    return {
      id: jobId,
      queue: stored.queue,
      state,
      progress: state === 'completed' ? 100 : stored.percent,
      note: stored.note,
      output: failed ? null : (job.output ?? null),
      error: failed ? errorMessage(job.output) : null,
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.started();
  }

  async onModuleDestroy(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    await boss?.stop({ graceful: true, wait: true, timeout: this.config.http.shutdownGraceMs });
  }

  private started(): Promise<PgBoss> {
    this.starting ??= this.start();
    return this.starting;
  }

  private async start(): Promise<PgBoss> {
    // The app's own database (configured or embedded), as the DataSource was given it.
    const { url } = this.dataSource.options as { url?: string };
    const boss = new PgBoss({
      connectionString: url,
      // Its own small pool, so a burst of jobs never starves the requests of connections.
      max: 2,
      application_name: 'kefu-jobs',
      pollingIntervalSeconds: POLLING_INTERVAL_SECONDS,
    });
    // Without a listener an error event would crash the process; a database outage is reported, and pg-boss retries.
    boss.on('error', (error) => this.logger.error(`pg-boss: ${error.message}`));
    await boss.start();
    this.boss = boss;
    for (const registration of this.registrations) await this.startWorker(boss, registration);
    return boss;
  }

  private async startWorker(boss: PgBoss, { queue, handler }: Registration): Promise<void> {
    await this.ensureQueue(boss, queue);
    const worker = await boss.work<never>(queue, { batchSize: 1 }, async ([job]) =>
      handler(job.data, {
        id: job.id,
        reportProgress: (percent, note) =>
          this.progress.report(job.id, queue, Math.max(0, Math.min(100, Math.round(percent))), note ?? null),
      }),
    );
    this.workersByQueue.set(queue, [...(this.workersByQueue.get(queue) ?? []), worker]);
  }

  private async ensureQueue(boss: PgBoss, queue: string): Promise<void> {
    if (this.knownQueues.has(queue)) return;
    // Two replicas may create the same queue at once; the loser finds it there.
    if (!(await boss.getQueue(queue))) await boss.createQueue(queue).catch(() => undefined);
    if (!(await boss.getQueue(queue))) throw new Error(`could not create the job queue ${queue}`);
    this.knownQueues.add(queue);
  }
}

function errorMessage(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  return 'the job failed';
}
