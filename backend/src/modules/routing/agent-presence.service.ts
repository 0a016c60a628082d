import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { QueueDispatcher } from './queue-dispatcher.service.ts';
import { AgentNotFoundError } from './routing.errors.ts';
import type { Presence, QueueEntry, RoutingAgent } from './routing.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';

/**
 * Agents as routing sees them: presence (set by the agent), capacity (set by a supervisor, audited) and the
 * conversations assigned to them. Going online or getting more room kicks a dispatch pass. Each change of presence
 * or capacity is logged in agent_presence_changes by the same write (RoutingAgentRepository), for occupancy. Asking
 * for their routing state (`me`, which the console does every few seconds) or setting a presence marks the agent as
 * seen; an agent not seen for `KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS` is set offline by the dispatcher's pass.
 */
@Injectable()
export class AgentPresence {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agents: RoutingAgentRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly audit: AuditTrail,
    private readonly dispatcher: QueueDispatcher,
    private readonly config: KefuConfig,
  ) {}

  list(): Promise<RoutingAgent[]> {
    return this.agents.list();
  }

  async me(agent: Actor): Promise<{ agent: RoutingAgent; assigned: QueueEntry[]; presenceTimeoutSeconds: number }> {
    await this.ensureSeen(this.dataSource.manager, agent);
    return {
      agent: (await this.agents.byId(agent.id)) as RoutingAgent,
      assigned: await this.queue.assignedTo(agent.id),
      presenceTimeoutSeconds: this.config.routing.presenceTimeoutSeconds,
    };
  }

  async setPresence(agent: Actor, presence: Presence): Promise<RoutingAgent> {
    await this.dataSource.transaction(async (manager) => {
      await this.ensureSeen(manager, agent);
      await this.agents.setPresence(manager, agent.id, presence);
    });
    this.dispatcher.kick();
    return (await this.agents.byId(agent.id)) as RoutingAgent;
  }

  async setCapacity(actor: Actor, agentId: string, capacity: number): Promise<RoutingAgent> {
    await this.audit.runAudited(
      {
        actor,
        action: AuditAction.RoutingChange,
        outcome: AuditOutcome.Success,
        target: { type: 'routing-agent', id: agentId },
        details: { change: 'capacity', capacity },
      },
      async (manager) => {
        if (!(await this.agents.byId(agentId, manager))) throw new AgentNotFoundError(agentId);
        await this.agents.setCapacity(manager, agentId, capacity);
      },
    );
    this.dispatcher.kick();
    return (await this.agents.byId(agentId)) as RoutingAgent;
  }

  /** The agent themselves asked: known to routing from now on, and heard from now (see the presence timeout). */
  private ensureSeen(manager: EntityManager, agent: Actor): Promise<void> {
    const capacity = this.config.routing.defaultCapacity;
    return this.agents.ensure(manager, agent.id, agent.username ?? null, capacity, { seen: true });
  }
}
