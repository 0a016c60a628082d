#!/usr/bin/env node
import 'reflect-metadata';
import { registerNluCommands } from '@kefu/models';
import { Command } from 'commander';
import { registerAuditCommands } from '../modules/audit/index.ts';
import { registerKeysCommands } from '../modules/crypto/index.ts';
import { registerRetentionCommands } from '../modules/privacy/index.ts';
import { registerConfigCommands } from './config-commands.ts';
import { registerMigrateCommand } from './migrate-command.ts';

/**
 * The operators' command line: `kefu migrate`, `kefu config check`, and each capability's own subcommands (audit,
 * keys, retention; train, eval and train-defaults from the NLU library).
 */
const program = new Command('kefu').description('Kefu operator commands').showHelpAfterError();
registerConfigCommands(program);
registerMigrateCommand(program);
registerAuditCommands(program);
registerKeysCommands(program);
registerRetentionCommands(program);
registerNluCommands(program);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
