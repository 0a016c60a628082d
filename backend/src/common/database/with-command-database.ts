import { DataSource } from 'typeorm';
import type { KefuConfig } from '../config/kefu-config.ts';
import { readConfigOrExit } from '../config/read-config-or-exit.ts';
import { createLogger } from '../logging/create-logger.ts';
import { dataSourceOptions, type MigrationList } from './data-source-options.ts';
import { locateDatabase } from './database-location.ts';

/**
 * What every `kefu` command that touches the database does: validate the configuration (exit 78 when it is bad),
 * reach the configured or embedded PostgreSQL, run `work`, and always close the connection and stop an embedded
 * server afterwards. A failure is rethrown after clean-up; `kefu` prints it and exits 1.
 */
export async function withCommandDatabase(
  work: (context: { config: KefuConfig; dataSource: DataSource }) => Promise<void>,
  migrations: MigrationList = [],
): Promise<void> {
  const { config } = readConfigOrExit();
  const database = await locateDatabase(config, createLogger('warn'));
  const dataSource = new DataSource(dataSourceOptions(config, database.url, migrations));
  try {
    await dataSource.initialize();
    await work({ config, dataSource });
  } finally {
    await dataSource.destroy().catch(() => undefined);
    await database.close();
  }
}
