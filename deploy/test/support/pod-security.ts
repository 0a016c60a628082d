// Hand-written because no npm package evaluates the Pod Security Standards offline; this follows the "restricted"
// profile of the Kubernetes Pod Security Standards and adds Kefu's own rules: a
// read-only root filesystem, resource requests and limits, and no host path or host namespace of any kind.
import type { Manifest } from './helm.ts';

type Json = Record<string, unknown>;

interface PodTemplate {
  owner: string;
  spec: Json;
}

/** The pod specs inside a workload object (Deployment, StatefulSet, Job, Pod...). */
export function podSpecs(manifest: Manifest): PodTemplate[] {
  const owner = `${manifest.kind}/${manifest.metadata.name}`;
  const spec = manifest.spec as Json | undefined;
  if (manifest.kind === 'Pod' && spec) return [{ owner, spec }];
  const template = (spec?.template as Json | undefined)?.spec as Json | undefined;
  if (template) return [{ owner, spec: template }];
  const cron = (((spec?.jobTemplate as Json | undefined)?.spec as Json | undefined)?.template as Json | undefined)
    ?.spec as Json | undefined;
  return cron ? [{ owner, spec: cron }] : [];
}

/** Every way in which one pod spec falls short of the restricted profile; empty when it complies. */
export function restrictedViolations({ owner, spec }: PodTemplate): string[] {
  const problems: string[] = [];
  const pod = (spec.securityContext ?? {}) as Json;
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) {
    if (spec[field] === true) problems.push(`${owner}: ${field}`);
  }
  for (const volume of (spec.volumes ?? []) as Json[]) {
    if (volume.hostPath) problems.push(`${owner}: hostPath volume ${String(volume.name)}`);
  }
  if (spec.automountServiceAccountToken !== false) problems.push(`${owner}: mounts a service account token`);
  const containers = [...((spec.initContainers ?? []) as Json[]), ...((spec.containers ?? []) as Json[])];
  if (containers.length === 0) problems.push(`${owner}: no containers`);
  for (const container of containers) {
    const name = `${owner} container ${String(container.name)}`;
    const own = (container.securityContext ?? {}) as Json;
    const effective = (field: string) => (own[field] !== undefined ? own[field] : pod[field]);
    if (effective('runAsNonRoot') !== true) problems.push(`${name}: runAsNonRoot is not true`);
    if (effective('runAsUser') === 0) problems.push(`${name}: runs as uid 0`);
    if (own.allowPrivilegeEscalation !== false) problems.push(`${name}: allowPrivilegeEscalation is not false`);
    if (own.readOnlyRootFilesystem !== true) problems.push(`${name}: root filesystem is writable`);
    if (own.privileged === true) problems.push(`${name}: privileged`);
    const capabilities = (own.capabilities ?? {}) as { drop?: string[]; add?: string[] };
    if (!capabilities.drop?.includes('ALL')) problems.push(`${name}: capabilities not dropped (drop: [ALL])`);
    if ((capabilities.add ?? []).length > 0) problems.push(`${name}: adds capabilities`);
    const seccomp = (effective('seccompProfile') ?? {}) as Json;
    if (seccomp.type !== 'RuntimeDefault' && seccomp.type !== 'Localhost') {
      problems.push(`${name}: seccomp profile is not RuntimeDefault`);
    }
    for (const port of (container.ports ?? []) as Json[]) {
      if (port.hostPort !== undefined) problems.push(`${name}: hostPort ${String(port.hostPort)}`);
    }
    const resources = (container.resources ?? {}) as { requests?: Json; limits?: Json };
    for (const kind of ['requests', 'limits'] as const) {
      for (const resource of ['cpu', 'memory']) {
        if (resources[kind]?.[resource] === undefined) problems.push(`${name}: no ${resource} ${kind}`);
      }
    }
  }
  return problems;
}
