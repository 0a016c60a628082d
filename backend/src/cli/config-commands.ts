import type { Command } from 'commander';
import { sensitiveSettings } from '../common/config/config.schema.ts';
import { readConfigOrExit } from '../common/config/read-config-or-exit.ts';

export function registerConfigCommands(program: Command): void {
  const config = program.command('config').description('Inspect the configuration');
  config
    .command('check')
    .description('Validate every setting; print the effective values (secrets redacted) or the first problem')
    .action(() => {
      const { values } = readConfigOrExit();
      for (const [name, value] of Object.entries(values)) {
        const shown = value === undefined ? '(unset)' : sensitiveSettings.has(name) ? '[redacted]' : String(value);
        process.stdout.write(`${name}=${shown}\n`);
      }
      process.stdout.write('configuration is valid\n');
    });
}
