import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { SenderKind } from './conversation.ts';

/** A message row as stored: the body is still a ciphertext. */
export interface StoredMessage {
  conversationId: string;
  seq: number;
  clientMessageId: string | null;
  replyTo: number | null;
  senderKind: SenderKind;
  senderId: string | null;
  kind: string;
  body: Buffer;
  createdAt: Date;
}

export type NewMessage = Omit<StoredMessage, 'createdAt'> & {
  reading?: unknown;
  /** The knowledge item a bot message answered with, kept in clear for analytics (the body is encrypted). */
  itemId?: string | null;
  createdAt: Date;
};

const COLUMNS = `conversation_id AS "conversationId", seq, client_message_id AS "clientMessageId", reply_to AS "replyTo",
  sender_kind AS "senderKind", sender_id AS "senderId", kind, body, created_at AS "createdAt"`;

/** The only code that knows the SQL of conversation_messages. */
@Injectable()
export class MessageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The customer message a client id names and the replies to it: what a resend gets back. */
  async byClientMessageId(
    manager: EntityManager,
    conversationId: string,
    clientMessageId: string,
  ): Promise<StoredMessage[]> {
    return manager.query(
      `WITH original AS (
         SELECT seq FROM conversation_messages WHERE conversation_id = $1 AND client_message_id = $2)
       SELECT ${COLUMNS} FROM conversation_messages
       WHERE conversation_id = $1 AND (seq = (SELECT seq FROM original) OR reply_to = (SELECT seq FROM original))
       ORDER BY seq`,
      [conversationId, clientMessageId],
    );
  }

  async range(conversationId: string, fromSeq: number, toSeq: number): Promise<StoredMessage[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM conversation_messages WHERE conversation_id = $1 AND seq BETWEEN $2 AND $3 ORDER BY seq`,
      [conversationId, fromSeq, toSeq],
    );
  }

  /** Messages after `afterSeq`, oldest first: what a reconnecting client missed. */
  async after(conversationId: string, afterSeq: number, limit: number): Promise<StoredMessage[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM conversation_messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [conversationId, afterSeq, limit],
    );
  }
}
