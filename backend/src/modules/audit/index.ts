export { AuditModule } from './audit.module.ts';
export { AuditAction, allAuditActions } from './audit-action.ts';
export { AuditArchiver } from './audit-archiver.service.ts';
export type { VerificationResult } from './audit-chain-verifier.ts';
export { AuditCheckpointer } from './audit-checkpointer.service.ts';
export { registerAuditCommands } from './audit-commands.ts';
export type {
  AuditActor,
  AuditChainHead,
  AuditCheckpoint,
  AuditEntry,
  AuditRecord,
  PendingAuditEvent,
} from './audit-entry.ts';
export { systemActor } from './audit-entry.ts';
export { AuditExportVerifier, type ExportVerification } from './audit-export-verifier.ts';
export { AuditExporter } from './audit-exporter.service.ts';
export { AuditOutcome, allAuditOutcomes } from './audit-outcome.ts';
export { type StandaloneAudit, standaloneAudit } from './audit-standalone.ts';
export { AuditTrail } from './audit-trail.service.ts';
export { AuditUnavailableError } from './audit-unavailable.error.ts';
export { AuditVerification } from './audit-verification.service.ts';
export { auditMigrations } from './migrations/audit-migrations.ts';
export { SyslogForwarder } from './syslog-forwarder.service.ts';
