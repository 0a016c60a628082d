import type { Logger } from 'pino';
import type { KefuConfig } from '../config/kefu-config.ts';
import { EmbeddedDatabase } from './embedded-database.ts';

export interface DatabaseLocation {
  url: string;
  embedded: boolean;
  /** Stops the embedded server; nothing to do for an external one. */
  close(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL, started here (config validation already refused it in production unless allowed). */
export async function locateDatabase(config: KefuConfig, logger: Logger): Promise<DatabaseLocation> {
  if (config.database.url) return { url: config.database.url, embedded: false, close: async () => {} };
  const embeddedLog = logger.child({ component: 'embedded-postgres' });
  const server = new EmbeddedDatabase({
    dataDir: config.database.embedded.dataDir,
    port: config.database.embedded.port,
    onLog: (line) => embeddedLog.debug(line),
  });
  logger.info({ dataDir: config.database.embedded.dataDir }, 'DATABASE_URL is unset: starting the embedded PostgreSQL');
  const { url } = await server.start();
  return { url, embedded: true, close: () => server.stop() };
}
