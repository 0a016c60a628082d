#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { registerConfigCommands } from './config-commands.ts';
import { registerMigrateCommand } from './migrate-command.ts';

/** The operators' command line: `kefu migrate`, `kefu config check`; modules add their own subcommands here. */
const program = new Command('kefu').description('Kefu operator commands').showHelpAfterError();
registerConfigCommands(program);
registerMigrateCommand(program);

program.parseAsync().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
