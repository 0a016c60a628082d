import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runMigrations } from '../src/common/database/migration-runner.ts';
import { CreateProbeItemsTable1700000000000 } from './fixtures/probe.module.ts';
import { startTestApp, type TestApp } from './harness/test-app.ts';

describe('database migrations', () => {
  let kefu: TestApp;

  beforeAll(async () => {
    kefu = await startTestApp({
      env: { KEFU_MIGRATE_ON_START: 'false' },
      extraMigrations: [CreateProbeItemsTable1700000000000],
    });
  });
  afterAll(() => kefu.close());

  it('keeps the replica out of rotation while a migration is pending, and lets it in once applied', async () => {
    const pending = await fetch(`${kefu.baseUrl}/readyz`);
    expect(pending.status).toBe(503);
    expect(await pending.json()).toEqual({
      ready: false,
      checks: [
        { name: 'database', ok: true },
        { name: 'migrations', ok: false, detail: 'pending' },
      ],
    });

    const dataSource = kefu.app.get<DataSource>(getDataSourceToken());
    const [first, second] = await Promise.all([runMigrations(dataSource), runMigrations(dataSource)]);
    expect([...first, ...second].map((migration) => migration.name)).toEqual(['CreateProbeItemsTable1700000000000']);

    expect((await fetch(`${kefu.baseUrl}/readyz`)).status).toBe(200);
  });
});
