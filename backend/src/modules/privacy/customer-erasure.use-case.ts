import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maskPersonalDataInText } from '../../common/personal-data/index.ts';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { DataKeys } from '../crypto/index.ts';
import { CustomerProfileRepository } from './customer-profile.repository.ts';
import { CustomerProfileNotFoundError } from './customer-profile-not-found.error.ts';
import { DataClass } from './data-class.ts';
import { LegalHoldRepository } from './legal-hold.repository.ts';
import { LegalHoldActiveError } from './legal-hold-active.error.ts';

export interface ErasureResult {
  id: string;
  erasedAt: Date;
  destroyedKeyIds: string[];
}

export const customerKeyPurpose = (id: string): string => `customer:${id}`;

/**
 * Erasure of one customer (PIPL Art. 47, 个人信息删除权) by crypto-shredding: the customer's own data key is destroyed
 * and the profile's personal fields and blind index are removed, in one transaction with its audit record. Every
 * copy of the customer's ciphertexts — replicas, exports, backups — is then unreadable (for backups once the KEK
 * versions that wrapped the key in them are retired: docs/data-protection.md). The audit chain is untouched, and
 * its records hold no plaintext to begin with (personal data there is pseudonymised), so it still verifies.
 * Used by the erasure API and by the retention job.
 */
@Injectable()
export class CustomerErasure {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly profiles: CustomerProfileRepository,
    private readonly holds: LegalHoldRepository,
    private readonly keys: DataKeys,
    private readonly trail: AuditTrail,
  ) {}

  async erase(id: string, actor: AuditActor, reason: string, trigger: 'request' | 'retention'): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      const profile = await this.profiles.byId(id, manager, true);
      if (!profile) throw new CustomerProfileNotFoundError(id);
      if (profile.erasedAt) throw new CustomerProfileNotFoundError(id, true);
      const hold = (await this.holds.active(DataClass.CustomerProfiles, manager)).find(
        // Holds placed before subject ids were stored in lower case may differ from the profile's id in case only.
        (candidate) => candidate.subjectId === null || candidate.subjectId.toLowerCase() === profile.id,
      );
      if (hold) throw new LegalHoldActiveError(hold.id);
      const destroyedKeyIds = await this.keys.destroy(manager, customerKeyPurpose(id));
      const erasedAt = await this.profiles.markErased(manager, id);
      await this.trail.record(
        {
          actor,
          action: AuditAction.PersonalDataErase,
          outcome: AuditOutcome.Success,
          target: { type: 'customer-profile', id },
          details: {
            operation: trigger === 'request' ? 'erasure' : 'retention',
            legal_basis: trigger === 'request' ? 'PIPL Art. 47' : 'retention period expired',
            reason: maskPersonalDataInText(reason),
            destroyed_data_keys: destroyedKeyIds,
          },
        },
        manager,
      );
      return { id, erasedAt, destroyedKeyIds };
    });
  }
}
