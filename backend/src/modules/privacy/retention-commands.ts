import type { Command } from 'commander';
import { standaloneAudit, systemActor } from '../audit/index.ts';
import { withCrypto } from '../crypto/index.ts';
import { CustomerErasure } from './customer-erasure.use-case.ts';
import { CustomerProfileRepository } from './customer-profile.repository.ts';
import { LegalHoldRepository } from './legal-hold.repository.ts';
import { RetentionJob } from './retention-job.service.ts';

/** `kefu retention run`: the daily retention job, now (or from a CronJob when KEFU_RETENTION_JOB=false). */
export function registerRetentionCommands(program: Command): void {
  const retention = program.command('retention').description('Retention of transcripts and customer profiles');
  retention
    .command('run')
    .description('Delete or crypto-shred what has outlived its retention period (skips if a replica is running it)')
    .action(() =>
      withCrypto(async (crypto, { config, dataSource }) => {
        const { trail } = standaloneAudit(config, dataSource);
        const profiles = new CustomerProfileRepository(dataSource);
        const holds = new LegalHoldRepository(dataSource);
        const erasure = new CustomerErasure(dataSource, profiles, holds, crypto.keys, trail);
        const job = new RetentionJob(dataSource, config, crypto.keys, profiles, holds, erasure, trail);
        const report = await job.run(systemActor('kefu-cli'));
        // Chain the run's events before the command exits, rather than leave them to a running replica's sealer.
        await trail.flush();
        process.stdout.write(
          report.ran ? `${JSON.stringify(report)}\n` : 'another replica is running the retention job: nothing done\n',
        );
      }),
    );
}
