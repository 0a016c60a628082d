/** What one run found: work left (run again at once), or none (wait before looking again). */
export type PollOutcome = 'more' | 'idle';

export interface PollLoopOptions {
  /** Wait after a run that found nothing more to do. */
  idleMs: number;
  /** Wait after a run that failed (the database restarting): no tight loop of errors meanwhile. */
  retryMs: number;
  /**
   * Once this long has passed without work or a `wake()`, wait `ms` instead of `idleMs`: a loop that is woken when
   * work arrives need not look often while nothing happens.
   */
  rest?: { afterMs: number; ms: number };
  /**
   * Share of the time (0-1] a backlog may take: after a run that found more and took t ms, wait t × (1 / share − 1)
   * before the next. For background work that must not crowd out requests on the same event loop; default 1.
   */
  backlogShare?: number;
  onError(error: unknown): void;
}

/**
 * A background worker's heartbeat: runs `work`, then again at once while it says there is more (or after a pause, to
 * keep within `backlogShare` of the time), after `idleMs` when it
 * does not (or the longer `rest.ms` once it has been quiet a while: `wake()` ends a rest), after `retryMs` when it
 * fails. One run at a time. Its timers are unref'd, so an idle loop never keeps a stopping
 * process alive; `stop()` waits for the run in progress.
 */
export class PollLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private nextRunAt = 0;
  private activeAt = Date.now();

  constructor(
    private readonly work: () => Promise<PollOutcome>,
    private readonly options: PollLoopOptions,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Resolves when the run in progress (if any) has finished. */
  async settled(): Promise<void> {
    await this.running;
  }

  /**
   * Work is on its way (a transaction that will commit some): look within `idleMs` from now on, for `rest.afterMs`,
   * instead of resting. Runs are not forced sooner than that, so a stream of wakes still leaves room for a batch.
   */
  wake(): void {
    this.activeAt = Date.now();
    if (this.running || this.stopped || this.nextRunAt - Date.now() <= this.options.idleMs) return;
    clearTimeout(this.timer);
    this.schedule(this.options.idleMs);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.nextRunAt = Date.now() + delayMs;
    this.timer = setTimeout(() => this.run(), delayMs).unref();
  }

  private run(): void {
    const startedAt = Date.now();
    this.running = this.work()
      .then(
        (outcome) => {
          if (outcome === 'idle') return this.idleDelay();
          this.activeAt = Date.now();
          const share = this.options.backlogShare ?? 1;
          return Math.round((this.activeAt - startedAt) * (1 / share - 1));
        },
        (error: unknown) => {
          this.options.onError(error);
          return this.options.retryMs;
        },
      )
      .then((delayMs) => {
        this.running = undefined;
        this.schedule(delayMs);
      });
  }

  private idleDelay(): number {
    const { rest, idleMs } = this.options;
    return rest && Date.now() - this.activeAt > rest.afterMs ? rest.ms : idleMs;
  }
}
