import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AgentConversations, type PostedMessages } from '../conversations/index.ts';
import { Tickets } from '../tickets/index.ts';
import type { RoutingGroup } from './routing.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingGroupRepository } from './routing-group.repository.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';
import { isOpen } from './working-hours.ts';

/** Why a waiting customer was turned into a leave-a-message ticket. */
type OverflowReason = 'no-group' | 'outside-working-hours' | 'nobody-online';

/**
 * Gives waiting conversations to agents, and overflows them into leave-a-message tickets when their group has nobody
 * at their desk or is closed. Each assignment is one short transaction that locks the head of the queue and the
 * chosen agent with SKIP LOCKED: any number of replicas can run passes at once, and none assigns a conversation twice
 * or an agent past capacity. Handoffs, closes, presence and capacity changes kick a pass at once; the timer catches
 * what other replicas' kicks and crashes left behind.
 */
@Injectable()
export class QueueDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('QueueDispatcher');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: RoutingQueueRepository,
    private readonly agents: RoutingAgentRepository,
    private readonly groups: RoutingGroupRepository,
    private readonly conversations: AgentConversations,
    private readonly tickets: Tickets,
    private readonly config: KefuConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), this.config.routing.sweepIntervalMs);
    this.timer.unref();
    this.kick();
  }

  /** Stops before the database pool closes (the first shutdown hook), letting a running pass finish. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.settled();
  }

  /** Runs a pass soon; while one runs, one more follows it, so no change is missed. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.pass().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves once no pass is running (this replica's). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async pass(): Promise<void> {
    let groupIds: Array<string | null>;
    try {
      groupIds = await this.queue.waitingGroups();
    } catch (error) {
      this.logger.warn({ err: error }, 'a routing pass could not read the queue; the next one retries');
      return;
    }
    // One group's failure must not hold up the others' customers.
    for (const groupId of groupIds) {
      try {
        const group = groupId ? await this.groups.byId(groupId) : undefined;
        if (group) while (await this.assignHead(group));
        while (await this.overflowHead(group, groupId));
      } catch (error) {
        this.logger.warn({ err: error, groupId }, 'routing a group failed; the next pass retries');
      }
    }
  }

  private async assignHead(group: RoutingGroup): Promise<boolean> {
    const posted = await this.dataSource.transaction(async (manager): Promise<PostedMessages | undefined> => {
      if (!isOpen(group.workingHours, new Date())) return undefined;
      const entry = await this.queue.lockHead(manager, group.id);
      if (!entry) return undefined;
      const previous =
        group.strategy === 'previous-agent'
          ? await this.queue.previousAgent(manager, entry.visitorId, entry.conversationId)
          : null;
      const agent = await this.agents.lockCandidate(manager, group.id, group.strategy, previous);
      if (!agent || !(await this.agents.occupy(manager, agent.agentId, group.id))) return undefined;
      await this.queue.assign(manager, entry.conversationId, agent.agentId);
      return this.conversations.assign(manager, entry.conversationId, { id: agent.agentId, name: agent.displayName });
    });
    if (!posted) return false;
    await this.conversations.publish(posted);
    return true;
  }

  /** Overflows the head of the queue if, checked inside the transaction, nobody can serve it. */
  private async overflowHead(group: RoutingGroup | undefined, groupId: string | null): Promise<boolean> {
    const posted = await this.dataSource.transaction(async (manager): Promise<PostedMessages | undefined> => {
      const reason = this.overflowReason(group, await this.groups.presentMembers(manager));
      if (!reason) return undefined;
      const entry = await this.queue.lockHead(manager, groupId);
      if (!entry) return undefined;
      const ticket = await this.tickets.createForOverflow(manager, entry.conversationId, reason);
      await this.queue.finish(manager, entry.conversationId, 'overflowed', ticket.id);
      return this.conversations.closeLeavingMessage(manager, entry.conversationId, ticket.number);
    });
    if (!posted) return false;
    await this.conversations.publish(posted);
    return true;
  }

  private overflowReason(group: RoutingGroup | undefined, present: Map<string, number>): OverflowReason | undefined {
    if (!group) return 'no-group';
    if (!isOpen(group.workingHours, new Date())) return 'outside-working-hours';
    if (!present.get(group.id)) return 'nobody-online';
    return undefined;
  }
}
