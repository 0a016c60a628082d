import pg from 'pg';

/**
 * A pool whose every connection has an 'error' listener for its whole life. pg-pool listens only while a connection
 * is idle, and TypeORM only while a query runner holds it; a server going away in between (a restart, a failover)
 * emitted 'error' with nobody listening, which Node turns into a crash of the process. The query that was running
 * fails on its own, and the pool replaces the broken connection.
 */
class ListenedPool extends pg.Pool {
  constructor(options?: pg.PoolConfig) {
    super(options);
    this.on('connect', (client) => client.on('error', () => {}));
  }
}

/** The pg module as TypeORM loads it (its `driver` option), with `ListenedPool` as the pool. */
export const listenedPgDriver = { ...pg, Pool: ListenedPool };
