import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller.ts';
import { AuditRepository } from './audit.repository.ts';
import { AuditArchiver } from './audit-archiver.service.ts';
import { AuditCheckpointer } from './audit-checkpointer.service.ts';
import { AuditClock } from './audit-clock.ts';
import { AuditExportCheck } from './audit-export-check.service.ts';
import { AuditExportUploadParser } from './audit-export-upload.parser.ts';
import { AuditExporter } from './audit-exporter.service.ts';
import { AuditIntakeRepository } from './audit-intake.repository.ts';
import { AuditKeyring } from './audit-keyring.ts';
import { AuditSealer } from './audit-sealer.service.ts';
import { AuditTrail } from './audit-trail.service.ts';
import { AuditVerification } from './audit-verification.service.ts';
import { SyslogForwarder } from './syslog-forwarder.service.ts';

/** The tamper-evident audit trail (DESIGN.md, Audit). Other modules import it and call `AuditTrail`. */
@Module({
  controllers: [AuditController],
  providers: [
    AuditKeyring,
    AuditClock,
    AuditRepository,
    AuditIntakeRepository,
    AuditSealer,
    AuditTrail,
    AuditVerification,
    AuditCheckpointer,
    AuditExporter,
    AuditExportCheck,
    AuditExportUploadParser,
    AuditArchiver,
    SyslogForwarder,
  ],
  exports: [AuditTrail, AuditVerification, AuditCheckpointer, AuditExporter, AuditArchiver, SyslogForwarder],
})
export class AuditModule {}
