import 'reflect-metadata';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { KefuConfig } from './common/config/kefu-config.ts';
import { readConfigOrExit } from './common/config/read-config-or-exit.ts';
import { type DatabaseLocation, locateDatabase } from './common/database/database-location.ts';
import { createLogger } from './common/logging/create-logger.ts';
import { createApp } from './create-app.ts';

async function main(): Promise<void> {
  const { config } = readConfigOrExit();
  const logger = createLogger(config.log.level);
  const database = await locateDatabase(config, logger);
  try {
    const app = await createApp({ config, logger, databaseUrl: database.url });
    await app.listen({ host: config.http.host, port: config.http.port });
    logger.info({ url: await app.getUrl(), embeddedDatabase: database.embedded }, 'Kefu is listening');
    stopGracefullyOnSignals(app, database, config, logger);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * SIGTERM/SIGINT: stop accepting (new requests get 503), let in-flight requests finish, close the pool, stop the embedded
 * database. If that takes longer than the grace period the process exits anyway.
 */
function stopGracefullyOnSignals(
  app: NestFastifyApplication,
  database: DatabaseLocation,
  config: KefuConfig,
  logger: Logger,
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight requests');
    setTimeout(() => {
      logger.error('shutdown grace period elapsed; exiting with requests still open');
      process.exit(1);
    }, config.http.shutdownGraceMs).unref();
    await app.close();
    await database.close();
    logger.info('stopped');
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, (s) => void stop(s));
}

main().catch((error: unknown) => {
  process.stderr.write(`Kefu failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
