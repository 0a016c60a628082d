import type { Command } from 'commander';
import { runMigrations } from '../common/database/migration-runner.ts';
import { withCommandDatabase } from '../common/database/with-command-database.ts';
import { migrations } from '../migrations.ts';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (safe to run while replicas start: it takes a lock)')
    .action(() =>
      withCommandDatabase(async ({ dataSource }) => {
        const applied = await runMigrations(dataSource);
        for (const migration of applied) process.stdout.write(`applied ${migration.name}\n`);
        process.stdout.write(applied.length ? `${applied.length} migration(s) applied\n` : 'no pending migrations\n');
      }, migrations),
    );
}
