import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Actor, Permission, permissionsOf } from '../../common/access/index.ts';
import { maskPersonalDataInText } from '../../common/personal-data/index.ts';
import { agentNotices } from './agent-notices.ts';
import { ConversationRepository } from './conversation.repository.ts';
import {
  type ChatMessage,
  type Conversation,
  ConversationState,
  type Disposition,
  type MessageContent,
} from './conversation.ts';
import { ConversationClosedError } from './conversation-closed.error.ts';
import { ConversationEvents } from './conversation-events.ts';
import { ConversationLifecycle } from './conversation-lifecycle.ts';
import { ConversationNotAssignedError } from './conversation-not-assigned.error.ts';
import { ConversationNotFoundError } from './conversation-not-found.error.ts';
import { MessageRepository, type NewMessage, type StoredMessage } from './message.repository.ts';
import { TranscriptCipher } from './transcript-cipher.ts';

/** A member of staff as the customer sees them. */
export interface StaffMember {
  id: string;
  name: string;
}

/** Messages committed by a caller's transaction; `publish` them once it has committed. */
export interface PostedMessages {
  conversation: Conversation;
  stored: NewMessage[];
}

export interface AgentSendResult {
  message: ChatMessage;
  duplicate: boolean;
  conversation: Conversation;
}

export interface Transcript {
  conversation: Conversation;
  messages: ChatMessage[];
}

/**
 * The staff side of a conversation. Writes take the same row lock and sequence as the customer's sends, so agent,
 * system and customer messages interleave without gaps and every one reaches the widget's room live. Assignment
 * itself is decided by routing, which calls `assign` / `requeue` / `closeLeavingMessage` inside its own transaction.
 */
