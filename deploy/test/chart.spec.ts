import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { chartDir, type HelmMajor, helm, type Manifest, renderChart, repoRoot } from './support/helm.ts';
import { schemaErrors, unknownFields } from './support/kubernetes-schema.ts';
import { podSpecs, restrictedViolations } from './support/pod-security.ts';

const validValues = readdirSync(join(chartDir, 'ci'))
  .filter((file) => file.endsWith('.yaml'))
  .map((file) => join(chartDir, 'ci', file));
const production = join(chartDir, 'ci/production-values.yaml');
const invalidDir = join(repoRoot, 'deploy/test/values/invalid');
const invalidValues = readdirSync(invalidDir).filter((file) => file.endsWith('.yaml'));
const publicHosts = /docker\.io|quay\.io|ghcr\.io|gcr\.io|registry\.k8s\.io|k8s\.gcr\.io|github\.com|npmjs\.org/;

type Json = Record<string, unknown>;

function find(manifests: Manifest[], kind: string, component?: string): Manifest[] {
  return manifests.filter(
    (manifest) =>
      manifest.kind === kind &&
      (component === undefined ||
        (manifest.metadata as { labels?: Record<string, string> }).labels?.['app.kubernetes.io/component'] ===
          component),
  );
}

function only(manifests: Manifest[], kind: string, component?: string): Manifest {
  const found = find(manifests, kind, component);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${component ?? ''}, found ${found.length}`);
  return found[0] as Manifest;
}

function appContainer(manifest: Manifest): Json {
  const spec = podSpecs(manifest)[0]?.spec as { containers: Json[] };
  return spec.containers[0] as Json;
}

function env(container: Json): Map<string, Json> {
  return new Map(((container.env ?? []) as Json[]).map((entry) => [String(entry.name), entry]));
}

describe.each([3, 4] as HelmMajor[])('the chart under Helm %i', (major) => {
  it.each(validValues.map((file) => [file.split('/').at(-1), file]))('lints strictly with %s', async (_, file) => {
    const outcome = await helm(major, ['lint', '--strict', chartDir, '-f', file as string]);
    expect(outcome.stderr + outcome.stdout).toContain('0 chart(s) failed');
    expect(outcome.ok).toBe(true);
  });

  it.each(invalidValues)('refuses the invalid values of %s', async (file) => {
    const outcome = await helm(major, ['template', 'kefu', chartDir, '-f', production, '-f', join(invalidDir, file)]);
    expect(outcome.ok).toBe(false);
    expect(outcome.stderr).toMatch(/schema/);
  });
});

describe.each(validValues.map((file) => [file.split('/').at(-1), file]))('rendered with %s', (_, file) => {
  const rendered = renderChart(4, [file as string]);

  it('renders only objects that the Kubernetes schemas accept', async () => {
    const { manifests } = await rendered;
    const errors: string[] = [];
    // One at a time: Jest's ESM loader can fail on concurrent dynamic imports of modules that share a dependency.
    for (const manifest of manifests) errors.push(...(await schemaErrors(manifest)));
    expect(errors).toEqual([]);
  });

  it('renders no field that Kubernetes does not define', async () => {
    const { manifests } = await rendered;
    expect(manifests.flatMap(unknownFields)).toEqual([]);
  });

  it('meets the restricted pod security standard in every pod', async () => {
    const { manifests } = await rendered;
    const pods = manifests.flatMap(podSpecs);
    expect(pods.length).toBeGreaterThan(1);
    expect(pods.flatMap(restrictedViolations)).toEqual([]);
  });

  it('pulls every image from the private registry, pinned by digest, and names no public host', async () => {
    const { manifests, text } = await rendered;
    const registry = (parse(readFileSync(file as string, 'utf8')) as { global: { imageRegistry: string } }).global
      .imageRegistry;
    const images = manifests
      .flatMap(podSpecs)
      .flatMap(({ spec }) => [...((spec.initContainers ?? []) as Json[]), ...((spec.containers ?? []) as Json[])])
      .map((container) => String(container.image));
    expect(images.length).toBeGreaterThan(0);
    const escaped = registry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const image of images) expect(image).toMatch(new RegExp(`^${escaped}/kefu/[a-z-]+@sha256:[a-f0-9]{64}$`));
    expect(text).not.toMatch(publicHosts);
  });

  it('creates no Secret: every secret comes from an existingSecret', async () => {
    const { manifests } = await rendered;
    expect(find(manifests, 'Secret')).toEqual([]);
  });

  it('runs migrations in a hook Job that uses only pre-existing secrets, and not in the replicas', async () => {
    const { manifests } = await rendered;
    const job = only(manifests, 'Job', 'migrate');
    const annotations = (job.metadata as { annotations?: Record<string, string> }).annotations ?? {};
    expect(annotations['helm.sh/hook']).toMatch(/pre-upgrade/);
    const container = appContainer(job);
    expect(container.args).toEqual(['backend/dist/cli/kefu.js', 'migrate']);
    const values = parse(readFileSync(file as string, 'utf8')) as { database: { existingSecret: string } };
    const secretRefs = [...env(container).values()]
      .map((entry) => (entry.valueFrom as { secretKeyRef?: { name: string } } | undefined)?.secretKeyRef?.name)
      .filter(Boolean);
    expect(secretRefs).toEqual([values.database.existingSecret]);
    const jobSpec = podSpecs(job)[0]?.spec as Json;
    expect(jobSpec.serviceAccountName).toBeUndefined();
    const app = env(appContainer(only(manifests, 'Deployment', 'app')));
    expect(app.get('KEFU_MIGRATE_ON_START')?.value).toBe('false');
  });

  it('configures the app for production with health probes on port 3000', async () => {
    const { manifests } = await rendered;
    const container = appContainer(only(manifests, 'Deployment', 'app'));
    const settings = env(container);
    expect(settings.get('NODE_ENV')?.value).toBe('production');
    expect(settings.get('ORT_DISABLE_TELEMETRY')?.value).toBe('1');
    expect(settings.get('KEFU_HTTP_PORT')?.value).toBe('3000');
    expect(settings.get('KEFU_PUBLIC_URL')?.value).toMatch(/^https?:\/\//);
    expect(settings.get('DATABASE_URL')?.valueFrom).toBeDefined();
    expect(container.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    expect((container.livenessProbe as { httpGet: Json }).httpGet).toEqual({ path: '/healthz', port: 'http' });
    expect((container.readinessProbe as { httpGet: Json }).httpGet).toEqual({ path: '/readyz', port: 'http' });
    const mounts = ((container.volumeMounts ?? []) as Json[]).map((mount) => mount.mountPath);
    expect(mounts).toEqual(
      expect.arrayContaining(['/tmp', '/var/lib/kefu/idp', '/var/lib/kefu/keys', '/var/lib/kefu/crypto']),
    );
  });

  it('lets traffic in on the app port only and out to DNS, PostgreSQL and Keycloak only', async () => {
    const { manifests } = await rendered;
    const policy = find(manifests, 'NetworkPolicy').find((item) => item.metadata.name === 'kefu') as Manifest;
    const spec = policy.spec as { ingress: Json[]; egress: Json[]; policyTypes: string[] };
    expect(spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(spec.ingress.flatMap((rule) => rule.ports as Json[])).toEqual([{ port: 3000, protocol: 'TCP' }]);
    for (const rule of spec.egress) expect(rule.to).toBeDefined();
    const egressPorts = new Set(spec.egress.flatMap((rule) => (rule.ports as Json[]).map((port) => port.port)));
    const values = parse(readFileSync(file as string, 'utf8')) as {
      networkPolicy?: { keycloak?: { port?: number }; siem?: { port?: number } };
    };
    const allowed = new Set([53, 5432, 8080, values.networkPolicy?.keycloak?.port ?? 443]);
    if (values.networkPolicy?.siem) allowed.add(values.networkPolicy.siem.port ?? 6514);
    for (const port of egressPorts) expect(allowed).toContain(port);
  });

  it('ships the Keycloak realm export unchanged as a ConfigMap', async () => {
    const { manifests } = await rendered;
    const configMap = only(manifests, 'ConfigMap');
    const realm = (configMap.data as Record<string, string>)['realm-kefu.json'];
    expect(JSON.parse(realm as string)).toEqual(
      JSON.parse(readFileSync(join(chartDir, 'files/keycloak/realm-kefu.json'), 'utf8')),
    );
  });
});

describe('the chart in production mode', () => {
  it('renders a Deployment, Service, HPA, PodDisruptionBudget and NetworkPolicy and nothing bundled', async () => {
    const { manifests } = await renderChart(4, [production]);
    const kinds = manifests.map((manifest) => manifest.kind).sort();
    expect(kinds).toEqual(
      [
        'ConfigMap',
        'Deployment',
        'HorizontalPodAutoscaler',
        'Job',
        'NetworkPolicy',
        'PodDisruptionBudget',
        'Service',
        'ServiceAccount',
      ].sort(),
    );
  });

  it('mounts the identity, audit and crypto key Secrets and stages them into writable memory folders', async () => {
    const { manifests } = await renderChart(4, [production]);
    const spec = podSpecs(only(manifests, 'Deployment', 'app'))[0]?.spec as { initContainers: Json[]; volumes: Json[] };
    const secrets = spec.volumes.flatMap((volume) => (volume.secret ? [(volume.secret as Json).secretName] : []));
    expect(secrets).toEqual(['kefu-identity-keys', 'kefu-audit-keys', 'kefu-crypto-keys']);
    expect(spec.initContainers[0]?.command).toEqual([
      '/usr/local/bin/node',
      '/app/deploy/stage-secret-dir.mjs',
      '/run/secrets/kefu/idp:/var/lib/kefu/idp',
      '/run/secrets/kefu/keys:/var/lib/kefu/keys',
      '/run/secrets/kefu/crypto:/var/lib/kefu/crypto',
    ]);
  });
});
