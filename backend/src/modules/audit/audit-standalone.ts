import type { DataSource } from 'typeorm';
import type { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditArchiver } from './audit-archiver.service.ts';
import { AuditCheckpointer } from './audit-checkpointer.service.ts';
import { AuditClock } from './audit-clock.ts';
import { AuditExporter } from './audit-exporter.service.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditTrail } from './audit-trail.service.ts';
import { AuditVerification } from './audit-verification.service.ts';

/** The audit services wired by hand, for the `kefu audit` commands and load scripts that run without the Nest app. */
export interface StandaloneAudit {
  keyring: AuditKeyring;
  repository: AuditRepository;
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
  const trail = new AuditTrail(dataSource, repository, keyring, clock);
  const verification = new AuditVerification(repository, keyring);
  const checkpointer = new AuditCheckpointer(dataSource, repository, keyring, verification, clock, config, trail);
  const exporter = new AuditExporter(repository, keyring, verification, clock);
  const archiver = new AuditArchiver(repository, exporter, verification, trail, clock, config);
  return { keyring, repository, trail, verification, checkpointer, exporter, archiver };
}
