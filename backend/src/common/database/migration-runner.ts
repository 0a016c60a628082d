import type { DataSource, Migration } from 'typeorm';

/** Any fixed number; it only has to be the same in every replica and in `kefu migrate`. */
const MIGRATION_LOCK_KEY = 0x6b656675; // "kefu"

/**
 * Applies pending migrations while holding a PostgreSQL advisory lock, so replicas starting together and the Helm
 * hook job never run the same migration twice.
 */
export async function runMigrations(dataSource: DataSource): Promise<Migration[]> {
  const lockHolder = dataSource.createQueryRunner();
  await lockHolder.connect();
  try {
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lockHolder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lockHolder.release();
  }
}
