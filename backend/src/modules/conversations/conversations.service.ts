import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { BotEngine, type BotMessage, type BotReply } from '../bot/index.ts';
import { ConversationRepository } from './conversation.repository.ts';
import {
  type ChatMessage,
  type Conversation,
  type ConversationChannel,
  type ConversationLanguage,
  ConversationState,
  type SendResult,
} from './conversation.ts';
import { ConversationClosedError } from './conversation-closed.error.ts';
import { ConversationEvents } from './conversation-events.ts';
import { ConversationLifecycle } from './conversation-lifecycle.ts';
import { ConversationNotFoundError } from './conversation-not-found.error.ts';
import { MessageRepository, type NewMessage, type StoredMessage } from './message.repository.ts';
import { type PendingMessage, TranscriptCipher } from './transcript-cipher.ts';

export interface StartRequest {
  channel: ConversationChannel;
  language: ConversationLanguage;
}

export interface History {
  conversation: Conversation;
  messages: ChatMessage[];
}

/**
 * A customer's side of a conversation, whatever the channel. Each send is one transaction that locks the
 * conversation, stores the message, asks the bot and stores its replies with the next sequence numbers: the
 * acknowledgement follows the commit, so an acknowledged message is never lost, and a resend with the same client id
 * returns what was stored the first time instead of storing it twice.
 */
@Injectable()
export class Conversations {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly conversations: ConversationRepository,
    private readonly messages: MessageRepository,
    private readonly transcripts: TranscriptCipher,
    private readonly bot: BotEngine,
    private readonly events: ConversationEvents,
    private readonly lifecycle: ConversationLifecycle,
  ) {}

  async start(visitor: Actor, request: StartRequest): Promise<History> {
    const greeting = this.bot.greeting(request.language, request.channel);
    const { conversation, stored } = await this.dataSource.transaction(async (manager) => {
      const created = await this.conversations.create(manager, {
        id: randomUUID(),
        visitorId: visitor.id,
        visitorVerified: visitor.verified === true,
        channel: request.channel,
        language: request.language,
      });
      const rows = await this.seal(created, [botRow(1, undefined, greeting)]);
      await this.conversations.append(manager, created.id, rows, { lastSeq: 1, state: created.state });
      return { conversation: { ...created, lastSeq: 1 }, stored: rows };
    });
    const messages = await this.openAll(stored);
    await this.events.committed(conversation, messages);
    return { conversation, messages };
  }

  async send(visitor: Actor, conversationId: string, clientMessageId: string, text: string): Promise<SendResult> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      // The row lock orders concurrent sends to one conversation and makes the client-id check race-free.
      const locked = await this.conversations.lockForSend(manager, conversationId, clientMessageId);
      const conversation = this.ownedBy(visitor, conversationId, locked?.conversation);
      if (locked?.storedSeq != null) {
        const earlier = await this.messages.byClientMessageId(manager, conversationId, clientMessageId);
        return { conversation, stored: earlier, duplicate: true };
      }
      if (conversation.state === ConversationState.Closed) throw new ConversationClosedError(conversationId);
      return this.storeTurn(manager, conversation, clientMessageId, text);
    });
    const [message, ...replies] = await this.openAll(outcome.stored);
    if (!outcome.duplicate) await this.events.committed(outcome.conversation, [message, ...replies]);
    return { message, replies, duplicate: outcome.duplicate, conversation: outcome.conversation };
  }

  async history(visitor: Actor, conversationId: string, afterSeq: number, limit: number): Promise<History> {
    const conversation = await this.owned(visitor, conversationId);
    const stored = await this.messages.after(conversationId, afterSeq, limit);
    return { conversation, messages: await this.openAll(stored) };
  }

  private async storeTurn(
    manager: EntityManager,
    conversation: Conversation,
    clientMessageId: string,
    text: string,
  ): Promise<{ conversation: Conversation; stored: StoredMessage[]; duplicate: boolean }> {
    const seq = conversation.lastSeq + 1;
    const reply: BotReply | undefined =
      conversation.state === ConversationState.Bot
        ? await this.bot.respond(
            {
              conversationId: conversation.id,
              text,
              channel: conversation.channel,
              visitor: { id: conversation.visitorId, verified: conversation.visitorVerified },
            },
            manager,
          )
        : undefined;
    const customerRow: PendingMessage = {
      seq,
      clientMessageId,
      senderKind: 'visitor',
      senderId: conversation.visitorId,
      kind: 'text',
      content: { text },
      reading: reply?.reading,
    };
    const botRows = (reply?.messages ?? []).map((message, index) => botRow(seq + 1 + index, seq, message));
    const stored = await this.seal(conversation, [customerRow, ...botRows]);
    const lastSeq = seq + botRows.length;
    const state = reply?.handoff ? ConversationState.Queued : conversation.state;
    await this.conversations.append(manager, conversation.id, stored, {
      lastSeq,
      state,
      handoff: reply?.handoff && {
        reason: reply.handoff.reason,
        reading: reply.reading,
        at: new Date().toISOString(),
      },
    });
    const updated = { ...conversation, lastSeq, state };
    if (reply?.handoff) await this.lifecycle.handedOff(manager, updated, reply.handoff.reason);
    return { conversation: updated, stored, duplicate: false };
  }

  /** The visitor's own conversation; someone else's is reported as not found. */
  async owned(visitor: Actor, conversationId: string): Promise<Conversation> {
    return this.ownedBy(visitor, conversationId, await this.conversations.byId(conversationId));
  }

  private ownedBy(visitor: Actor, conversationId: string, conversation: Conversation | undefined): Conversation {
    if (!conversation || conversation.visitorId !== visitor.id) throw new ConversationNotFoundError(conversationId);
    return conversation;
  }

  private seal(conversation: Conversation, rows: PendingMessage[]): Promise<NewMessage[]> {
    return this.transcripts.sealAll(conversation.id, rows);
  }

  private openAll(stored: StoredMessage[]): Promise<ChatMessage[]> {
    return Promise.all(stored.map((message) => this.transcripts.open(message)));
  }
}

function botRow(seq: number, replyTo: number | undefined, message: BotMessage): PendingMessage {
  const { kind, ...content } = message;
  return { seq, replyTo, senderKind: 'bot', senderId: 'kefu-bot', kind, content };
}
