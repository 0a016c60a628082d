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
    const readiness = (await pending.json()) as { ready: boolean; checks: unknown[] };
    expect(readiness.ready).toBe(false);
    expect(readiness.checks).toEqual(
      expect.arrayContaining([
        { name: 'database', ok: true },
        { name: 'migrations', ok: false, detail: 'pending' },
      ]),
    );

    const dataSource = kefu.app.get<DataSource>(getDataSourceToken());
    const [first, second] = await Promise.all([runMigrations(dataSource), runMigrations(dataSource)]);
    // Two runners at once: every pending migration is applied exactly once, by one of them.
    const applied = [...first, ...second].map((migration) => migration.name);
    expect(applied).toContain('CreateProbeItemsTable1700000000000');
    expect(new Set(applied).size).toBe(applied.length);
    expect(applied).toHaveLength(dataSource.migrations.length);

    expect((await fetch(`${kefu.baseUrl}/readyz`)).status).toBe(200);
  });
});
