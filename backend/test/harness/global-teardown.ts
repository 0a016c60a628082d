import type { TestPostgres } from './test-postgres.ts';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { kefuTestPostgres?: TestPostgres }).kefuTestPostgres?.stop();
}
