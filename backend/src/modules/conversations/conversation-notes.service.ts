import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/access/index.ts';
import { maskPersonalDataInText } from '../../common/personal-data/index.ts';
import { AgentConversations } from './agent-conversations.service.ts';
import { ConversationNoteRepository } from './conversation-note.repository.ts';
import { TranscriptCipher } from './transcript-cipher.ts';

export interface ConversationNote {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  /** Empty once the month's transcripts key is destroyed (`shredded`). */
  text: string;
  shredded: boolean;
  createdAt: string;
}

/**
 * Internal notes on a conversation, staff to staff. Who may write and read them is who may read the transcript (the
 * agent serving or who served it, supervisors). They live in their own table and are never pushed to the
 * conversation's room, so no customer-facing path (widget, open API, webhooks) can carry one.
 */
@Injectable()
export class ConversationNotes {
  constructor(
    private readonly conversations: AgentConversations,
    private readonly notes: ConversationNoteRepository,
    private readonly cipher: TranscriptCipher,
  ) {}

  /**
   * Adds a note; with a `clientNoteId` a retry returns the note stored the first time (its text, not the retry's)
   * instead of storing it twice.
   */
  async add(staff: Actor, conversationId: string, text: string, clientNoteId?: string): Promise<ConversationNote> {
    await this.conversations.readable(staff, conversationId);
    const id = randomUUID();
    const createdAt = new Date();
    const note = {
      id,
      conversationId,
      authorId: staff.id,
      authorName: staff.username ?? staff.id,
      body: await this.cipher.sealNote(conversationId, id, text, createdAt),
      createdAt,
    };
    const stored = await this.notes.insert(note, clientNoteId ?? null);
    if (stored.id === id) return this.view(stored, text);
    return this.view(stored, await this.cipher.openNote(stored.conversationId, stored.id, stored.body));
  }

  async list(staff: Actor, conversationId: string): Promise<ConversationNote[]> {
    await this.conversations.readable(staff, conversationId);
    const stored = await this.notes.of(conversationId);
    return Promise.all(
      stored.map(async (note) => this.view(note, await this.cipher.openNote(note.conversationId, note.id, note.body))),
    );
  }

  /** Staff type identifiers into notes too; like transcripts, people get them masked. */
  private view(
    note: { id: string; conversationId: string; authorId: string; authorName: string; createdAt: Date },
    text: string | null,
  ): ConversationNote {
    return {
      id: note.id,
      conversationId: note.conversationId,
      authorId: note.authorId,
      authorName: note.authorName,
      text: text === null ? '' : maskPersonalDataInText(text),
      shredded: text === null,
      createdAt: note.createdAt.toISOString(),
    };
  }
}
