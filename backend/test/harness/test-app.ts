import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pino from 'pino';
import { KefuConfig } from '../../src/common/config/kefu-config.ts';
import { loadConfig } from '../../src/common/config/load-config.ts';
import type { MigrationList } from '../../src/common/database/data-source-options.ts';
import { createApp } from '../../src/create-app.ts';
import { freePort } from './kefu-process.ts';
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
  /** Where the built-in identity provider keeps its keys and users for this app. */
  identityDir: string;
  close(): Promise<void>;
}

/**
 * The real application on a real database, listening on a free loopback port that is also its public URL (the
 * built-in identity provider's issuer), with identity keys in a folder of its own.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.databaseUrl ? undefined : await TestDatabase.create();
  const databaseUrl = options.databaseUrl ?? (database as TestDatabase).url;
  const port = await freePort();
  const identityDir = await mkdtemp(join(tmpdir(), 'kefu-test-idp-'));
  const config = new KefuConfig(
    loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      KEFU_PUBLIC_URL: `http://127.0.0.1:${port}`,
      KEFU_IDP_DATA_DIR: identityDir,
      // The starter knowledge base's audited release 1 would shift every audit sequence a test expects; knowledge
      // tests turn it on.
      KEFU_KNOWLEDGE_SEED: 'false',
      ...options.env,
    }),
  );
  const app = await createApp({
    config,
    // KEFU_TEST_LOG_LEVEL=error (or debug) shows the app's own log lines while debugging a test.
    logger: pino({ level: process.env.KEFU_TEST_LOG_LEVEL ?? 'silent' }),
    databaseUrl,
    extraModules: options.extraModules,
    extraMigrations: options.extraMigrations,
  });
  await app.listen({ host: '127.0.0.1', port });
  return {
    app,
    baseUrl: config.identity.publicUrl,
    databaseUrl,
    identityDir,
    close: async () => {
      await app.close();
      await database?.drop();
      await rm(identityDir, { recursive: true, force: true });
    },
  };
}
