import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { FieldCipher, KeyDestroyedError } from '../crypto/index.ts';
import { TRANSCRIPTS_PURPOSE } from '../privacy/index.ts';
import type { ChatMessage, MessageContent } from './conversation.ts';
import type { NewMessage, StoredMessage } from './message.repository.ts';

const PREPARE_INTERVAL_MS = 10 * 60_000;

/** Transcripts are keyed by month, `YYYY-MM` in UTC. */
function periodOf(at: Date): string {
  return at.toISOString().slice(0, 7);
}

/** A message about to be stored, still in clear. */
export interface PendingMessage {
  seq: number;
  clientMessageId?: string;
  replyTo?: number;
  senderKind: NewMessage['senderKind'];
  senderId: string | null;
  kind: string;
  content: MessageContent;
  reading?: unknown;
}

/**
 * Message bodies are encrypted under the month's transcripts key (one key per `YYYY-MM`, so retention shreds a month
 * by destroying its key) and bound to their place: a body copied to another conversation or seq does not decrypt.
 */
@Injectable()
export class TranscriptCipher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('TranscriptCipher');
  private timer?: NodeJS.Timeout;

  constructor(private readonly cipher: FieldCipher) {}

  /**
   * Messages are sealed inside the transaction that stores them, where a key lookup needs a second pooled connection
   * while one is held: a burst of messages on a cold cache could take them all. So a starting replica loads the
   * month's key (if it exists: creating one is an audited act, left to first use), and every few minutes the key of
   * the month an hour ahead is made ready too, so a new month begins with its key at hand.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.prepareKeys({ existingOnly: true });
    this.timer = setInterval(() => void this.prepareKeys({ existingOnly: false }), PREPARE_INTERVAL_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async prepareKeys(options: { existingOnly: boolean }): Promise<void> {
    const now = Date.now();
    for (const at of new Set([periodOf(new Date(now)), periodOf(new Date(now + 3_600_000))])) {
      await this.cipher.prepare({ purpose: TRANSCRIPTS_PURPOSE, period: at }, options).catch((error: unknown) => {
        this.logger.warn(`could not prepare the transcripts key of ${at}: ${String(error)}`);
      });
    }
  }

  seal(conversationId: string, seq: number, content: MessageContent, createdAt: Date): Promise<Buffer> {
    return this.cipher.encrypt(JSON.stringify(content), {
      purpose: TRANSCRIPTS_PURPOSE,
      period: periodOf(createdAt),
      context: contextOf(conversationId, seq),
    });
  }

  /** Seals a turn's messages with one shared timestamp, ready for `ConversationRepository.append`. */
  sealAll(conversationId: string, rows: readonly PendingMessage[]): Promise<NewMessage[]> {
    const createdAt = new Date();
    return Promise.all(
      rows.map(async (row) => ({
        conversationId,
        seq: row.seq,
        clientMessageId: row.clientMessageId ?? null,
        replyTo: row.replyTo ?? null,
        senderKind: row.senderKind,
        senderId: row.senderId,
        kind: row.kind,
        body: await this.seal(conversationId, row.seq, row.content, createdAt),
        reading: row.reading,
        itemId: row.content.itemId ?? null,
        createdAt,
      })),
    );
  }

  /** A closing summary: encrypted like the transcript it sums up, bound to its conversation. */
  sealSummary(conversationId: string, summary: string, closedAt: Date): Promise<Buffer> {
    return this.cipher.encrypt(summary, {
      purpose: TRANSCRIPTS_PURPOSE,
      period: periodOf(closedAt),
      context: `conversation_closures.summary:${conversationId}`,
    });
  }

  /** An internal note: encrypted like the transcript, bound to its conversation and its own id. */
  sealNote(conversationId: string, noteId: string, text: string, createdAt: Date): Promise<Buffer> {
    return this.cipher.encrypt(text, {
      purpose: TRANSCRIPTS_PURPOSE,
      period: periodOf(createdAt),
      context: noteContextOf(conversationId, noteId),
    });
  }

  /** The note's text, or null once its month's key is destroyed (shredded with the transcript). */
  async openNote(conversationId: string, noteId: string, body: Buffer): Promise<string | null> {
    try {
      return await this.cipher.decryptText(body, noteContextOf(conversationId, noteId));
    } catch (error) {
      if (error instanceof KeyDestroyedError) return null;
      throw error;
    }
  }

  async open(stored: StoredMessage): Promise<ChatMessage> {
    const content = await this.content(stored);
    return content === SHREDDED
      ? { ...chatMessageOf(stored, content), kind: 'shredded' }
      : chatMessageOf(stored, content);
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

/** A stored (or just sealed) message as its readers see it, given the content it holds in clear. */
export function chatMessageOf(row: Omit<StoredMessage, 'body'>, content: MessageContent): ChatMessage {
  return {
    ...content,
    conversationId: row.conversationId,
    seq: row.seq,
    clientMessageId: row.clientMessageId ?? undefined,
    replyTo: row.replyTo ?? undefined,
    sender: row.senderKind,
    kind: row.kind,
    createdAt: row.createdAt.toISOString(),
  };
}

function contextOf(conversationId: string, seq: number): string {
  return `conversation_messages.body:${conversationId}:${seq}`;
}

function noteContextOf(conversationId: string, noteId: string): string {
  return `conversation_notes.body:${conversationId}:${noteId}`;
}
