import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter } from 'prom-client';
import type { DataSource } from 'typeorm';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { AuditAction, AuditOutcome, AuditTrail, systemActor } from '../audit/index.ts';
import { AgentConversations, type PostedMessages } from '../conversations/index.ts';
import { MetricsRegistry } from '../observability/index.ts';
import { ConversationTransfer } from './conversation-transfer.use-case.ts';
import { QueueDispatcher } from './queue-dispatcher.service.ts';
import type { QueueEntry } from './routing.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';

const routingActor = systemActor('routing');

/**
 * Agents whose console went silent (browser closed, computer asleep, network lost) for
 * `KEFU_ROUTING_PRESENCE_TIMEOUT_SECONDS` are not at their desk: every sweep interval each replica sets them offline,
 * so nobody new is given to them, and once they have been silent for `KEFU_ROUTING_CONVERSATION_GRACE_SECONDS` (by
 * default the same) puts the conversations they were serving back in their group's queue, the customer told they are
 * being transferred — a customer must not wait on someone who is gone. Each move is one transaction, audited as a
 * transfer by `system:routing`; the dispatcher then assigns or overflows as for any waiting customer.
 */
@Injectable()
export class SilentAgents implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SilentAgents');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private readonly timedOut: Counter;
  private readonly moved: Counter;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agents: RoutingAgentRepository,
    private readonly queue: RoutingQueueRepository,
    private readonly conversations: AgentConversations,
    private readonly transfers: ConversationTransfer,
    private readonly audit: AuditTrail,
    private readonly dispatcher: QueueDispatcher,
    private readonly config: KefuConfig,
    metrics: MetricsRegistry,
  ) {
    // Agents dropping out is what a contact centre's operators watch for (a network or browser problem on the floor).
    this.timedOut = new Counter({
      name: 'kefu_routing_agents_timed_out_total',
      help: 'Agents set offline because their console went silent',
      registers: [metrics.registry],
    });
    this.moved = new Counter({
      name: 'kefu_routing_conversations_moved_from_silent_agents_total',
      help: 'Conversations put back in the queue because their agent console went silent',
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => {
        this.running = undefined;
      });
    }, this.config.routing.sweepIntervalMs).unref();
  }

  /** Stops before the database pool closes, letting a running sweep finish. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    const { presenceTimeoutSeconds: timeout, conversationGraceSeconds: grace } = this.config.routing;
    try {
      const agentIds = await this.agents.setSilentOffline(timeout);
      this.timedOut.inc(agentIds.length);
      if (agentIds.length > 0) {
        this.logger.log({ agentIds }, `agents set offline: their console was silent for ${timeout} s`);
      }
      // Also what an earlier sweep (here or in another replica) set offline but could not move: it is retried.
      const stranded = await this.queue.assignedToSilentAgents(grace);
      for (const entry of stranded) await this.returnToQueue(entry, grace);
      if (stranded.length > 0) this.dispatcher.kick();
    } catch (error) {
      this.logger.warn({ err: error }, 'could not deal with silent agents; the next sweep retries');
    }
  }

  /**
   * Back to the queue of its group, if once locked it is still assigned to the same agent and that agent is silent
   * still (else left as it is).
   */
  private async returnToQueue(entry: QueueEntry, silentSeconds: number): Promise<void> {
    const agentId = entry.agentId as string;
    const posted = await this.dataSource.transaction(async (manager): Promise<PostedMessages | undefined> => {
      // A conversation closed meanwhile is refused by the lock: nothing to move.
      const locked = await this.conversations.lock(manager, entry.conversationId).catch(() => undefined);
      const current = locked && (await this.queue.lock(manager, entry.conversationId));
      if (current?.state !== 'assigned' || current.agentId !== agentId) return undefined;
      if (!(await this.agents.lockIfSilent(manager, agentId, silentSeconds))) return undefined;
      await this.audit.record(
        {
          actor: routingActor,
          action: AuditAction.ConversationTransfer,
          outcome: AuditOutcome.Success,
          target: { type: 'conversation', id: entry.conversationId },
          details: { from: agentId, groupId: current.groupId, reason: 'agent-console-silent' },
        },
        manager,
      );
      return this.transfers.backToQueue(manager, current, current.groupId);
    });
    if (!posted) return;
    this.moved.inc();
    await this.conversations.publish(posted);
  }
}
