export {
  detectPersonalData,
  isBankCardNumber,
  isEmailAddress,
  isMainlandMobile,
  isResidentIdNumber,
  maskIdentifier,
  maskPersonalDataInText,
  normalizeMobile,
  type PersonalDataKind,
  type PersonalDataMatch,
} from '../../common/personal-data/index.ts';
export { CustomerErasure, customerKeyPurpose, type ErasureResult } from './customer-erasure.use-case.ts';
export { CustomerProfiles, type MaskedCustomerProfile, type NewCustomerProfile } from './customer-profiles.service.ts';
export { allDataClasses, DataClass } from './data-class.ts';
export { maskEntityValue, maskName } from './display-masks.ts';
export { LegalHolds } from './legal-holds.service.ts';
export { privacyMigrations } from './migrations/privacy-migrations.ts';
export { PrivacyModule } from './privacy.module.ts';
export type { ProfileField } from './profile-field.ts';
export { registerRetentionCommands } from './retention-commands.ts';
export { RetentionJob, type RetentionReport, TRANSCRIPTS_PURPOSE } from './retention-job.service.ts';
