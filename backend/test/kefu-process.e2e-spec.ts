import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  builtScript,
  cleanEnv,
  collect,
  eventually,
  type Finished,
  freePort,
  kefuCommand,
  mainScript,
  run,
} from './harness/kefu-process.ts';
import { TestDatabase } from './harness/test-database.ts';

describe('the kefu process, started as an operator starts it', () => {
  let folder: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'kefu-process-'));
    // Run as root, the embedded PostgreSQL runs as the `postgres` OS user, which must be able to enter this folder.
    await chmod(folder, 0o755);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  async function startUntilReady(env: NodeJS.ProcessEnv, httpPort: number) {
    const child = spawn(process.execPath, [builtScript(mainScript)], { env });
    const finished = collect(child);
    await eventually(async () => (await fetch(`http://127.0.0.1:${httpPort}/readyz`)).status === 200);
    return { child, finished };
  }

  async function stopWithSigterm(started: { child: ReturnType<typeof spawn>; finished: Promise<Finished> }) {
    started.child.kill('SIGTERM');
    return started.finished;
  }

  it('starts on the embedded PostgreSQL, stops cleanly on SIGTERM and reuses the same data on the next start', async () => {
    const [httpPort, databasePort] = await Promise.all([freePort(), freePort()]);
    const dataDir = join(folder, 'pg');
    const env = cleanEnv({
      KEFU_HTTP_PORT: String(httpPort),
      KEFU_EMBEDDED_DB_DIR: dataDir,
      KEFU_EMBEDDED_DB_PORT: String(databasePort),
      KEFU_PUBLIC_URL: `http://127.0.0.1:${httpPort}`,
      KEFU_IDP_DATA_DIR: join(folder, 'idp'),
    });

    const first = await startUntilReady(env, httpPort);
    const { password } = JSON.parse(await readFile(`${dataDir}.credentials.json`, 'utf8'));
    const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${databasePort}/postgres`;
    await withClient(url, (client) =>
      client.query("CREATE TABLE left_by_first_start (note text); INSERT INTO left_by_first_start VALUES ('kept')"),
    );
    const firstExit = await stopWithSigterm(first);
    expect(firstExit.code).toBe(0);
    expect(firstExit.stdout).toMatch(/Kefu demo accounts \(username, password\)[^\n]*\n\s+agent\s+\S{16}\n/);
    expect(firstExit.stdout).toContain('"msg":"stopped"');
    await expect(withClient(url, (client) => client.query('SELECT 1'))).rejects.toThrow();

    const second = await startUntilReady(env, httpPort);
    const rows = await withClient(
      url,
      async (client) => (await client.query('SELECT note FROM left_by_first_start')).rows,
    );
    expect(rows).toEqual([{ note: 'kept' }]);
    const secondExit = await stopWithSigterm(second);
    expect(secondExit.code).toBe(0);
    expect(secondExit.stdout).not.toContain('Kefu demo accounts');
  });

  it('refuses a bad setting with one line naming the variable and the rule, and exit code 78', async () => {
    const result = await run(mainScript, [], cleanEnv({ KEFU_HTTP_PORT: 'eighty' }));
    expect(result.code).toBe(78);
    expect(result.stderr).toBe('Invalid configuration: KEFU_HTTP_PORT must be a number (got "eighty")\n');
  });

  it('refuses the embedded database in production unless explicitly allowed', async () => {
    const result = await run(mainScript, [], cleanEnv({ NODE_ENV: 'production' }));
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/^Invalid configuration: DATABASE_URL is required when NODE_ENV=production/);
  });

  it('checks the configuration from the command line without printing secrets', async () => {
    const good = await run(
      kefuCommand,
      ['config', 'check'],
      cleanEnv({ DATABASE_URL: 'postgres://kefu:hunter2@db:5432/kefu' }),
    );
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('DATABASE_URL=[redacted]');
    expect(good.stdout).not.toContain('hunter2');
    expect(good.stdout).toMatch(/configuration is valid\n$/);
    const bad = await run(kefuCommand, ['config', 'check'], cleanEnv({ KEFU_MIGRATE_ON_START: 'maybe' }));
    expect(bad.code).toBe(78);
    expect(bad.stderr).toBe('Invalid configuration: KEFU_MIGRATE_ON_START must be true or false (got "maybe")\n');
  });

  it('applies migrations with `kefu migrate` and reports when none are pending', async () => {
    const database = await TestDatabase.create();
    try {
      const result = await run(kefuCommand, ['migrate'], cleanEnv({ DATABASE_URL: database.url }));
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/migration\(s\) applied|no pending migrations/);
      const tables = await withClient(
        database.url,
        async (client) => (await client.query("SELECT to_regclass('public.schema_migrations') AS t")).rows,
      );
      expect(tables).toEqual([{ t: 'schema_migrations' }]);
    } finally {
      await database.drop();
    }
  });
});

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
