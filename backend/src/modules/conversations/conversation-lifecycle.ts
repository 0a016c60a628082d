import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GuardedStatement } from '../../common/database/guarded-statement.ts';
import type { Conversation } from './conversation.ts';

/**
 * Told about a handoff inside the guarded statement that stores it, and about a close inside the transaction that
 * makes it, so what a module keeps about the conversation (routing's queue entry, an agent's capacity) commits with it
 * or not at all. Routing observes; conversations does not import routing, which imports conversations.
 */
export interface ConversationObserver {
  /** Adds the module's writes to the handoff's statement; they must read their rows `FROM guard` (GuardedStatement). */
  handedOffIn(statement: GuardedStatement, conversation: Conversation, reason: string): void;
  closed(manager: EntityManager, conversation: Conversation): Promise<void>;
}

/** Unlike `ConversationEvents`, a failing observer fails the transaction: the change and its effects are one. */
@Injectable()
export class ConversationLifecycle {
  private readonly observers: ConversationObserver[] = [];

  observe(observer: ConversationObserver): void {
    this.observers.push(observer);
  }

  handedOffIn(statement: GuardedStatement, conversation: Conversation, reason: string): void {
    for (const observer of this.observers) observer.handedOffIn(statement, conversation, reason);
  }

  async closed(manager: EntityManager, conversation: Conversation): Promise<void> {
    for (const observer of this.observers) await observer.closed(manager, conversation);
  }
}
