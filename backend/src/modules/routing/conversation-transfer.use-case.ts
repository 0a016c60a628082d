import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, Permission, permissionsOf } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, AuditOutcome, AuditTrail } from '../audit/index.ts';
import { AgentConversations, type PostedMessages } from '../conversations/index.ts';
import { QueueDispatcher } from './queue-dispatcher.service.ts';
import {
  AgentNotFoundError,
  AgentUnavailableError,
  GroupNotFoundError,
  NotInRoutingError,
  NotYourConversationError,
} from './routing.errors.ts';
import { presentStates, type QueueEntry } from './routing.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingGroupRepository } from './routing-group.repository.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';

export type TransferTarget = { agentId: string } | { groupId: string };

/**
 * Moving a conversation that a person serves: a transfer to another agent (who must be at their desk with room) or
 * back to a group's queue, by the serving agent or a supervisor; and a supervisor's takeover, which does not wait
 * for room. Locks are taken in the order a close takes them — conversation, queue entry, agents — so the two never
 * deadlock. Both are audited in the same transaction.
 */
@Injectable()
export class ConversationTransfer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: RoutingQueueRepository,
    private readonly agents: RoutingAgentRepository,
    private readonly groups: RoutingGroupRepository,
    private readonly conversations: AgentConversations,
    private readonly audit: AuditTrail,
    private readonly dispatcher: QueueDispatcher,
    private readonly config: KefuConfig,
  ) {}

  async transfer(actor: Actor, conversationId: string, target: TransferTarget): Promise<QueueEntry> {
    const posted = await this.dataSource.transaction(async (manager) => {
      const entry = await this.lockServed(manager, actor, conversationId);
      const moved =
        'agentId' in target
          ? await this.toAgent(manager, entry, target.agentId)
          : await this.toGroup(manager, entry, target.groupId);
      await this.audit.record(
        {
          actor,
          action: AuditAction.ConversationTransfer,
          outcome: AuditOutcome.Success,
          target: { type: 'conversation', id: conversationId },
          details: { from: entry.agentId, ...target },
        },
        manager,
      );
      return moved;
    });
    await this.conversations.publish(posted);
    this.dispatcher.kick();
    return (await this.queue.withPosition(conversationId)) as QueueEntry;
  }

  async takeOver(supervisor: Actor, conversationId: string): Promise<QueueEntry> {
    const posted = await this.dataSource.transaction(async (manager) => {
      await this.conversations.lock(manager, conversationId);
      const entry = await this.queue.lock(manager, conversationId);
      if (!entry || (entry.state !== 'waiting' && entry.state !== 'assigned')) {
        throw new NotInRoutingError(conversationId);
      }
      await this.agents.ensure(
        manager,
        supervisor.id,
        supervisor.username ?? null,
        this.config.routing.defaultCapacity,
      );
      if (entry.agentId) await this.agents.release(manager, entry.agentId);
      // A supervisor stepping in is a deliberate act: it counts against their capacity but is never refused by it.
      await this.agents.occupy(manager, supervisor.id, null, true);
      await this.queue.assign(manager, conversationId, supervisor.id);
      await this.audit.record(
        {
          actor: supervisor,
          action: AuditAction.ConversationTakeover,
          outcome: AuditOutcome.Success,
          target: { type: 'conversation', id: conversationId },
          details: { from: entry.agentId, wasWaiting: entry.state === 'waiting' },
        },
        manager,
      );
      return this.conversations.assign(manager, conversationId, {
        id: supervisor.id,
        name: supervisor.username ?? supervisor.id,
      });
    });
    await this.conversations.publish(posted);
    return (await this.queue.withPosition(conversationId)) as QueueEntry;
  }

  private async lockServed(manager: EntityManager, actor: Actor, conversationId: string): Promise<QueueEntry> {
    await this.conversations.lock(manager, conversationId);
    const entry = await this.queue.lock(manager, conversationId);
    if (entry?.state !== 'assigned') throw new NotInRoutingError(conversationId);
    const supervisor = permissionsOf(actor.roles).has(Permission.ConversationsSupervise);
    if (entry.agentId !== actor.id && !supervisor) throw new NotYourConversationError(conversationId);
    return entry;
  }

  private async toAgent(manager: EntityManager, entry: QueueEntry, agentId: string): Promise<PostedMessages> {
    const agent = await this.agents.byId(agentId, manager);
    if (!agent) throw new AgentNotFoundError(agentId);
    if (agentId === entry.agentId) throw new AgentUnavailableError(agentId, 'they already serve it');
    if (!presentStates.includes(agent.presence)) throw new AgentUnavailableError(agentId, `they are ${agent.presence}`);
    if (!(await this.agents.occupy(manager, agentId, entry.groupId))) {
      throw new AgentUnavailableError(agentId, `they are at their capacity of ${agent.capacity}`);
    }
    if (entry.agentId) await this.agents.release(manager, entry.agentId);
    await this.queue.assign(manager, entry.conversationId, agentId);
    return this.conversations.assign(manager, entry.conversationId, { id: agentId, name: agent.displayName });
  }

  private async toGroup(manager: EntityManager, entry: QueueEntry, groupId: string): Promise<PostedMessages> {
    if (!(await this.groups.byId(groupId, manager))) throw new GroupNotFoundError(groupId);
    return this.backToQueue(manager, entry, groupId);
  }

  /**
   * A locked, assigned conversation waits in `groupId`'s queue again (none: it overflows), its agent's seat freed and
   * the customer told they are being transferred. The caller audits the move.
   */
  async backToQueue(manager: EntityManager, entry: QueueEntry, groupId: string | null): Promise<PostedMessages> {
    if (entry.agentId) await this.agents.release(manager, entry.agentId);
    // The customer keeps their original place in time: they have waited already.
    await this.queue.requeue(manager, entry.conversationId, groupId);
    return this.conversations.requeue(manager, entry.conversationId);
  }
}
