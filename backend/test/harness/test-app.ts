import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { KefuConfig } from '../../src/common/config/kefu-config.ts';
import { loadConfig } from '../../src/common/config/load-config.ts';
import type { MigrationList } from '../../src/common/database/data-source-options.ts';
import { createApp } from '../../src/create-app.ts';
import { TestDatabase } from './test-database.ts';

export interface TestAppOptions {
  /** Settings as environment variables, on top of the defaults. */
  env?: Record<string, string>;
  extraModules?: Type[];
  extraMigrations?: MigrationList;
  /** An existing database URL instead of a fresh database of the test file's own. */
  databaseUrl?: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

/** The real application on a real database, listening on a free loopback port. */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? undefined : await TestDatabase.create();
  const databaseUrl = options.databaseUrl ?? (database as TestDatabase).url;
  const config = new KefuConfig(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, ...options.env }));
  const app = await createApp({
    config,
    logger: pino({ level: 'silent' }),
    databaseUrl,
    extraModules: options.extraModules,
    extraMigrations: options.extraMigrations,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    baseUrl: await app.getUrl(),
    databaseUrl,
    close: async () => {
      await app.close();
      await database?.drop();
    },
  };
}
