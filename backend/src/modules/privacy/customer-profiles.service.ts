import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { maskIdentifier, maskPersonalDataInText, normalizeMobile } from '../../common/personal-data/index.ts';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { BlindIndex, FieldCipher } from '../crypto/index.ts';
import { customerKeyPurpose } from './customer-erasure.use-case.ts';
import { CustomerProfileRepository, type StoredCustomerProfile } from './customer-profile.repository.ts';
import { CustomerProfileNotFoundError, ProfileFieldNotRecordedError } from './customer-profile-not-found.error.ts';
import { maskName } from './display-masks.ts';
import type { ProfileField } from './profile-field.ts';

export interface NewCustomerProfile {
  name: string;
  phone?: string;
  idNumber?: string;
}

/** What staff see: every personal field masked. */
export interface MaskedCustomerProfile {
  id: string;
  name: string;
  phone: string | null;
  idNumber: string | null;
  createdAt: Date;
}

const PHONE_INDEX = 'customer-phone';

const COLUMN: Record<ProfileField, 'nameCiphertext' | 'phoneCiphertext' | 'idNumberCiphertext'> = {
  name: 'nameCiphertext',
  phone: 'phoneCiphertext',
  idNumber: 'idNumberCiphertext',
};

/**
 * Customer profiles: stored encrypted under the customer's own data key, shown masked, searched by phone through a
 * blind index, revealed in full only to a permitted role with a reason, in one transaction with its audit record.
 */
@Injectable()
export class CustomerProfiles {
  constructor(
    private readonly repository: CustomerProfileRepository,
    private readonly cipher: FieldCipher,
    private readonly blindIndex: BlindIndex,
    private readonly trail: AuditTrail,
  ) {}

  async create(input: NewCustomerProfile): Promise<MaskedCustomerProfile> {
    const id = randomUUID();
    const purpose = customerKeyPurpose(id);
    const phone = input.phone === undefined ? undefined : normalizeMobile(input.phone);
    const idNumber = input.idNumber?.toUpperCase();
    await this.repository.insert({
      id,
      nameCiphertext: await this.cipher.encrypt(input.name, { purpose, context: context('name', id) }),
      phoneCiphertext: phone ? await this.cipher.encrypt(phone, { purpose, context: context('phone', id) }) : null,
      idNumberCiphertext: idNumber
        ? await this.cipher.encrypt(idNumber, { purpose, context: context('idNumber', id) })
        : null,
      phoneIndex: phone ? await this.blindIndex.compute(PHONE_INDEX, phone) : null,
    });
    return this.masked(await this.live(id));
  }

  async view(id: string): Promise<MaskedCustomerProfile> {
    return this.masked(await this.live(id));
  }

  /** Exact match on the normalised mobile number through its blind index; erased customers are never found. */
  async searchByPhone(phone: string, limit = 20): Promise<MaskedCustomerProfile[]> {
    const index = await this.blindIndex.compute(PHONE_INDEX, normalizeMobile(phone));
    const rows = await this.repository.byPhoneIndex(index, limit);
    return Promise.all(rows.map((row) => this.masked(row)));
  }

  /**
   * One field in full, for a member of staff whose role grants personal-data.reveal (checked by the route). The
   * decryption and the audit record share a transaction: if the record cannot be written, nothing is revealed.
   */
  async reveal(id: string, field: ProfileField, reason: string, actor: AuditActor): Promise<string> {
    return this.trail.runAudited(
      {
        actor,
        action: AuditAction.PersonalDataReveal,
        outcome: AuditOutcome.Success,
        target: { type: 'customer-profile', id },
        details: { field, reason: maskPersonalDataInText(reason) },
      },
      async (manager) => {
        const row = await this.repository.byId(id, manager);
        if (!row) throw new CustomerProfileNotFoundError(id);
        if (row.erasedAt) throw new CustomerProfileNotFoundError(id, true);
        const ciphertext = row[COLUMN[field]];
        if (!ciphertext) throw new ProfileFieldNotRecordedError(id, field);
        return this.cipher.decryptText(ciphertext, context(field, id));
      },
    );
  }

  private async live(id: string): Promise<StoredCustomerProfile> {
    const row = await this.repository.byId(id);
    if (!row) throw new CustomerProfileNotFoundError(id);
    if (row.erasedAt) throw new CustomerProfileNotFoundError(id, true);
    return row;
  }

  private async masked(row: StoredCustomerProfile): Promise<MaskedCustomerProfile> {
    const read = (field: ProfileField) => {
      const ciphertext = row[COLUMN[field]];
      return ciphertext ? this.cipher.decryptText(ciphertext, context(field, row.id)) : Promise.resolve(null);
    };
    const [name, phone, idNumber] = await Promise.all([read('name'), read('phone'), read('idNumber')]);
    return {
      id: row.id,
      name: maskName(name ?? ''),
      phone: phone ? maskIdentifier('mobile', phone) : null,
      idNumber: idNumber ? maskIdentifier('resident-id', idNumber) : null,
      createdAt: row.createdAt,
    };
  }
}

/** The associated data of a field: a ciphertext moved to another row or column does not decrypt. */
function context(field: ProfileField, id: string): string {
  return `customer_profiles.${field}:${id}`;
}
