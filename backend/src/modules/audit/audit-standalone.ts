import type { DataSource } from 'typeorm';
import type { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditArchiver } from './audit-archiver.service.ts';
import { AuditCheckpointer } from './audit-checkpointer.service.ts';
import { AuditClock } from './audit-clock.ts';
import { AuditExporter } from './audit-exporter.service.ts';
import { AuditIntakeRepository } from './audit-intake.repository.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditSealer } from './audit-sealer.service.ts';
import { AuditTrail } from './audit-trail.service.ts';
import { AuditVerification } from './audit-verification.service.ts';

/**
 * The audit services wired by hand, for the `kefu audit` commands and load scripts that run without the Nest app.
 * Its sealer does not poll: events recorded here are chained by `trail.flush()` (call it before the command ends) or
 * else by the sealer of any running replica.
 */
export interface StandaloneAudit {
  keyring: AuditKeyring;
  repository: AuditRepository;
  sealer: AuditSealer;
  trail: AuditTrail;
  verification: AuditVerification;
  checkpointer: AuditCheckpointer;
  exporter: AuditExporter;
  archiver: AuditArchiver;
}

export function standaloneAudit(config: KefuConfig, dataSource: DataSource, clock = new AuditClock()): StandaloneAudit {
  const keyring = new AuditKeyring(config);
  keyring.load();
  const repository = new AuditRepository(dataSource);
  const intake = new AuditIntakeRepository(dataSource);
  const sealer = new AuditSealer(dataSource, intake, keyring, clock);
  const trail = new AuditTrail(dataSource, intake, sealer, keyring, clock);
  const verification = new AuditVerification(repository, keyring, sealer);
  const checkpointer = new AuditCheckpointer(dataSource, repository, keyring, verification, clock, config, sealer);
  const exporter = new AuditExporter(repository, keyring, verification, clock, sealer);
  const archiver = new AuditArchiver(repository, exporter, verification, trail, clock, config);
  return { keyring, repository, sealer, trail, verification, checkpointer, exporter, archiver };
}
