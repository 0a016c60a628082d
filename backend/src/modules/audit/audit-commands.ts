import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { readConfigOrExit } from '../../common/config/read-config-or-exit.ts';
import { withCommandDatabase } from '../../common/database/with-command-database.ts';
import { AuditAction } from './audit-action.ts';
import type { VerificationResult } from './audit-chain-verifier.ts';
import { systemActor } from './audit-entry.ts';
import { AuditExportVerifier } from './audit-export-verifier.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditOutcome } from './audit-outcome.ts';
import { type StandaloneAudit, standaloneAudit } from './audit-standalone.ts';

const cliActor = systemActor('kefu-cli');

/** `kefu audit …`: verification, checkpoints, exports and archives for operators and auditors at the console. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Verify, checkpoint, export and archive the audit trail');

  audit
    .command('verify')
    .description('Check the chain and the signed checkpoints; prints {ok, checked, first_bad_seq, reason}')
    .option('--from <seq>', 'start at this sequence (its predecessor is trusted as the anchor)', toPositiveInt)
    .option('--json', 'print one JSON object only')
    .action(async (options: { from?: number; json?: boolean }) => {
      await withAudit(async ({ verification, trail }) => {
        const result = await verification.verify({ fromSeq: options.from });
        await trail.record({
          actor: cliActor,
          action: AuditAction.AuditVerify,
          outcome: result.ok ? AuditOutcome.Success : AuditOutcome.Failure,
          details: { from_seq: options.from ?? null, ...result },
        });
        print(result, options.json);
      });
    });

  audit
    .command('checkpoint')
    .description('Sign the current head of the chain now (the app also does so on its own timer)')
    .action(async () => {
      await withAudit(async ({ checkpointer }) => {
        const checkpoint = await checkpointer.checkpoint();
        process.stdout.write(
          checkpoint
            ? `${JSON.stringify(checkpoint)}\n`
            : 'nothing to sign: the head is already covered by a checkpoint\n',
        );
      });
    });

  audit
    .command('export')
    .description('Write a signed export (JSON Lines or CSV) of a range of events with the checkpoints inside it')
    .option('--from <seq>', 'first sequence', toPositiveInt)
    .option('--to <seq>', 'last sequence', toPositiveInt)
    .option('--format <format>', 'jsonl or csv', 'jsonl')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (options: { from?: number; to?: number; format: string; out: string }) => {
      if (options.format !== 'jsonl' && options.format !== 'csv') throw new Error('--format must be jsonl or csv');
      const format = options.format;
      await withAudit(async ({ exporter, trail }) => {
        const { body, count } = await trail.runAudited(
          (made) => ({
            actor: cliActor,
            action: AuditAction.AuditExport,
            outcome: AuditOutcome.Success,
            details: { from_seq: options.from ?? null, to_seq: options.to ?? null, format, count: made.count },
          }),
          () => exporter.export({ fromSeq: options.from, toSeq: options.to }, format),
        );
        await writeFile(options.out, body, { mode: 0o600 });
        process.stdout.write(`${count} events written to ${options.out}\n`);
      });
    });

  audit
    .command('verify-export <file>')
    .description('Check an export or archive file offline, without the database')
    .option('--public-key <pem>', 'the published public key to check against (else the key inside the file)')
    .option('--json', 'print one JSON object only')
    .action(async (file: string, options: { publicKey?: string; json?: boolean }) => {
      const { config } = readConfigOrExit();
      const chainKeyFile = join(config.audit.keyDir, 'audit-chain.key');
      const chainKey = existsSync(chainKeyFile)
        ? Buffer.from((await readFile(chainKeyFile, 'utf8')).trim(), 'hex')
        : undefined;
      const result = await new AuditExportVerifier().verify(await readFile(file, 'utf8'), {
        publicKeyPem: options.publicKey ? await readFile(options.publicKey, 'utf8') : undefined,
        chainKey,
      });
      print(result, options.json);
    });

  audit
    .command('archive')
    .description('Write events older than a date to a signed archive file; --purge then removes them from the database')
    .requiredOption('--before <date>', 'archive events that happened before this date (ISO 8601)', toDate)
    .requiredOption('--out <file>', 'archive file to write')
    .option('--purge', `also delete the archived events (refused for events younger than the retention period)`)
    .action(async (options: { before: Date; out: string; purge?: boolean }) => {
      await withAudit(async ({ archiver }) => {
        const result = await archiver.archive({
          before: options.before,
          out: options.out,
          purge: options.purge === true,
          actor: cliActor,
        });
        process.stdout.write(`${JSON.stringify(result)}\n`);
      });
    });

  audit
    .command('rotate-signing-key')
    .description('Replace the key that signs checkpoints and exports; what the old key signed still verifies')
    .action(() =>
      withCommandDatabase(async ({ config, dataSource }) => {
        const { keyring, trail, checkpointer } = standaloneAudit(config, dataSource);
        // The head as the retiring key last saw it, so no stretch of the chain is signed by the new key alone.
        await trail.flush();
        await checkpointer.checkpoint();
        // Recorded first, in the transaction the files change in: a rotation that fails leaves no event, and an event
        // that cannot be written stops the rotation (fail-closed).
        const rotation = await dataSource.transaction(async (manager) => {
          await trail.record(
            {
              actor: cliActor,
              action: AuditAction.KeysRotate,
              outcome: AuditOutcome.Success,
              target: { type: 'audit-signing-key', id: keyring.signingKeyId() },
              details: { algorithm: keyring.signatureAlgorithm },
            },
            manager,
          );
          return keyring.rotateSigningKey();
        });
        await trail.flush();
        await checkpointer.checkpoint();
        process.stdout.write(
          `${JSON.stringify(rotation)}\nGive auditors the new public key (kefu audit public-key); keep the old one.\n`,
        );
      }),
    );

  audit
    .command('public-key')
    .description('Print the public key that signs checkpoints and exports, for auditors to keep')
    .action(() => {
      const { config } = readConfigOrExit();
      const keyring = new AuditKeyring(config);
      process.stdout.write(
        `# key id ${keyring.signingKeyId()} (${keyring.signatureAlgorithm})\n${keyring.publicKeyPem()}`,
      );
    });
}

/** Every command ends by chaining what it recorded (its own audit.verify or audit.export event). */
function withAudit(work: (audit: StandaloneAudit) => Promise<void>): Promise<void> {
  return withCommandDatabase(async ({ config, dataSource }) => {
    const audit = standaloneAudit(config, dataSource);
    await work(audit);
    await audit.trail.flush();
  });
}

function print(result: VerificationResult, json?: boolean): void {
  if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else
    process.stdout.write(
      result.ok
        ? `ok: ${result.checked} events verified\n${JSON.stringify(result)}\n`
        : `TAMPERING DETECTED at sequence ${result.first_bad_seq}: ${result.reason}\n${JSON.stringify(result)}\n`,
    );
  if (!result.ok) process.exitCode = 2;
}

function toPositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${value} is not a positive whole number`);
  return parsed;
}

function toDate(value: string): Date {
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new Error(`${value} is not a date`);
  return parsed;
}
