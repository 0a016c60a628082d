import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** A note row as stored: the body is still a ciphertext. */
export interface StoredNote {
  id: string;
  conversationId: string;
  authorId: string;
  authorName: string;
  body: Buffer;
  createdAt: Date;
}

const COLUMNS = `id, conversation_id AS "conversationId", author_id AS "authorId", author_name AS "authorName", body,
  created_at AS "createdAt"`;

/** The only code that knows the SQL of conversation_notes. */
@Injectable()
export class ConversationNoteRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The note stored, or the one stored before under the same author's client note id (nothing is written then). */
  async insert(note: StoredNote, clientNoteId: string | null): Promise<StoredNote> {
    const [inserted] = await this.dataSource.query(
      `INSERT INTO conversation_notes (id, conversation_id, author_id, author_name, body, created_at, client_note_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (conversation_id, author_id, client_note_id) WHERE client_note_id IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [note.id, note.conversationId, note.authorId, note.authorName, note.body, note.createdAt, clientNoteId],
    );
    if (inserted) return inserted;
    const [earlier] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM conversation_notes WHERE conversation_id = $1 AND author_id = $2 AND client_note_id = $3`,
      [note.conversationId, note.authorId, clientNoteId],
    );
    return earlier;
  }

  /** Oldest first; a conversation has a handful, so no paging. */
  async of(conversationId: string): Promise<StoredNote[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM conversation_notes WHERE conversation_id = $1 ORDER BY created_at, id LIMIT 500`,
      [conversationId],
    );
  }
}
