import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { repoRoot } from './support/helm.ts';
import { runProgram, waitForStatus } from './support/processes.ts';

// Builds the real VM release (npm ci --omit=dev and all, about two minutes) unless KEFU_VM_TARBALL names one, and
// runs it against the PostgreSQL server on 127.0.0.1:5432 (KEFU_TEST_PG_ADMIN_URL), in a database of its own.
const work = mkdtempSync(join(tmpdir(), 'kefu-vm-test-'));
const adminUrl = process.env.KEFU_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `kefu_vm_test_${process.pid}`;
const databaseUrl = `${adminUrl.slice(0, adminUrl.lastIndexOf('/'))}/${database}`;
let release = '';
let server: ChildProcess | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  let tarball = process.env.KEFU_VM_TARBALL;
  if (!tarball) {
    const built = await runProgram('bash', [join(repoRoot, 'deploy/vm/build-vm.sh'), join(work, 'out')], {
      // Fastest compression: the test unpacks the archive at once; releases use the default level.
      env: { ...process.env, KEFU_BUILD_DIR: join(work, 'build'), KEFU_VM_GZIP_LEVEL: '1' },
    });
    if (built.code !== 0) throw new Error(`build-vm.sh failed: ${built.stderr}`);
    tarball = built.stdout.trim().split('\n').at(-1) as string;
    rmSync(join(work, 'build'), { recursive: true, force: true });
  }
  const unpacked = await runProgram('tar', ['-xzf', tarball, '-C', work]);
  if (unpacked.code !== 0) throw new Error(unpacked.stderr);
  const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
  release = join(work, `kefu-${version}`);
  await admin(`CREATE DATABASE ${database}`);
}, 600_000);

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  server?.kill('SIGKILL');
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  rmSync(work, { recursive: true, force: true });
});

describe('the VM release', () => {
  it('carries its own Node.js runtime and only linux-x64 native code', async () => {
    const version = await runProgram(join(release, 'runtime/bin/node'), ['--version']);
    expect(version.stdout).toMatch(/^v\d+\./);
    const foreign = await runProgram('bash', [
      '-c',
      `find "${release}/app/node_modules" \\( -name '*.node' -o -name '*.so*' -o -name '*.dylib' -o -name '*.dll' \\) -type f -exec file {} + | grep -v 'x86-64' | grep -E 'ELF|Mach-O|PE32' || true`,
    ]);
    expect(foreign.stdout).toBe('');
  });

  it('starts from the unpacked folder, answers /readyz, and stops cleanly on SIGTERM', async () => {
    const port = await freePort();
    const data = join(work, 'data');
    mkdirSync(data);
    server = spawn(join(release, 'bin/kefu-server'), [], {
      cwd: data,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        KEFU_HTTP_HOST: '127.0.0.1',
        KEFU_HTTP_PORT: String(port),
        KEFU_DEMO_IDP: 'true',
        KEFU_IDP_DATA_DIR: join(data, 'idp'),
        KEFU_AUDIT_KEY_DIR: join(data, 'keys'),
        KEFU_CRYPTO_KEY_DIR: join(data, 'crypto'),
      },
    });
    let output = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    server.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => server?.on('exit', (code) => resolve(code)));
    const ready = await waitForStatus(`http://127.0.0.1:${port}/readyz`, 200, 240);
    expect(ready ? 'ready' : output.slice(-2000)).toBe('ready');
    server.kill('SIGTERM');
    await expect(exited).resolves.toBe(0);
    server = undefined;
  }, 180_000);

  it('installs into a prefix, migrates on upgrade, and uninstalls', async () => {
    const root = join(work, 'site');
    const options = [
      '--prefix',
      join(root, 'opt/kefu'),
      '--data-dir',
      join(root, 'var/lib/kefu'),
      '--config-dir',
      join(root, 'etc/kefu'),
      '--user',
      'root',
      '--no-systemd',
    ];
    const installed = await runProgram('bash', [join(release, 'install.sh'), ...options]);
    expect(installed.stderr).toBe('');
    expect(installed.code).toBe(0);
    expect(existsSync(join(root, 'opt/kefu/current/bin/kefu-server'))).toBe(true);
    expect(existsSync(join(root, 'etc/kefu/kefu.env'))).toBe(true);

    writeFileSync(join(root, 'etc/kefu/kefu.env'), `DATABASE_URL=${databaseUrl}\nKEFU_DEMO_IDP=true\n`);
    const upgraded = await runProgram('bash', [join(release, 'upgrade.sh'), ...options]);
    expect(upgraded.code === 0 ? 'upgraded' : upgraded.stderr.slice(-2000)).toBe('upgraded');
    expect(upgraded.stdout).toContain('applying database migrations');

    const removed = await runProgram('bash', [join(release, 'uninstall.sh'), ...options, '--purge']);
    expect(removed.code).toBe(0);
    expect(existsSync(join(root, 'opt/kefu'))).toBe(false);
    expect(existsSync(join(root, 'var/lib/kefu'))).toBe(false);
  }, 120_000);

  it('ships a systemd unit that systemd-analyze verifies', async () => {
    const units = join(work, 'units');
    mkdirSync(units);
    const unit = readFileSync(join(release, 'systemd/kefu.service'), 'utf8')
      .replaceAll('@PREFIX@', join(work, 'opt'))
      .replaceAll('@DATA_DIR@', join(work, 'data'))
      .replaceAll('@CONFIG_DIR@', join(work, 'etc'))
      .replaceAll('@USER@', 'root');
    mkdirSync(join(work, 'opt'));
    await runProgram('ln', ['-s', release, join(work, 'opt/current')]);
    writeFileSync(join(units, 'kefu.service'), unit);
    const verified = await runProgram('systemd-analyze', ['verify', join(units, 'kefu.service')]);
    expect(verified.stderr.split('\n').filter((line) => line.includes('kefu.service'))).toEqual([]);
    expect(verified.code).toBe(0);
    for (const setting of ['NoNewPrivileges=yes', 'ProtectSystem=strict', 'PrivateTmp=yes', 'User=root']) {
      expect(unit).toContain(setting);
    }
  });
});
