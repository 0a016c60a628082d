import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

export interface StoredRating {
  conversationId: string;
  rating: number;
  maskedComment: string | null;
  ratedAt: Date;
}

const COLUMNS = `conversation_id AS "conversationId", rating, masked_comment AS "maskedComment", rated_at AS "ratedAt"`;

/** The only code that knows the SQL of conversation_ratings. */
@Injectable()
export class CsatRatingRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the rating unless the conversation has one; answers the stored rating and whether it is this one. */
  async insertOnce(rating: Omit<StoredRating, 'ratedAt'>): Promise<{ stored: StoredRating; inserted: boolean }> {
    const inserted: StoredRating[] = await this.dataSource.query(
      `INSERT INTO conversation_ratings (conversation_id, rating, masked_comment) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id) DO NOTHING RETURNING ${COLUMNS}`,
      [rating.conversationId, rating.rating, rating.maskedComment],
    );
    if (inserted[0]) return { stored: inserted[0], inserted: true };
    const earlier: StoredRating[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM conversation_ratings WHERE conversation_id = $1`,
      [rating.conversationId],
    );
    return { stored: earlier[0], inserted: false };
  }
}
