import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../common/access/index.ts';
import { BoundedMap } from '../../common/collections/bounded-map.ts';
import { GuardedStatement } from '../../common/database/guarded-statement.ts';
import { BotEngine, type BotMessage, type BotReply, type BotTurn, type DialogueMemory } from '../bot/index.ts';
import { type ConversationChange, ConversationRepository } from './conversation.repository.ts';
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
import { chatMessageOf, type PendingMessage, TranscriptCipher } from './transcript-cipher.ts';

export interface StartRequest {
  channel: ConversationChannel;
  language: ConversationLanguage;
}

export interface History {
  conversation: Conversation;
  messages: ChatMessage[];
}

/** What a send stored (or found stored, for a resend), with its messages in clear. */
interface SendOutcome {
  conversation: Conversation;
  messages: ChatMessage[];
  duplicate: boolean;
  /** The bot's reply stored with the message, if it answered. */
  reply?: BotReply;
}

/** A turn ready to store: its rows sealed, the conversation's change, and the messages as the customer sees them. */
interface ComposedTurn {
  stored: NewMessage[];
  change: ConversationChange;
  outcome: SendOutcome;
}

/** A conversation as this process last wrote it, and the bot's memory of it then. */
interface RecentTurn {
  conversation: Conversation;
  memory?: DialogueMemory;
}

/** Conversations whose last write this process remembers; beyond it a send reads the conversation first. */
const RECENT_CONVERSATIONS = 10_000;

/** Sends that keep losing the race to another write of their conversation take its lock after this many tries. */
const ATTEMPTS_WITHOUT_LOCK = 3;

/**
 * A customer's side of a conversation, whatever the channel. A send stores the message and the bot's replies with
 * the next sequence numbers in one atomic write, and the acknowledgement follows it, so an acknowledged message is
 * never lost; a resend with the same client id returns what was stored the first time instead of storing it twice.
 *
 * The common turn takes no lock: read the conversation, let the bot decide, then one guarded statement writes the
 * messages, the conversation's new seq, the bot's own rows and, for a handoff, routing's queue entry only if the
 * conversation is still as it was read (else it starts over). A turn whose decision acts outside the database (a flow
 * calling the bank) runs in a transaction holding the conversation's row lock, so the call happens once.
 */
