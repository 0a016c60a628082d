import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '../../common/errors/request-validation.error.ts';
import { maskPersonalDataInText } from '../../common/personal-data/index.ts';
import { AuditAction, type AuditActor, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { CustomerProfileRepository } from './customer-profile.repository.ts';
import { CustomerProfileNotFoundError } from './customer-profile-not-found.error.ts';
import { DataClass } from './data-class.ts';
import { type LegalHold, LegalHoldRepository } from './legal-hold.repository.ts';
import { LegalHoldNotFoundError } from './legal-hold-not-found.error.ts';

/**
 * Legal holds: while one is active, retention skips the data it covers (a whole class, or one subject such as a
 * customer profile) and erasure is refused. Placing and releasing are audited in the same transaction.
 */
@Injectable()
export class LegalHolds {
  constructor(
    private readonly repository: LegalHoldRepository,
    private readonly profiles: CustomerProfileRepository,
    private readonly trail: AuditTrail,
  ) {}

  /** A hold on one subject names an existing customer profile: a hold that covers nobody would protect nothing. */
  async place(dataClass: DataClass, subjectId: string | null, reason: string, actor: AuditActor): Promise<LegalHold> {
    if (subjectId !== null && dataClass !== DataClass.CustomerProfiles) {
      throw new RequestValidationError([
        {
          field: 'subjectId',
          rule: 'customerProfilesOnly',
          message: `subjectId names one customer profile: a ${dataClass} hold covers the whole class`,
        },
      ]);
    }
    const id = randomUUID();
    return this.trail.runAudited(
      {
        actor,
        action: AuditAction.LegalHoldPlace,
        outcome: AuditOutcome.Success,
        target: { type: 'legal-hold', id },
        details: {
          data_class: dataClass,
          subject_id: subjectId,
          reason: maskPersonalDataInText(reason),
        },
      },
      async (manager) => {
        if (subjectId !== null && !(await this.profiles.byId(subjectId, manager))) {
          throw new CustomerProfileNotFoundError(subjectId);
        }
        return this.repository.insert(manager, {
          id,
          dataClass,
          subjectId,
          reason: maskPersonalDataInText(reason),
          placedBy: actor.id,
        });
      },
    );
  }

  async release(id: string, actor: AuditActor): Promise<LegalHold> {
    return this.trail.runAudited(
      (hold: LegalHold) => ({
        actor,
        action: AuditAction.LegalHoldRelease,
        outcome: AuditOutcome.Success,
        target: { type: 'legal-hold', id },
        details: { data_class: hold.dataClass, subject_id: hold.subjectId },
      }),
      async (manager) => {
        const released = await this.repository.release(manager, id, actor.id);
        if (!released) throw new LegalHoldNotFoundError(id);
        return released;
      },
    );
  }

  active(dataClass: DataClass): Promise<LegalHold[]> {
    return this.repository.active(dataClass);
  }
}
