import { setTimeout as delay } from 'node:timers/promises';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Namespace, Server, ServerOptions } from 'socket.io';
import { NotificationBatchingPool } from './notification-batching-pool.ts';

const SHUTDOWN_WAIT_MS = 2_000;

export interface PostgresIoAdapterOptions {
  databaseUrl: string;
  /** Origins of the bank pages that embed the widget; empty allows only Kefu's own origin. */
  allowedOrigins: readonly string[];
  logger: Logger;
}

/**
 * Socket.IO across replicas with PostgreSQL as the only shared state (DESIGN.md, real-time): an event emitted to a
 * room in one replica reaches that room's sockets in every replica through LISTEN/NOTIFY. The adapter keeps one
 * listening connection of its own, outside the app's pool.
 */
export class PostgresIoAdapter extends IoAdapter {
  private pool?: pg.Pool;
  private server?: Server;

  constructor(
    app: INestApplicationContext,
    private readonly options: PostgresIoAdapterOptions,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const cors = { origin: this.options.allowedOrigins.length > 0 ? [...this.options.allowedOrigins] : false };
    const server: Server = super.createIOServer(port, { ...options, cors } as ServerOptions);
    const pool = new NotificationBatchingPool({ connectionString: this.options.databaseUrl, max: 2 });
    // A database restart must not crash the process: the adapter reconnects and clients resume from their last seq.
    pool.on('error', (error) => this.options.logger.warn({ err: error }, 'real-time database connection lost'));
    // The adapter keeps one client checked out for LISTEN, which the pool no longer guards: without a listener of its
    // own, that client's error (the database restarting) would crash the process. Its 'end' makes the adapter reconnect.
    pool.on('connect', (client) =>
      client.on('error', (error) => this.options.logger.warn({ err: error }, 'real-time listener connection lost')),
    );
    this.pool = pool;
    server.adapter(
      createAdapter(pool, {
        tableName: 'socket_io_attachments',
        errorHandler: (error) => this.options.logger.warn({ err: error }, 'real-time fan-out failed'),
      }),
    );
    this.server = server;
    return server;
  }

  /**
   * `io.close()` (what the base adapter calls) would also close the HTTP server, before Fastify drains it: a request
   * in flight at shutdown would then keep its connection for the whole keep-alive timeout. Disconnecting the sockets
   * is enough here; Fastify closes the server.
   */
  override async close(server: Server | Namespace): Promise<void> {
    server.disconnectSockets(true);
  }

  /**
   * Nest closes nothing of a namespaced gateway's server, and the adapter lets go of its listening client only when
   * the last namespace's adapter closes: close them all, then the pool. Should a reconnection (after a database
   * restart) still hold a client, shutdown goes on without waiting for it.
   */
  override async dispose(): Promise<void> {
    const [server, pool] = [this.server, this.pool];
    // Closing twice (an app closed by its test, then again at teardown) must be harmless.
    this.server = undefined;
    this.pool = undefined;
    for (const namespace of server?._nsps.values() ?? []) namespace.adapter.close();
    const ended = pool?.end();
    const stillHeld = await Promise.race([ended?.then(() => false), delay(SHUTDOWN_WAIT_MS, true, { ref: false })]);
    if (stillHeld) this.options.logger.warn('real-time connection still held at shutdown; not waiting for it');
  }
}
