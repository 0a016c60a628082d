import { Injectable } from '@nestjs/common';
import { FieldCipher, KeyDestroyedError } from '../crypto/index.ts';
import { TRANSCRIPTS_PURPOSE } from '../privacy/index.ts';
import type { ChatMessage, MessageContent } from './conversation.ts';
import type { StoredMessage } from './message.repository.ts';

/**
 * Message bodies are encrypted under the month's transcripts key (one key per `YYYY-MM`, so retention shreds a month
 * by destroying its key) and bound to their place: a body copied to another conversation or seq does not decrypt.
 */
@Injectable()
export class TranscriptCipher {
  constructor(private readonly cipher: FieldCipher) {}

  seal(conversationId: string, seq: number, content: MessageContent, createdAt: Date): Promise<Buffer> {
    return this.cipher.encrypt(JSON.stringify(content), {
      purpose: TRANSCRIPTS_PURPOSE,
      period: createdAt.toISOString().slice(0, 7),
      context: contextOf(conversationId, seq),
    });
  }

  async open(stored: StoredMessage): Promise<ChatMessage> {
    const content = await this.content(stored);
    return {
      ...content,
      conversationId: stored.conversationId,
      seq: stored.seq,
      clientMessageId: stored.clientMessageId ?? undefined,
      replyTo: stored.replyTo ?? undefined,
      sender: stored.senderKind,
      kind: content === SHREDDED ? 'shredded' : stored.kind,
      createdAt: stored.createdAt.toISOString(),
    };
  }

  private async content(stored: StoredMessage): Promise<MessageContent> {
    try {
      return JSON.parse(await this.cipher.decryptText(stored.body, contextOf(stored.conversationId, stored.seq)));
    } catch (error) {
      // Past its retention period the month's key is gone: the message keeps its place in the order, not its text.
      if (error instanceof KeyDestroyedError) return SHREDDED;
      throw error;
    }
  }
}

const SHREDDED: MessageContent = { text: '' };

function contextOf(conversationId: string, seq: number): string {
  return `conversation_messages.body:${conversationId}:${seq}`;
}
