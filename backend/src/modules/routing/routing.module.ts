import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.ts';
import { ConversationsModule } from '../conversations/index.ts';
import { ObservabilityModule } from '../observability/index.ts';
import { TicketsModule } from '../tickets/index.ts';
import { AgentPresence } from './agent-presence.service.ts';
import { ConversationTransfer } from './conversation-transfer.use-case.ts';
import { QueueDispatcher } from './queue-dispatcher.service.ts';
import { QueueStatusController } from './queue-status.controller.ts';
import { QueueStatus } from './queue-status.service.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingAgentsController } from './routing-agents.controller.ts';
import { RoutingConversationObserver } from './routing-conversation-observer.ts';
import { RoutingConversationsController } from './routing-conversations.controller.ts';
import { RoutingGroupRepository } from './routing-group.repository.ts';
import { RoutingGroupsController } from './routing-groups.controller.ts';
import { RoutingGroups } from './routing-groups.service.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';
import { SilentAgents } from './silent-agents.service.ts';

/**
 * Skill groups, agent presence and capacity (and what happens when an agent's console goes silent), the queue with
 * assignment and overflow, transfer and takeover.
 */
@Module({
  imports: [AuditModule, ConversationsModule, ObservabilityModule, TicketsModule],
  controllers: [
    RoutingGroupsController,
    RoutingAgentsController,
    RoutingConversationsController,
    QueueStatusController,
  ],
  providers: [
    RoutingGroupRepository,
    RoutingAgentRepository,
    RoutingQueueRepository,
    QueueDispatcher,
    RoutingConversationObserver,
    RoutingGroups,
    AgentPresence,
    ConversationTransfer,
    QueueStatus,
    SilentAgents,
  ],
  exports: [QueueDispatcher, RoutingGroups],
})
export class RoutingModule {}
