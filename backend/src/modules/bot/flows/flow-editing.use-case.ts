import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../common/access/index.ts';
import { AuditAction, type AuditEntry, AuditOutcome, AuditTrail } from '../../audit/index.ts';
import type { SaveFlowRequest } from '../dto/save-flow.request.ts';
import { BankEndpointClient } from './bank-endpoint.client.ts';
import { FlowChangedConcurrentlyError, FlowNotFoundError, FlowTriggerTakenError } from './flow.errors.ts';
import { FlowRepository, type StoredFlow } from './flow.repository.ts';
import { FlowCatalog } from './flow-catalog.service.ts';
import { type Flow, parseFlowDefinition } from './flow-definition.ts';

/**
 * Trainers create, change and delete flows. A flow decides what the bot asks customers and which bank system it
 * calls with their answers, so every change is audited in its own transaction (fail-closed: no record, no change)
 * and served by this replica at once, by the others within seconds.
 */
@Injectable()
export class FlowEditing {
  constructor(
    private readonly flows: FlowRepository,
    private readonly catalog: FlowCatalog,
    private readonly endpoints: BankEndpointClient,
    private readonly audit: AuditTrail,
  ) {}

  async save(actor: Actor, id: string, request: SaveFlowRequest): Promise<StoredFlow> {
    const definition = parseFlowDefinition(request.definition, this.endpoints.allowedEndpoints());
    const triggers = [...new Set(request.triggers)];
    if (request.enabled) await this.assertTriggersFree(id, triggers);
    const saved = await this.audit.runAudited(
      ({ flow, created }: { flow: Flow; created: boolean }) => this.entry(actor, flow, created ? 'create' : 'update'),
      async (manager) => {
        const existing = await this.flows.byId(id, manager, true);
        const flow: Flow = {
          id,
          version: (existing?.version ?? 0) + 1,
          triggers,
          enabled: request.enabled,
          definition,
        };
        if (existing) await this.flows.update(manager, flow, actor.id);
        else if (!(await this.flows.insert(manager, flow, actor.id))) throw new FlowChangedConcurrentlyError(id);
        return { flow, created: !existing };
      },
    );
    await this.catalog.refresh();
    return (await this.flows.byId(saved.flow.id)) as StoredFlow;
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.audit.runAudited(
      (flow: StoredFlow) => this.entry(actor, flow, 'delete'),
      async (manager) => {
        const existing = await this.flows.byId(id, manager, true);
        if (!existing) throw new FlowNotFoundError(id);
        await this.flows.delete(manager, id);
        return existing;
      },
    );
    await this.catalog.refresh();
  }

  private async assertTriggersFree(id: string, triggers: string[]): Promise<void> {
    for (const other of await this.flows.all()) {
      if (other.id === id || !other.enabled) continue;
      const taken = triggers.find((trigger) => other.triggers.includes(trigger));
      if (taken) throw new FlowTriggerTakenError(taken, other.id);
    }
  }

  private entry(actor: Actor, flow: Flow, operation: 'create' | 'update' | 'delete'): AuditEntry {
    return {
      actor,
      action: AuditAction.BotFlowChange,
      outcome: AuditOutcome.Success,
      target: { type: 'bot-flow', id: flow.id },
      details: {
        operation,
        version: flow.version,
        enabled: flow.enabled,
        triggers: flow.triggers,
        endpoint: flow.definition.action.endpoint,
      },
    };
  }
}
