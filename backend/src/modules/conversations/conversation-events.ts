import { Injectable, Logger } from '@nestjs/common';
import type { ChatMessage, Conversation } from './conversation.ts';

/**
 * Told about messages once they are committed; the widget gateway and webhook delivery listen. `origin` is the
 * socket whose acknowledgement already carries them (so it is not pushed the same messages again).
 */
export interface MessagesListener {
  committed(conversation: Conversation, messages: ChatMessage[], origin?: string): Promise<void> | void;
}

/**
 * Fan-out after commit. A listener that fails must not fail the send: the messages are stored and acknowledged, and
 * a client that missed a push catches up by asking for what follows the last seq it saw.
 */
@Injectable()
export class ConversationEvents {
  private readonly logger = new Logger('ConversationEvents');
  private readonly listeners: MessagesListener[] = [];

  listen(listener: MessagesListener): void {
    this.listeners.push(listener);
  }

  async committed(conversation: Conversation, messages: ChatMessage[], origin?: string): Promise<void> {
    if (messages.length === 0) return;
    await Promise.all(
      this.listeners.map(async (listener) => {
        try {
          await listener.committed(conversation, messages, origin);
        } catch (error) {
          this.logger.warn({ err: error, conversationId: conversation.id }, 'a message listener failed');
        }
      }),
    );
  }
}
