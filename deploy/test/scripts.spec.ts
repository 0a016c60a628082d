import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { repoRoot } from './support/helm.ts';
import { runProgram } from './support/processes.ts';

const work = mkdtempSync(join(tmpdir(), 'kefu-scripts-test-'));
const shellScripts = [
  'deploy/build-release.sh',
  'deploy/lib/stage-app.sh',
  'deploy/image/build-image.sh',
  'deploy/image/smoke-test.sh',
  'deploy/bundle/build-bundle.sh',
  'deploy/bundle/install.sh',
  'deploy/vm/build-vm.sh',
  'deploy/vm/files/install.sh',
  'deploy/vm/files/upgrade.sh',
  'deploy/vm/files/uninstall.sh',
  'deploy/vm/files/lib.sh',
  'deploy/vm/files/kefu',
  'deploy/vm/files/kefu-server',
];

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the delivery scripts', () => {
  it('pass shellcheck', async () => {
    const outcome = await runProgram('shellcheck', ['--external-sources', ...shellScripts], { cwd: repoRoot });
    expect(outcome.stdout).toBe('');
    expect(outcome.code).toBe(0);
  });

  it('name no public registry or internet host', async () => {
    const files = [
      ...shellScripts,
      'deploy/image/stage-secret-dir.mjs',
      'deploy/image/create-keys.mjs',
      'deploy/vm/files/kefu.service',
      'deploy/vm/files/kefu.env.example',
      'charts/kefu/values.yaml',
      ...readdirSync(join(repoRoot, 'charts/kefu/templates')).map((name) => `charts/kefu/templates/${name}`),
    ];
    const named = files.filter((file) =>
      /docker\.io|quay\.io|ghcr\.io|gcr\.io|registry\.k8s\.io|github\.com|npmjs\.org|https?:\/\/[a-z0-9.-]+\.(com|org|net|io)\b/.test(
        readFileSync(join(repoRoot, file), 'utf8'),
      ),
    );
    expect(named).toEqual([]);
  });

  it('stage key files from a Secret mount into a writable folder, mode 0600, without the mount bookkeeping', async () => {
    // The layout kubelet gives a Secret volume: a timestamped folder, `..data` pointing at it, one link per key.
    const mount = join(work, 'secret');
    mkdirSync(join(mount, '..2026_01_01_00_00_00.000000001'), { recursive: true });
    writeFileSync(join(mount, '..2026_01_01_00_00_00.000000001/audit-chain.key'), 'a'.repeat(64));
    chmodSync(join(mount, '..2026_01_01_00_00_00.000000001/audit-chain.key'), 0o440);
    symlinkSync('..2026_01_01_00_00_00.000000001', join(mount, '..data'));
    symlinkSync('..data/audit-chain.key', join(mount, 'audit-chain.key'));
    const target = join(work, 'keys');
    const outcome = await runProgram('node', [
      join(repoRoot, 'deploy/image/stage-secret-dir.mjs'),
      `${mount}:${target}`,
    ]);
    expect(outcome.code).toBe(0);
    expect(readdirSync(target)).toEqual(['audit-chain.key']);
    expect(statSync(join(target, 'audit-chain.key')).mode & 0o777).toBe(0o600);
  });

  it('create the key files the app expects, and refuse to overwrite existing ones', async () => {
    const out = join(work, 'new-keys');
    const created = await runProgram('node', [join(repoRoot, 'deploy/image/create-keys.mjs'), out, 'standard']);
    expect(created.code).toBe(0);
    expect(readdirSync(join(out, 'audit')).sort()).toEqual([
      'audit-chain.key',
      'audit-pseudonym.key',
      'audit-signing-ed25519.pem',
    ]);
    expect(readdirSync(join(out, 'idp'))).toEqual(['visitor-signing-key.json']);
    expect(readdirSync(join(out, 'crypto'))).toEqual(['kek-v1.key']);
    for (const folder of ['audit', 'idp', 'crypto']) {
      for (const file of readdirSync(join(out, folder))) {
        expect(statSync(join(out, folder, file)).mode & 0o777).toBe(0o600);
      }
    }
    const again = await runProgram('node', [join(repoRoot, 'deploy/image/create-keys.mjs'), out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('refusing to overwrite keys');
    expect(existsSync(join(out, 'crypto/kek-v1.key'))).toBe(true);
  });
});
