import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fixtureImage } from './support/fixture-image.ts';
import { chartDir, helmBinary, repoRoot } from './support/helm.ts';
import { runProgram, waitForStatus } from './support/processes.ts';

const work = mkdtempSync(join(tmpdir(), 'kefu-bundle-test-'));
const pristine = join(work, 'pristine');
const releaseKey = { public: join(work, 'release.pub'), secret: join(work, 'release.key') };
const otherKey = { public: join(work, 'other.pub'), secret: join(work, 'other.key') };
let imageDigest = '';
let bundleFiles: string[] = [];

/** Every file of an unpacked bundle, relative to it. */
function filesOf(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

let copies = 0;
/** A fresh copy of the verified bundle to damage. */
function copyOfBundle(): string {
  copies += 1;
  const dir = join(work, `copy-${copies}`);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

/** Flips one bit of one byte: in install.sh inside its comment header, so the script still runs. */
function flipOneByte(file: string): void {
  const bytes = readFileSync(file);
  const offset = file.endsWith('install.sh') ? bytes.indexOf('offline installer') : Math.floor(bytes.length / 2);
  bytes[offset] = (bytes[offset] as number) ^ 0x01;
  writeFileSync(file, bytes);
}

/** PATH entries with stand-ins for skopeo and helm that only record that they were called (outside the bundle). */
function recordingTools(): { path: string; calls: string } {
  const bin = join(work, `tools-${copies}`);
  mkdirSync(bin);
  const calls = join(bin, 'calls');
  for (const tool of ['skopeo', 'helm']) {
    const script = join(bin, tool);
    writeFileSync(
      script,
      `#!/bin/sh\necho "${tool} $*" >> "${calls}"\n[ "$1" = inspect ] && echo "$KEFU_FAKE_DIGEST"\nexit 0\n`,
    );
    chmodSync(script, 0o755);
  }
  return { path: `${bin}:${process.env.PATH}`, calls };
}

function install(dir: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  return runProgram('bash', [join(dir, 'install.sh'), '--public-key', releaseKey.public, ...args], {
    cwd: work,
    env: { ...process.env, ...env },
  });
}

beforeAll(async () => {
  for (const key of [releaseKey, otherKey]) {
    const generated = await runProgram('minisign', ['-G', '-W', '-f', '-p', key.public, '-s', key.secret]);
    if (generated.code !== 0) throw new Error(`minisign -G failed: ${generated.stderr}`);
  }
  const image = fixtureImage(work, 'fixture content of the kefu image\n');
  imageDigest = image.digest;
  const sbom = join(work, 'npm.cdx.json');
  writeFileSync(sbom, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', components: [] }));
  const models = join(work, 'models');
  mkdirSync(join(models, 'faq-intent'), { recursive: true });
  writeFileSync(join(models, 'faq-intent/model.onnx'), 'not really onnx');
  const built = await runProgram('bash', [
    join(repoRoot, 'deploy/bundle/build-bundle.sh'),
    '--version',
    '0.0.0-test',
    '--secret-key',
    releaseKey.secret,
    '--out',
    join(work, 'out'),
    '--chart',
    chartDir,
    '--helm',
    await helmBinary(4),
    '--image',
    `kefu/kefu=${image.archive}`,
    '--values',
    join(chartDir, 'ci/production-values.yaml'),
    '--sbom',
    sbom,
    '--models',
    models,
  ]);
  if (built.code !== 0) throw new Error(`build-bundle.sh failed: ${built.stderr}`);
  mkdirSync(pristine);
  const unpacked = await runProgram('tar', [
    '-xf',
    join(work, 'out/kefu-offline-0.0.0-test.tar'),
    '-C',
    pristine,
    '--strip-components=1',
  ]);
  if (unpacked.code !== 0) throw new Error(unpacked.stderr);
  bundleFiles = filesOf(pristine);
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('the offline bundle', () => {
  it('holds the images, chart, values, SBOM, models, sums, signature and installer', async () => {
    expect(bundleFiles).toEqual([
      'README.txt',
      'SHA256SUMS',
      'SHA256SUMS.minisig',
      'VERSION',
      'charts/kefu-0.0.0-test.tgz',
      'images/IMAGES',
      'images/kefu-image-0.0.0-test.oci.tar',
      'install.sh',
      'models/faq-intent/model.onnx',
      'sbom/npm.cdx.json',
      'values/production-values.yaml',
    ]);
    expect(readFileSync(join(pristine, 'images/IMAGES'), 'utf8')).toBe(
      `kefu-image-0.0.0-test.oci.tar kefu/kefu ${imageDigest}\n`,
    );
  });

  it('passes verification when nothing was changed', async () => {
    const outcome = await install(pristine, ['--verify-only']);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('bundle verified');
    expect(outcome.code).toBe(0);
  });

  it('fails verification when one byte of any file is changed', async () => {
    expect(bundleFiles.length).toBeGreaterThan(8);
    for (const file of bundleFiles) {
      const dir = copyOfBundle();
      flipOneByte(join(dir, file));
      const outcome = await install(dir, ['--verify-only']);
      expect({ file, code: outcome.code, said: outcome.stderr.includes('nothing was installed') }).toEqual({
        file,
        code: 1,
        said: true,
      });
      rmSync(dir, { recursive: true });
    }
  });

  it('fails verification when a file is added or removed', async () => {
    const added = copyOfBundle();
    writeFileSync(join(added, 'charts/extra-values.yaml'), 'image: {}\n');
    await expect(install(added, ['--verify-only'])).resolves.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('does not list: charts/extra-values.yaml'),
    });
    const removed = copyOfBundle();
    rmSync(join(removed, 'models/faq-intent/model.onnx'));
    await expect(install(removed, ['--verify-only'])).resolves.toMatchObject({ code: 1 });
  });

  it('fails verification when the sums are re-signed with another key', async () => {
    const dir = copyOfBundle();
    writeFileSync(join(dir, 'images/IMAGES'), `kefu-image-0.0.0-test.oci.tar kefu/kefu sha256:${'0'.repeat(64)}\n`);
    const sums = await runProgram(
      'bash',
      ['-c', "sed -E 's/^[0-9a-f]{64}  //' SHA256SUMS | xargs -d '\\n' sha256sum > S && mv S SHA256SUMS"],
      {
        cwd: dir,
      },
    );
    expect(sums.code).toBe(0);
    const signed = await runProgram('minisign', [
      '-S',
      '-s',
      otherKey.secret,
      '-m',
      join(dir, 'SHA256SUMS'),
      '-x',
      join(dir, 'SHA256SUMS.minisig'),
    ]);
    expect(signed.code).toBe(0);
    await expect(install(dir, ['--verify-only'])).resolves.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('signature of SHA256SUMS does not verify'),
    });
  });

  it('calls neither skopeo nor helm when the bundle was altered', async () => {
    const dir = copyOfBundle();
    flipOneByte(join(dir, 'charts/kefu-0.0.0-test.tgz'));
    const tools = recordingTools();
    const values = join(work, 'site-values.yaml');
    writeFileSync(values, 'publicUrl: https://kefu.bank.internal\n');
    const outcome = await install(dir, ['--registry', 'registry.bank.internal', '--values', values], {
      PATH: tools.path,
    });
    expect(outcome.code).toBe(1);
    expect(existsSync(tools.calls)).toBe(false);
  });

  it('pushes with digests preserved and installs the chart with the bundle digest once verified', async () => {
    const dir = copyOfBundle();
    const tools = recordingTools();
    const values = join(work, 'site-values.yaml');
    writeFileSync(values, 'publicUrl: https://kefu.bank.internal\n');
    const outcome = await install(dir, ['--registry', 'registry.bank.internal:5000', '--values', values], {
      PATH: tools.path,
      KEFU_FAKE_DIGEST: imageDigest,
    });
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const calls = readFileSync(tools.calls, 'utf8').trim().split('\n');
    expect(calls[0]).toMatch(
      /^skopeo copy --quiet --preserve-digests --dest-tls-verify=true oci-archive:images\/kefu-image-0.0.0-test.oci.tar docker:\/\/registry.bank.internal:5000\/kefu\/kefu:0.0.0-test$/,
    );
    expect(calls[2]).toContain('helm upgrade --install kefu charts/kefu-0.0.0-test.tgz --namespace kefu');
    expect(calls[2]).toContain(`--set-string image.digest=${imageDigest}`);
    expect(calls[2]).toContain('--set-string global.imageRegistry=registry.bank.internal:5000');
  });
});

describe('pushing the bundle to a registry on loopback', () => {
  let registry: ChildProcess | undefined;
  let port = 0;

  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address() as { port: number };
        server.close(() => resolve(address.port));
      });
    });
    const config = join(work, 'registry.yml');
    writeFileSync(
      config,
      `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${join(work, 'registry-data')}\nhttp:\n  addr: 127.0.0.1:${port}\nlog:\n  level: error\n`,
    );
    registry = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
    if (!(await waitForStatus(`http://127.0.0.1:${port}/v2/`, 200, 60)))
      throw new Error('docker-registry did not start');
  }, 60_000);

  afterAll(() => {
    registry?.kill('SIGTERM');
  });

  it('stores the image under the digest the bundle lists', async () => {
    const dir = copyOfBundle();
    const outcome = await install(dir, ['--registry', `127.0.0.1:${port}`, '--registry-insecure', '--images-only']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    const inspected = await runProgram('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--format',
      '{{.Digest}}',
      `docker://127.0.0.1:${port}/kefu/kefu@${imageDigest}`,
    ]);
    expect(inspected.stdout.trim()).toBe(imageDigest);
  });
});
