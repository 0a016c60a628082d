import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface StoredWebhookSubscription {
  id: string;
  url: string;
  secretCiphertext: Buffer;
  description: string;
  createdBy: string;
  createdAt: Date;
  disabledAt: Date | null;
}

const COLUMNS = `id, url, secret_ciphertext AS "secretCiphertext", description, created_by AS "createdBy",
  created_at AS "createdAt", disabled_at AS "disabledAt"`;

/** The only code that knows the SQL of webhook_subscriptions. Secrets arrive and leave encrypted. */
@Injectable()
export class WebhookSubscriptionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    row: Pick<StoredWebhookSubscription, 'id' | 'url' | 'secretCiphertext' | 'description' | 'createdBy'>,
  ): Promise<StoredWebhookSubscription> {
    const rows: StoredWebhookSubscription[] = await manager.query(
      `INSERT INTO webhook_subscriptions (id, url, secret_ciphertext, description, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [row.id, row.url, row.secretCiphertext, row.description, row.createdBy],
    );
    return rows[0];
  }

  async active(): Promise<StoredWebhookSubscription[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE disabled_at IS NULL ORDER BY created_at`,
    );
  }

  async all(): Promise<StoredWebhookSubscription[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM webhook_subscriptions ORDER BY created_at`);
  }

  async byId(id: string): Promise<StoredWebhookSubscription | undefined> {
    const rows: StoredWebhookSubscription[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM webhook_subscriptions WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** True when it was active. */
  async disable(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH disabled AS (UPDATE webhook_subscriptions SET disabled_at = now() WHERE id = $1 AND disabled_at IS NULL
         RETURNING id) SELECT id FROM disabled`,
      [id],
    );
    return rows.length > 0;
  }
}
