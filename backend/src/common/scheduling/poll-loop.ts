/** What one run found: work left (run again at once), or none (wait before looking again). */
export type PollOutcome = 'more' | 'idle';

export interface PollLoopOptions {
  /** Wait after a run that found nothing more to do. */
  idleMs: number;
  /** Wait after a run that failed (the database restarting): no tight loop of errors meanwhile. */
  retryMs: number;
  onError(error: unknown): void;
}

/**
 * A background worker's heartbeat: runs `work`, then again at once while it says there is more, after `idleMs` when it
 * does not, after `retryMs` when it fails. One run at a time. Its timers are unref'd, so an idle loop never keeps a
 * stopping process alive; `stop()` waits for the run in progress.
 */
export class PollLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;

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

  private schedule(delayMs: number): void {
    if (!this.stopped) this.timer = setTimeout(() => this.run(), delayMs).unref();
  }

  private run(): void {
    this.running = this.work()
      .then(
        (outcome) => (outcome === 'more' ? 0 : this.options.idleMs),
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
}
