import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import type { KefuConfig } from '../../common/config/kefu-config.ts';
import { withCommandDatabase } from '../../common/database/with-command-database.ts';
import { systemActor } from '../audit/index.ts';
import { Pkcs11KekProvider } from './pkcs11-kek-provider.ts';
import { type StandaloneCrypto, standaloneCrypto } from './standalone-crypto.ts';

const cliActor = systemActor('kefu-cli');

/** `kefu keys …`: the security administrator's key operations, run beside the serving replicas. */
export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('Key-encryption key status, rotation and retirement');

  keys
    .command('status')
    .description('List the key-encryption key versions and how many data keys each wraps')
    .action(async () => {
      await withCrypto(async ({ rotation, keys: dataKeys, provider }) => {
        await dataKeys.ensureKek();
        for (const row of await rotation.status()) {
          // For an HSM, the token's own word that the KEK cannot leave it (what a security reviewer asks to see).
          const token =
            provider instanceof Pkcs11KekProvider && row.status !== 'retired'
              ? ` token: ${JSON.stringify(await provider.properties(row.version))}`
              : '';
          process.stdout.write(
            `${row.kekId} v${row.version} ${row.status} (${row.provider}) data keys: ${row.dataKeys} created ${new Date(row.createdAt).toISOString()}${token}\n`,
          );
        }
      });
    });

  keys
    .command('rotate')
    .description('Create a new KEK version and re-wrap every data key under it while Kefu keeps serving')
    .option('--batch-size <n>', 'data keys re-wrapped per transaction', toPositiveInt, 100)
    .option('--prepare', 'only create the next version (to give every replica its key file first), do not activate it')
    .action(async (options: { batchSize: number; prepare?: boolean }) => {
      await withCrypto(async ({ rotation }) => {
        if (options.prepare) {
          const next = await rotation.prepare();
          process.stdout.write(
            `prepared version ${next}: give every replica its key material, then run \`kefu keys rotate\`\n`,
          );
          return;
        }
        const result = await rotation.rotate(cliActor, { batchSize: options.batchSize });
        process.stdout.write(
          `rotated: version ${result.fromVersion} -> ${result.toVersion}, ${result.rewrapped} data keys re-wrapped\n`,
        );
      });
    });

  keys
    .command('retire')
    .description('Retire an old KEK version: its material is destroyed and anything wrapped only under it is refused')
    .requiredOption('--version <n>', 'the version to retire', toPositiveInt)
    .option('--force', 'retire even though data keys are still wrapped under it (they become unreadable)')
    .action(async (options: { version: number; force?: boolean }) => {
      await withCrypto(async ({ rotation }) => {
        const { orphaned } = await rotation.retire(options.version, cliActor, { force: options.force === true });
        process.stdout.write(
          `retired version ${options.version}${orphaned ? ` (${orphaned} data keys made unreadable)` : ''}\n`,
        );
      });
    });
}

/** Runs `work` with the standalone key services, closing them before the database goes. */
export function withCrypto(
  work: (crypto: StandaloneCrypto, context: { config: KefuConfig; dataSource: DataSource }) => Promise<void>,
): Promise<void> {
  return withCommandDatabase(async (context) => {
    const crypto = standaloneCrypto(context.config, context.dataSource);
    try {
      await work(crypto, context);
    } finally {
      await crypto.close().catch(() => undefined);
    }
  });
}

function toPositiveInt(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${value} is not a positive whole number`);
  return parsed;
}
