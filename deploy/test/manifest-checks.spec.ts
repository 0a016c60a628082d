import { describe, expect, it } from '@jest/globals';
import type { Manifest } from './support/helm.ts';
import { schemaErrors, unknownFields } from './support/kubernetes-schema.ts';
import { podSpecs, restrictedViolations } from './support/pod-security.ts';

function deployment(container: Record<string, unknown>, pod: Record<string, unknown> = {}): Manifest {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'probe' },
    spec: {
      selector: { matchLabels: { app: 'probe' } },
      template: {
        metadata: { labels: { app: 'probe' } },
        spec: {
          automountServiceAccountToken: false,
          containers: [{ name: 'c', image: 'r/i@sha256:0', ...container }],
          ...pod,
        },
      },
    },
  };
}

const hardened = {
  securityContext: {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },
  resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
};

describe('the manifest checks the chart tests rely on', () => {
  it('report a misspelt field that the API server would silently drop', async () => {
    const manifest = deployment({ securityContext: { readOnlyRootFilesytem: true } });
    expect(unknownFields(manifest)).toEqual([
      'Deployment.spec.template.spec.containers[0].securityContext.readOnlyRootFilesytem: unknown field',
    ]);
  });

  it('report a value of the wrong type through the Kubernetes schema', async () => {
    const errors = await schemaErrors(deployment({ ports: [{ containerPort: 'http' }] }));
    expect(errors).toHaveLength(1);
  });

  it('accept a hardened container', async () => {
    const manifest = deployment(hardened);
    expect(unknownFields(manifest)).toEqual([]);
    expect(podSpecs(manifest).flatMap(restrictedViolations)).toEqual([]);
  });

  it('report each way a pod falls short of the restricted profile', async () => {
    const manifest = deployment(
      {
        securityContext: { runAsUser: 0, privileged: true, capabilities: { add: ['NET_ADMIN'] } },
        ports: [{ containerPort: 1, hostPort: 1 }],
      },
      { hostNetwork: true, volumes: [{ name: 'root', hostPath: { path: '/' } }] },
    );
    const problems = podSpecs(manifest).flatMap(restrictedViolations).join('\n');
    for (const expected of [
      'hostNetwork',
      'hostPath volume root',
      'runAsNonRoot is not true',
      'runs as uid 0',
      'allowPrivilegeEscalation is not false',
      'root filesystem is writable',
      'privileged',
      'capabilities not dropped',
      'adds capabilities',
      'seccomp profile is not RuntimeDefault',
      'hostPort 1',
      'no cpu requests',
    ]) {
      expect(problems).toContain(expected);
    }
  });
});