@Injectable()
export class Conversations {
  private readonly recent = new BoundedMap<string, RecentTurn>(RECENT_CONVERSATIONS);

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
    const conversation: Conversation = {
      id: randomUUID(),
      visitorId: visitor.id,
      visitorVerified: visitor.verified === true,
      channel: request.channel,
      language: request.language,
      state: ConversationState.Bot,
      lastSeq: 1,
      createdAt: new Date().toISOString(),
    };
    const greeting = this.bot.greeting(request.language, request.channel);
    const { stored, messages } = await this.seal(conversation, [botRow(1, undefined, greeting)]);
    const statement = new GuardedStatement();
    this.conversations.createIn(statement, conversation, stored);
    if (!(await this.conversations.commit(statement))) throw new Error(`conversation ${conversation.id} not created`);
    this.recent.set(conversation.id, { conversation, memory: this.bot.newConversationMemory() });
    await this.events.committed(conversation, messages);
    return { conversation, messages };
  }

  /** `origin`: the socket that sent the message and gets the replies in its acknowledgement, not as a push too. */
  async send(
    visitor: Actor,
    conversationId: string,
    clientMessageId: string,
    text: string,
    origin?: string,
  ): Promise<SendResult> {
    const outcome =
      (await this.sendWithoutLock(visitor, conversationId, clientMessageId, text)) ??
      (await this.dataSource.transaction((manager) =>
        this.sendUnderLock(manager, visitor, conversationId, clientMessageId, text),
      ));
    if (outcome.reply) this.bot.countReply(outcome.reply);
    if (!outcome.duplicate) await this.events.committed(outcome.conversation, outcome.messages, origin);
    const [message, ...replies] = outcome.messages;
    return { message, replies, duplicate: outcome.duplicate, conversation: outcome.conversation };
  }

  async history(visitor: Actor, conversationId: string, afterSeq: number, limit: number): Promise<History> {
    const conversation = await this.owned(visitor, conversationId);
    const stored = await this.messages.after(conversationId, afterSeq, limit);
    return { conversation, messages: await this.openAll(stored) };
  }

  /** Undefined when the turn needs the conversation's lock (see the class comment). */
  private async sendWithoutLock(
    visitor: Actor,
    conversationId: string,
    clientMessageId: string,
    text: string,
  ): Promise<SendOutcome | undefined> {
    for (let attempt = 0; attempt < ATTEMPTS_WITHOUT_LOCK; attempt += 1) {
      // The first try starts from what this process wrote last, if anything: no read at all.
      const recent = attempt === 0 ? this.recent.get(conversationId) : undefined;
      this.recent.delete(conversationId);
      let conversation: Conversation;
      if (recent) {
        conversation = this.sendable(visitor, conversationId, { conversation: recent.conversation, storedSeq: null });
      } else {
        const found = await this.conversations.forSend(conversationId, clientMessageId);
        conversation = this.sendable(visitor, conversationId, found);
        if (found?.storedSeq != null) return this.resent(this.dataSource.manager, conversation, clientMessageId);
      }
      const statement = new GuardedStatement();
      let answered: { reply: BotReply; memory?: DialogueMemory } | undefined;
      if (conversation.state === ConversationState.Bot) {
        answered = await this.bot.respondIn(botTurnOf(conversation, text), statement, recent?.memory);
        if (!answered) return undefined;
      }
      const turn = await this.compose(conversation, clientMessageId, text, answered?.reply);
      // The guard: the conversation is still at the seq and state this turn was decided on.
      this.addTurn(statement, turn, answered?.reply, conversation);
      if (await this.conversations.commit(statement)) {
        this.recent.set(conversationId, { conversation: turn.outcome.conversation, memory: answered?.memory });
        return turn.outcome;
      }
    }
    return undefined;
  }

  private async sendUnderLock(
    manager: EntityManager,
    visitor: Actor,
    conversationId: string,
    clientMessageId: string,
    text: string,
  ): Promise<SendOutcome> {
    this.recent.delete(conversationId);
    // The row lock orders concurrent sends to one conversation and makes the client-id check race-free.
    const found = await this.conversations.forSend(conversationId, clientMessageId, manager);
    const conversation = this.sendable(visitor, conversationId, found);
    if (found?.storedSeq != null) return this.resent(manager, conversation, clientMessageId);
    const reply =
      conversation.state === ConversationState.Bot
        ? await this.bot.respond(botTurnOf(conversation, text), manager)
        : undefined;
    const turn = await this.compose(conversation, clientMessageId, text, reply);
    const statement = new GuardedStatement();
    this.addTurn(statement, turn, reply);
    if (!(await statement.run(manager))) throw new Error(`conversation ${conversationId} is gone`);
    return turn.outcome;
  }

  /** The turn's messages and the conversation's move, and with a handoff what other modules keep of it (routing). */
  private addTurn(
    statement: GuardedStatement,
    turn: ComposedTurn,
    reply: BotReply | undefined,
    expected?: Conversation,
  ): void {
    const { conversation } = turn.outcome;
    this.conversations.appendTo(statement, conversation.id, turn.stored, turn.change, expected);
    if (reply?.handoff) this.lifecycle.handedOffIn(statement, conversation, reply.handoff.reason);
  }

  /** The visitor's conversation, open for a message; a resend of a stored message is answered even once closed. */
  private sendable(
    visitor: Actor,
    conversationId: string,
    found: { conversation: Conversation; storedSeq: number | null } | undefined,
  ): Conversation {
    const conversation = this.ownedBy(visitor, conversationId, found?.conversation);
    if (found?.storedSeq == null && conversation.state === ConversationState.Closed) {
      throw new ConversationClosedError(conversationId);
    }
    return conversation;
  }

  private async resent(manager: EntityManager, conversation: Conversation, clientMessageId: string) {
    const earlier = await this.messages.byClientMessageId(manager, conversation.id, clientMessageId);
    return { conversation, messages: await this.openAll(earlier), duplicate: true };
  }

  private async compose(
    conversation: Conversation,
    clientMessageId: string,
    text: string,
    reply: BotReply | undefined,
  ): Promise<ComposedTurn> {
    const seq = conversation.lastSeq + 1;
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
    const { stored, messages } = await this.seal(conversation, [customerRow, ...botRows]);
    const lastSeq = seq + botRows.length;
    const state = reply?.handoff ? ConversationState.Queued : conversation.state;
    const change: ConversationChange = {
      lastSeq,
      state,
      handoff: reply?.handoff && {
        reason: reply.handoff.reason,
        reading: reply.reading,
        at: new Date().toISOString(),
      },
    };
    return {
      stored,
      change,
      outcome: { conversation: { ...conversation, lastSeq, state }, messages, duplicate: false, reply },
    };
  }

  /** The visitor's own conversation; someone else's is reported as not found. */
  async owned(visitor: Actor, conversationId: string): Promise<Conversation> {
    return this.ownedBy(visitor, conversationId, await this.conversations.byId(conversationId));
  }

  private ownedBy(visitor: Actor, conversationId: string, conversation: Conversation | undefined): Conversation {
    if (!conversation || conversation.visitorId !== visitor.id) throw new ConversationNotFoundError(conversationId);
    return conversation;
  }

  /** Rows to store, and the messages as readers see them: what was just encrypted needs no decryption. */
  private async seal(
    conversation: Conversation,
    rows: PendingMessage[],
  ): Promise<{ stored: NewMessage[]; messages: ChatMessage[] }> {
    const stored = await this.transcripts.sealAll(conversation.id, rows);
    return { stored, messages: stored.map((row, index) => chatMessageOf(row, rows[index].content)) };
  }

  private openAll(stored: StoredMessage[]): Promise<ChatMessage[]> {
    return Promise.all(stored.map((message) => this.transcripts.open(message)));
  }
}

function botTurnOf(conversation: Conversation, text: string): BotTurn {
  return {
    conversationId: conversation.id,
    text,
    channel: conversation.channel,
    visitor: { id: conversation.visitorId, verified: conversation.visitorVerified },
  };
}

function botRow(seq: number, replyTo: number | undefined, message: BotMessage): PendingMessage {
  const { kind, ...content } = message;
  return { seq, replyTo, senderKind: 'bot', senderId: 'kefu-bot', kind, content };
}
