import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { CryptoModule } from '../crypto/index.ts';
import { CustomerErasure } from './customer-erasure.use-case.ts';
import { CustomerProfileRepository } from './customer-profile.repository.ts';
import { CustomerProfiles } from './customer-profiles.service.ts';
import { LegalHoldRepository } from './legal-hold.repository.ts';
import { LegalHolds } from './legal-holds.service.ts';
import { PrivacyController } from './privacy.controller.ts';
import { RetentionJob } from './retention-job.service.ts';
import { RetentionScheduler } from './retention-scheduler.ts';

/** Personal data: detection and masking, encrypted customer profiles, reveal, erasure, retention, legal holds. */
@Module({
  imports: [AuditModule, CryptoModule],
  controllers: [PrivacyController],
  providers: [
    CustomerProfileRepository,
    LegalHoldRepository,
    CustomerProfiles,
    CustomerErasure,
    LegalHolds,
    RetentionJob,
    RetentionScheduler,
  ],
  exports: [CustomerProfiles, CustomerErasure, LegalHolds, RetentionJob],
})
export class PrivacyModule {}
