import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { botEnvironmentVariables } from '../../../bot/server/bot-environment.ts';
import { healthPaths } from '../../../bot/server/start-server.ts';
import { validateKubernetesObject } from '../../support/kubernetes-schemas.ts';

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, whose shape validateKubernetesObject checks first
type Json = Record<string, any>;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const directory = path.join(root, 'deploy', 'bot');
const kustomization = parse(readFileSync(path.join(directory, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
const objects = kustomization.resources.map((file) => parse(readFileSync(path.join(directory, file), 'utf8')) as Json);
const byKind = (kind: string): Json => {
  const found = objects.filter((object) => object.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};
const serverPort = Number(/EXPOSE (\d+)/.exec(readFileSync(path.join(root, 'Dockerfile'), 'utf8'))![1]);

describe('deploy/bot', () => {
  it('lists the bot’s objects, each valid against its Kubernetes schema', () => {
    expect(objects.map((object) => object.kind).sort()).toEqual(
      ['Deployment', 'NetworkPolicy', 'PodDisruptionBudget', 'Service', 'ServiceAccount', 'ServiceMonitor'].sort(),
    );
    for (const object of objects) expect(validateKubernetesObject(object), `${object.kind}`).toEqual([]);
    expect(new Set(objects.map((object) => object.metadata.namespace))).toEqual(new Set(['cirrus-mlops']));
  });

  const deployment = byKind('Deployment');
  const pod = deployment.spec.template.spec;
  const container = pod.containers[0];
  const podLabels = deployment.spec.template.metadata.labels;
  const selects = (selector: Json) => Object.entries(selector).every(([key, value]) => podLabels[key] === value);

  it('runs at least two replicas with no unavailable replica during a rollout', () => {
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(deployment.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    expect(selects(deployment.spec.selector.matchLabels)).toBe(true);
  });

  it('probes the paths and the port the server serves', () => {
    const http = container.ports.find((port: Json) => port.name === 'http');
    expect(http.containerPort).toBe(serverPort);
    expect(container.env.find((env: Json) => env.name === 'PORT').value).toBe(String(serverPort));
    expect(container.readinessProbe.httpGet).toEqual({ path: healthPaths.ready, port: 'http' });
    expect(container.livenessProbe.httpGet).toEqual({ path: healthPaths.live, port: 'http' });
    expect(container.startupProbe.httpGet).toEqual({ path: healthPaths.live, port: 'http' });
  });

  it('meets the restricted Pod Security Standard and has resource requests', () => {
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.securityContext.runAsUser).toBeGreaterThan(0);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.hostNetwork ?? false).toBe(false);
    expect(container.resources.requests).toEqual({ cpu: expect.any(String), memory: expect.any(String) });
    expect(pod.automountServiceAccountToken).toBe(false);
    // Writable paths under a read-only root: the git cache and /tmp are emptyDirs.
    const cacheDirectory = container.env.find((env: Json) => env.name === 'MLOPS_BOT_CACHE_DIR').value;
    expect(container.volumeMounts.map((mount: Json) => mount.mountPath).sort()).toEqual([cacheDirectory, '/tmp'].sort());
  });

  it('takes secrets only from the Secret, and reads only variables the bot knows', () => {
    const known = new Set(botEnvironmentVariables.map((variable) => variable.name));
    for (const env of container.env as Json[]) {
      expect(known.has(env.name), env.name).toBe(true);
      if (/KEY|SECRET/.test(env.name)) expect(env.valueFrom.secretKeyRef).toEqual({ name: 'cirrus-mlops-bot', key: env.name });
    }
    const required = botEnvironmentVariables.filter((variable) => variable.required).map((variable) => variable.name);
    expect(required.every((name) => container.env.some((env: Json) => env.name === name))).toBe(true);
  });

  it('routes the Service, the disruption budget, the network policy and the monitor to the bot pods', () => {
    const service = byKind('Service');
    expect(selects(service.spec.selector)).toBe(true);
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }]);

    const budget = byKind('PodDisruptionBudget');
    expect(selects(budget.spec.selector.matchLabels)).toBe(true);
    expect(budget.spec.minAvailable).toBeLessThan(deployment.spec.replicas);

    const policy = byKind('NetworkPolicy');
    expect(selects(policy.spec.podSelector.matchLabels)).toBe(true);
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress).toEqual([{ ports: [{ port: serverPort, protocol: 'TCP' }] }]);
    const egressPorts = policy.spec.egress.flatMap((rule: Json) => rule.ports.map((port: Json) => `${port.port}/${port.protocol}`));
    expect(egressPorts.sort()).toEqual(['443/TCP', '53/TCP', '53/UDP']);

    const monitor = byKind('ServiceMonitor');
    expect(Object.entries(monitor.spec.selector.matchLabels).every(([key, value]) => service.metadata.labels[key] === value)).toBe(true);
    expect(monitor.spec.endpoints).toEqual([{ port: 'http', path: healthPaths.metrics, interval: '30s' }]);
  });
});
