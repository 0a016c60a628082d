import type { Command } from 'commander';
import { DataSource } from 'typeorm';
import { readConfigOrExit } from '../common/config/read-config-or-exit.ts';
import { dataSourceOptions } from '../common/database/data-source-options.ts';
import { locateDatabase } from '../common/database/database-location.ts';
import { runMigrations } from '../common/database/migration-runner.ts';
import { createLogger } from '../common/logging/create-logger.ts';
import { migrations } from '../migrations.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (safe to run while replicas start: it takes a lock)')
    .action(async () => {
      const { config } = readConfigOrExit();
      const database = await locateDatabase(config, createLogger('warn'));
      const dataSource = new DataSource(dataSourceOptions(config, database.url, migrations));
      try {
        await dataSource.initialize();
        const applied = await runMigrations(dataSource);
        for (const migration of applied) process.stdout.write(`applied ${migration.name}\n`);
        process.stdout.write(applied.length ? `${applied.length} migration(s) applied\n` : 'no pending migrations\n');
      } finally {
        await dataSource.destroy().catch(() => undefined);
        await database.close();
      }
    });
}
