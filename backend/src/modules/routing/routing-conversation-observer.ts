import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GuardedStatement } from '../../common/database/guarded-statement.ts';
import {
  type Conversation,
  ConversationEvents,
  ConversationLifecycle,
  type ConversationObserver,
  ConversationState,
  type MessagesListener,
} from '../conversations/index.ts';
import { QueueDispatcher } from './queue-dispatcher.service.ts';
import { RoutingAgentRepository } from './routing-agent.repository.ts';
import { RoutingGroupRepository } from './routing-group.repository.ts';
import { RoutingQueueRepository } from './routing-queue.repository.ts';

/**
 * Where conversations enter and leave routing. A handoff enqueues the conversation in the handoff group in the very
 * statement that stores the bot's handoff message (a handed-off conversation is never lost between the two); a close ends the queue entry and
 * frees the agent's seat in the closing transaction. After either commits, a dispatch pass is kicked.
 */
@Injectable()
export class RoutingConversationObserver implements ConversationObserver, MessagesListener {
  constructor(
    private readonly queue: RoutingQueueRepository,
    private readonly agents: RoutingAgentRepository,
    private readonly groups: RoutingGroupRepository,
    private readonly dispatcher: QueueDispatcher,
    lifecycle: ConversationLifecycle,
    events: ConversationEvents,
  ) {
    lifecycle.observe(this);
    events.listen(this);
  }

  handedOffIn(statement: GuardedStatement, conversation: Conversation, reason: string): void {
    this.queue.enqueueIn(statement, {
      conversationId: conversation.id,
      visitorId: conversation.visitorId,
      group: this.groups.handoffDefaultSql,
      reason,
    });
  }

  async closed(manager: EntityManager, conversation: Conversation): Promise<void> {
    const entry = await this.queue.lock(manager, conversation.id);
    if (!entry || (entry.state !== 'waiting' && entry.state !== 'assigned')) return;
    await this.queue.finish(manager, conversation.id, 'ended');
    if (entry.state === 'assigned' && entry.agentId) await this.agents.release(manager, entry.agentId);
  }

  committed(conversation: Conversation): void {
    if (conversation.state === ConversationState.Queued || conversation.state === ConversationState.Closed) {
      this.dispatcher.kick();
    }
  }
}
