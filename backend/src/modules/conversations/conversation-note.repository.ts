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

  async insert(note: StoredNote): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO conversation_notes (id, conversation_id, author_id, author_name, body, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [note.id, note.conversationId, note.authorId, note.authorName, note.body, note.createdAt],
    );
  }

  /** Oldest first; a conversation has a handful, so no paging. */
  async of(conversationId: string): Promise<StoredNote[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM conversation_notes WHERE conversation_id = $1 ORDER BY created_at, id LIMIT 500`,
      [conversationId],
    );
  }
}
