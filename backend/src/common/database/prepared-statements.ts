import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { SqlExecutor } from './guarded-statement.ts';

/**
 * Runs statements as named prepared statements on the data source's own connection pool, so PostgreSQL parses and
 * plans each distinct text once per connection instead of on every call. For the conversation loop's statements,
 * planning cost PostgreSQL more CPU than executing them (pg_stat_statements under `npm run bench:chat`). Use it for
 * hot statements with a bounded set of texts: each text stays prepared on every pooled connection.
 */
export function preparedStatements(dataSource: DataSource): SqlExecutor {
  return {
    query: async (text: string, parameters?: unknown[]) => {
      // TypeORM's query API takes no statement name; its PostgreSQL driver keeps the pg pool as `master`.
      const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
      const result = await pool.query({ name: nameOf(text), text, values: parameters });
      return result.rows;
    },
  };
}

const names = new Map<string, string>();

/** A name that only this text gets: pg refuses one name for two texts on a connection. */
function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `kefu_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}
