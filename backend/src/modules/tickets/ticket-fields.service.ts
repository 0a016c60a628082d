import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { TicketFieldRepository } from './ticket-field.repository.ts';
import type { FieldDefinition } from './ticket-field.ts';
import { TicketFieldNotFoundError } from './tickets.errors.ts';

/** Custom field definitions: what every ticket may carry. A change is audited in its own transaction. */
@Injectable()
export class TicketFields {
  constructor(
    private readonly fields: TicketFieldRepository,
    private readonly audit: AuditTrail,
  ) {}

  list(): Promise<FieldDefinition[]> {
    return this.fields.all();
  }

  async define(actor: Actor, field: FieldDefinition): Promise<FieldDefinition> {
    await this.audit.runAudited(
      (existed: boolean) => ({
        actor,
        action: AuditAction.TicketFieldsChange,
        outcome: AuditOutcome.Success,
        target: { type: 'ticket-field', id: field.key },
        details: { change: existed ? 'update' : 'create', type: field.type, required: field.required },
      }),
      (manager) => this.fields.upsert(manager, field),
    );
    return field;
  }

  async remove(actor: Actor, key: string): Promise<void> {
    await this.audit.runAudited(
      {
        actor,
        action: AuditAction.TicketFieldsChange,
        outcome: AuditOutcome.Success,
        target: { type: 'ticket-field', id: key },
        details: { change: 'delete' },
      },
      async (manager) => {
        if (!(await this.fields.delete(manager, key))) throw new TicketFieldNotFoundError(key);
      },
    );
  }
}
