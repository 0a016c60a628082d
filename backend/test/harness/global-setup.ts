import { resolveTestPostgres } from './test-postgres.ts';

/**
 * Finds the PostgreSQL server the whole run uses (TEST_DATABASE_URL, the local one on 127.0.0.1:5432, or an
 * embedded one started here) and hands its admin URL to every test file through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const server = await resolveTestPostgres();
  process.env.KEFU_TEST_ADMIN_URL = server.adminUrl;
  (globalThis as { kefuTestPostgres?: typeof server }).kefuTestPostgres = server;
}
