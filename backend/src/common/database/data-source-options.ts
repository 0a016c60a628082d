import type { DataSourceOptions, MigrationInterface } from 'typeorm';
import type { KefuConfig } from '../config/kefu-config.ts';
import { listenedPgDriver } from './listened-pg-driver.ts';

/** Migration classes in the order they apply. */
export type MigrationList = (new () => MigrationInterface)[];

/** The connection settings shared by the app and the `kefu` command. Schema changes come only from migrations. */
export function dataSourceOptions(config: KefuConfig, url: string, migrations: MigrationList): DataSourceOptions {
  return {
    type: 'postgres',
    driver: listenedPgDriver,
    url,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    extra: {
      max: config.database.poolMax,
      connectionTimeoutMillis: config.database.connectTimeoutMs,
      application_name: 'kefu',
    },
  };
}
