import pg from 'pg';

/** The statement `@socket.io/postgres-adapter` publishes every broadcast with. */
const ADAPTER_NOTIFY = 'SELECT pg_notify($1, $2)';
/** Notifications per statement: each payload is at most 8,000 bytes (PostgreSQL's limit), so a batch stays small. */
const BATCH_LIMIT = 64;

interface QueuedNotification {
  channel: string;
  payload: string;
  settle: { resolve(): void; reject(error: unknown): void };
}

/**
 * The pool the Socket.IO adapter publishes through. The adapter sends one `SELECT pg_notify($1, $2)` per broadcast —
 * a round trip per pushed turn, which costs the process more than most of the turn's own work. This pool sends the
 * notifications that queue up while one batch is on the wire as the next single statement
 * (`SELECT pg_notify($1, $2), pg_notify($3, $4), …`). One statement's notifications are delivered in order, and
 * batches go out one after the other, so broadcasts keep their order. Every other query passes through. `end()`
 * sends what is queued first: a turn committed just before shutdown still reaches the other replicas' sockets.
 */
export class NotificationBatchingPool extends pg.Pool {
  private queued: QueuedNotification[] = [];
  private sending?: Promise<void>;

  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool.query has many overloads; this one forwards all but one
  override query(config: any, values?: any, callback?: any): any {
    if (config === ADAPTER_NOTIFY && Array.isArray(values) && callback === undefined) {
      return this.notify(String(values[0]), String(values[1]));
    }
    return super.query(config, values, callback);
  }

  private notify(channel: string, payload: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queued.push({ channel, payload, settle: { resolve, reject } });
      this.sending ??= this.sendQueued().finally(() => {
        this.sending = undefined;
      });
    });
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool.end is overloaded (promise or callback)
  override end(callback?: () => void): any {
    const ended = (this.sending ?? Promise.resolve()).then(() => super.end());
    if (!callback) return ended;
    void ended.then(callback, callback);
  }

  private async sendQueued(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued.splice(0, BATCH_LIMIT);
      const values = batch.flatMap((each) => [each.channel, each.payload]);
      const calls = batch.map((_, index) => `pg_notify($${index * 2 + 1}, $${index * 2 + 2})`);
      try {
        await super.query(`SELECT ${calls.join(', ')}`, values);
        for (const each of batch) each.settle.resolve();
      } catch (error) {
        for (const each of batch) each.settle.reject(error);
      }
    }
  }
}