@Injectable()
export class AgentConversations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly transcripts: TranscriptCipher,
    private readonly events: ConversationEvents,
    private readonly lifecycle: ConversationLifecycle,
  ) {}

  /**
   * Locks an open conversation and says who serves it. Routing calls this first when it moves a conversation, so
   * every path takes the conversation's lock before routing's rows, the order a close takes them in.
   */
  async lock(
    manager: EntityManager,
    conversationId: string,
  ): Promise<{ conversation: Conversation; agentId: string | null }> {
    const locked = await this.conversations.lockWithAgent(manager, conversationId);
    if (!locked) throw new ConversationNotFoundError(conversationId);
    if (locked.conversation.state === ConversationState.Closed) throw new ConversationClosedError(conversationId);
    return locked;
  }

  /** `agent` now serves the conversation (routed, transferred or taken over); the customer is told who. */
  async assign(manager: EntityManager, conversationId: string, agent: StaffMember): Promise<PostedMessages> {
    const { conversation } = await this.lock(manager, conversationId);
    await this.conversations.replaceAgent(manager, conversationId, agent.id);
    return this.post(manager, conversation, ConversationState.Agent, {
      text: agentNotices[conversation.language].joined(agent.name),
    });
  }

  /** Back to the queue without an agent (a transfer to a group). */
  async requeue(manager: EntityManager, conversationId: string): Promise<PostedMessages> {
    const { conversation } = await this.lock(manager, conversationId);
    await this.conversations.replaceAgent(manager, conversationId, null);
    return this.post(manager, conversation, ConversationState.Queued, {
      text: agentNotices[conversation.language].transferring,
    });
  }

  /** Nobody can take the conversation: it ends, telling the customer the number of the ticket that keeps it. */
  async closeLeavingMessage(
    manager: EntityManager,
    conversationId: string,
    ticketNumber: number,
  ): Promise<PostedMessages> {
    const { conversation } = await this.lock(manager, conversationId);
    await this.conversations.replaceAgent(manager, conversationId, null);
    await this.conversations.saveClosure(manager, {
      conversationId,
      closedBy: 'system:routing',
      disposition: 'left-message',
      summary: null,
      closedAt: new Date(),
    });
    return this.finish(manager, conversation, agentNotices[conversation.language].leftMessage(ticketNumber));
  }

  /**
   * Ends a conversation with the bot in which nothing was written for `idleMinutes`, so that it is counted, scored and
   * can be rated like any other; false when it moved on meanwhile or another replica is closing it.
   */
  async closeIdle(conversationId: string, idleMinutes: number): Promise<boolean> {
    const posted = await this.dataSource.transaction(async (manager) => {
      const conversation = await this.conversations.lockIfIdle(manager, conversationId, idleMinutes);
      if (!conversation) return undefined;
      await this.conversations.saveClosure(manager, {
        conversationId,
        closedBy: 'system:idle',
        disposition: 'idle',
        summary: null,
        closedAt: new Date(),
      });
      return this.finish(manager, conversation, agentNotices[conversation.language].idleClosed);
    });
    if (!posted) return false;
    await this.publish(posted);
    return true;
  }

  async publish(posted: PostedMessages): Promise<ChatMessage[]> {
    const messages = await Promise.all(posted.stored.map((message) => this.transcripts.open(message)));
    await this.events.committed(posted.conversation, messages);
    return messages;
  }

  async reply(agent: Actor, conversationId: string, clientMessageId: string, text: string): Promise<AgentSendResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const locked = await this.conversations.lockWithAgent(manager, conversationId, clientMessageId);
      if (!locked) throw new ConversationNotFoundError(conversationId);
      if (locked.storedSeq != null) {
        const earlier = await this.messages.byClientMessageId(manager, conversationId, clientMessageId);
        return { posted: { conversation: locked.conversation, stored: earlier }, duplicate: true };
      }
      this.assertServedBy(agent, conversationId, locked);
      const posted = await this.post(
        manager,
        locked.conversation,
        ConversationState.Agent,
        { text },
        { senderKind: 'agent', senderId: agent.id, clientMessageId },
      );
      return { posted, duplicate: false };
    });
    const [message] = outcome.duplicate
      ? await Promise.all(outcome.posted.stored.map((stored: StoredMessage) => this.transcripts.open(stored)))
      : await this.publish(outcome.posted);
    return { message, duplicate: outcome.duplicate, conversation: outcome.posted.conversation };
  }

  async close(agent: Actor, conversationId: string, disposition: Disposition, summary: string): Promise<Conversation> {
    const posted = await this.dataSource.transaction(async (manager) => {
      const locked = await this.conversations.lockWithAgent(manager, conversationId);
      if (!locked) throw new ConversationNotFoundError(conversationId);
      this.assertServedBy(agent, conversationId, locked);
      const closedAt = new Date();
      await this.conversations.replaceAgent(manager, conversationId, null);
      await this.conversations.saveClosure(manager, {
        conversationId,
        closedBy: agent.id,
        disposition,
        summary: await this.transcripts.sealSummary(conversationId, summary, closedAt),
        closedAt,
      });
      return this.finish(manager, locked.conversation, agentNotices[locked.conversation.language].closed);
    });
    await this.publish(posted);
    return posted.conversation;
  }

  /** What a member of staff may read: a conversation they serve or served, or any one for a supervisor. */
  async readable(staff: Actor, conversationId: string): Promise<Conversation> {
    const conversation = await this.conversations.byId(conversationId);
    if (!conversation) throw new ConversationNotFoundError(conversationId);
    const supervisor = permissionsOf(staff.roles).has(Permission.ConversationsSupervise);
    if (!supervisor && !(await this.conversations.servedBy(conversationId, staff.id))) {
      throw new ConversationNotAssignedError(conversationId);
    }
    return conversation;
  }

  /**
   * No access check: for a module that decided itself who may read (the assignee of a ticket). People get identifiers
   * the customer typed (ID, card, phone numbers, e-mail) masked, like every screen; `full` is for machines that must
   * see them to do their job — quality inspection looking for agents who typed them in full — and show none.
   */
  async readTranscript(
    conversationId: string,
    afterSeq: number,
    limit: number,
    view: 'masked' | 'full' = 'masked',
  ): Promise<Transcript> {
    const conversation = await this.conversations.byId(conversationId);
    if (!conversation) throw new ConversationNotFoundError(conversationId);
    const stored = await this.messages.after(conversationId, afterSeq, limit);
    const messages = await Promise.all(stored.map((message) => this.transcripts.open(message)));
    if (view === 'full') return { conversation, messages };
    return {
      conversation,
      messages: messages.map((message) => ({ ...message, text: maskPersonalDataInText(message.text) })),
    };
  }

  /** Who serves the conversation now (agent assist answers only them); no lock, so it never holds up a send. */
  currentAgent(conversationId: string): Promise<string | null> {
    return this.conversations.currentAgent(conversationId);
  }

  /** Who served the conversation (quality inspection scores them): every agent who joined it, first one first. */
  agentsOf(conversationId: string): Promise<string[]> {
    return this.conversations.agentsOf(conversationId);
  }

  private assertServedBy(
    agent: Actor,
    conversationId: string,
    locked: { conversation: Conversation; agentId: string | null },
  ) {
    if (locked.conversation.state === ConversationState.Closed) throw new ConversationClosedError(conversationId);
    if (locked.agentId !== agent.id) throw new ConversationNotAssignedError(conversationId);
  }

  private async finish(manager: EntityManager, conversation: Conversation, notice: string): Promise<PostedMessages> {
    const posted = await this.post(manager, conversation, ConversationState.Closed, { text: notice });
    await this.lifecycle.closed(manager, posted.conversation);
    return posted;
  }

  private async post(
    manager: EntityManager,
    conversation: Conversation,
    state: ConversationState,
    content: MessageContent,
    sender: { senderKind: 'agent' | 'system'; senderId: string | null; clientMessageId?: string } = {
      senderKind: 'system',
      senderId: null,
    },
  ): Promise<PostedMessages> {
    const seq = conversation.lastSeq + 1;
    const stored = await this.transcripts.sealAll(conversation.id, [
      { seq, ...sender, kind: sender.senderKind === 'agent' ? 'text' : 'notice', content },
    ]);
    await this.conversations.append(manager, conversation.id, stored, { lastSeq: seq, state });
    return { conversation: { ...conversation, lastSeq: seq, state }, stored };
  }
}
