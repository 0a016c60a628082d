import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { KefuConfig } from '../../common/config/kefu-config.ts';
import { Conversations } from '../conversations/index.ts';
import type { QueueState } from './routing.ts';
import { RoutingGroupRepository } from './routing-group.repository.ts';
import { type LiveEntry, RoutingQueueRepository } from './routing-queue.repository.ts';

export interface QueueStatusView {
  /** `none` until the bot hands the conversation to a person. */
  state: QueueState | 'none';
  /** 1 = next; only while waiting. */
  position: number | null;
  estimatedWaitSeconds: number | null;
}

export type LiveConversation = LiveEntry & { waitedSeconds: number };

/** Where a conversation stands in the queue: for its customer (position, estimated wait) and for supervisors. */
@Injectable()
export class QueueStatus {
  constructor(
    private readonly queue: RoutingQueueRepository,
    private readonly groups: RoutingGroupRepository,
    private readonly conversations: Conversations,
    private readonly config: KefuConfig,
  ) {}

  async forVisitor(visitor: Actor, conversationId: string): Promise<QueueStatusView> {
    await this.conversations.owned(visitor, conversationId);
    const entry = await this.queue.withPosition(conversationId);
    if (!entry) return { state: 'none', position: null, estimatedWaitSeconds: null };
    if (entry.position === null) return { state: entry.state, position: null, estimatedWaitSeconds: null };
    const present = entry.groupId ? ((await this.groups.presentMembers()).get(entry.groupId) ?? 0) : 0;
    return {
      state: entry.state,
      position: entry.position,
      estimatedWaitSeconds: this.estimate(entry.position, present),
    };
  }

  async live(groupId: string | undefined, limit: number): Promise<LiveConversation[]> {
    const now = Date.now();
    return (await this.queue.live(groupId, limit)).map((entry) => ({
      ...entry,
      waitedSeconds: Math.round(((entry.assignedAt ?? new Date(now)).getTime() - entry.enqueuedAt.getTime()) / 1000),
    }));
  }

  /**
   * Everyone ahead, and this customer, is served by the agents at their desk one conversation at a time: a deliberate
   * overestimate (agents serve several at once) — customers mind a shorter wait than promised far less than a longer.
   */
  private estimate(position: number, presentAgents: number): number {
    return Math.ceil((position * this.config.routing.averageHandleSeconds) / Math.max(1, presentAgents));
  }
}
