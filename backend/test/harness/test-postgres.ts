import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EmbeddedDatabase } from '../../src/common/database/embedded-database.ts';

export interface TestPostgres {
  /** A URL with the right to create and drop databases. */
  adminUrl: string;
  stop(): Promise<void>;
}

const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
/**
 * The same local server through its unix socket: a socket is a file, so it stays reachable from a network namespace
 * that has only loopback (the offline e2e run of `npm test`), where 127.0.0.1:5432 is another namespace's address.
 */
const LOCAL_SOCKET_URL = 'postgres://postgres@localhost/postgres?host=/var/run/postgresql';

/**
 * TEST_DATABASE_URL when set, else the local server when it answers (over TCP, else over its socket), else an
 * embedded server of our own.
 */
export async function resolveTestPostgres(): Promise<TestPostgres> {
  const configured = process.env.TEST_DATABASE_URL;
  if (configured) return { adminUrl: configured, stop: async () => {} };
  for (const url of [LOCAL_SERVER_URL, LOCAL_SOCKET_URL]) {
    if (await answers(url)) return { adminUrl: url, stop: async () => {} };
  }
  return startEmbedded();
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function startEmbedded(): Promise<TestPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kefu-test-pg-'));
  // Run as root, PostgreSQL runs as the `postgres` OS user, which must be able to enter this folder.
  await chmod(dataDir, 0o755);
  const database = new EmbeddedDatabase({ dataDir: join(dataDir, 'pg'), port: 0 });
  const { url } = await database.start();
  return {
    adminUrl: url,
    stop: async () => {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
