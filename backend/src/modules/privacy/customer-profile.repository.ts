import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

export interface StoredCustomerProfile {
  id: string;
  nameCiphertext: Buffer | null;
  phoneCiphertext: Buffer | null;
  idNumberCiphertext: Buffer | null;
  createdAt: Date;
  updatedAt: Date;
  erasedAt: Date | null;
}

const COLUMNS = `id, name_ciphertext AS "nameCiphertext", phone_ciphertext AS "phoneCiphertext",
  id_number_ciphertext AS "idNumberCiphertext", created_at AS "createdAt", updated_at AS "updatedAt", erased_at AS "erasedAt"`;

/** The only code that knows the SQL of customer_profiles. Values arrive and leave encrypted. */
@Injectable()
export class CustomerProfileRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: {
    id: string;
    nameCiphertext: Buffer;
    phoneCiphertext: Buffer | null;
    idNumberCiphertext: Buffer | null;
    phoneIndex: Buffer | null;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO customer_profiles (id, name_ciphertext, phone_ciphertext, id_number_ciphertext, phone_index)
       VALUES ($1, $2, $3, $4, $5)`,
      [row.id, row.nameCiphertext, row.phoneCiphertext, row.idNumberCiphertext, row.phoneIndex],
    );
  }

  async byId(id: string, manager?: EntityManager, forUpdate = false): Promise<StoredCustomerProfile | undefined> {
    const rows: StoredCustomerProfile[] = await (manager ?? this.dataSource).query(
      `SELECT ${COLUMNS} FROM customer_profiles WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0];
  }

  async byPhoneIndex(phoneIndex: Buffer, limit: number): Promise<StoredCustomerProfile[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM customer_profiles WHERE phone_index = $1 AND erased_at IS NULL ORDER BY created_at LIMIT $2`,
      [phoneIndex, limit],
    );
  }

  /** Removes every personal field and the blind index; the tombstone keeps the id and dates for the record. */
  async markErased(manager: EntityManager, id: string): Promise<Date> {
    // A CTE makes this a SELECT to TypeORM, which hands back the rows (for UPDATE … RETURNING it returns [rows, count]).
    const rows: Array<{ erasedAt: Date }> = await manager.query(
      `WITH erased AS (
         UPDATE customer_profiles SET name_ciphertext = NULL, phone_ciphertext = NULL, id_number_ciphertext = NULL,
                phone_index = NULL, erased_at = now() WHERE id = $1 RETURNING erased_at)
       SELECT erased_at AS "erasedAt" FROM erased`,
      [id],
    );
    return rows[0]?.erasedAt as Date;
  }

  /** Live profiles unchanged since `before`, except those named in `heldIds`. */
  async expired(before: Date, heldIds: string[], limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM customer_profiles WHERE erased_at IS NULL AND updated_at < $1 AND NOT (id::text = ANY($2::text[]))
        ORDER BY updated_at LIMIT $3`,
      [before, heldIds, limit],
    );
    return rows.map((row) => row.id);
  }
}
