/**
 * Pod Security over the emitted tree of sample-repo and every golden emit fixture: every pod the
 * output makes — Deployments, CronJobs, WorkflowTemplate/CronWorkflow step pods, InferenceService
 * predictors and canaries — passes the Kubernetes 1.34 "restricted" standard *with the containers the
 * controllers inject*, configured as the cluster's platform bootstrap (`clusters/<cluster>/platform/`)
 * configures them: KServe's storage initializer from the emitted ClusterStorageContainer, its agent when
 * `logger` is set, Argo's init/wait from the emitted `workflow-controller-configmap` (see
 * support/injected-pods.ts for the upstream functions). Team namespaces warn and audit at `restricted`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXECUTOR_SECURITY_CONTEXT } from '../../compiler/emit/platform-bootstrap/argo-executor-config.ts';
import { type ControllerConfig, controllerConfig, type LabelledPod, podsOf } from './support/injected-pods.ts';
import { type Yaml, podSecurityViolations } from './support/pod-security-standard.ts';
import { compileCase, goldenCases } from '../emit/golden/golden-cases.ts';
import { validateKubernetesObject } from '../support/kubernetes-schemas.ts';

interface CheckedCase {
  readonly name: string;
  readonly pods: (LabelledPod & { readonly path: string; readonly cluster: string })[];
  readonly namespaces: Record<string, Yaml>[];
  readonly bootstrap: Map<string, Record<string, Yaml>[]>;
  readonly argoExecutor: 'emit' | 'external';
}

let cases: CheckedCase[] = [];

beforeAll(async () => {
  cases = [];
  for (const golden of goldenCases()) {
    const result = await compileCase(golden);
    if (!result.org) throw new Error(`${golden.name} does not compile`);
    const bootstrap = new Map<string, Record<string, Yaml>[]>();
    for (const file of result.files) {
      const match = /^clusters\/([^/]+)\/platform\/[^/]+\.yaml$/.exec(file.path);
      if (match) bootstrap.set(match[1]!, [...(bootstrap.get(match[1]!) ?? []), parse(file.content)]);
    }
    const argoExecutor = result.org.platform.podSecurity.argoExecutor;
    const configs = new Map<string, ControllerConfig>();
    const configOf = (cluster: string): ControllerConfig => {
      const known = configs.get(cluster);
      if (known) return known;
      const config = controllerConfig(bootstrap.get(cluster) ?? []);
      // `external`: the platform sets the executor as docs/platform-prerequisites.md#pod-security says.
      const effective = argoExecutor === 'external' ? { ...config, argoExecutor: { securityContext: EXECUTOR_SECURITY_CONTEXT } } : config;
      configs.set(cluster, effective);
      return effective;
    };
    const pods = result.manifests.flatMap((manifest) =>
      podsOf(manifest.object as Record<string, Yaml>, configOf(manifest.cluster)).map((pod) => ({ ...pod, path: manifest.path, cluster: manifest.cluster })),
    );
    const namespaces = result.manifests.filter((manifest) => manifest.object.kind === 'Namespace').map((manifest) => manifest.object as Record<string, Yaml>);
    cases.push({ name: golden.name, pods, namespaces, bootstrap, argoExecutor });
  }
}, 300_000);

describe('Pod Security restricted with injected containers', () => {
  it('every pod of every case passes restricted', () => {
    const failures = cases.flatMap((checked) =>
      checked.pods.flatMap(({ path, label, pod }) => podSecurityViolations(pod).map((violation) => `${checked.name}: ${path} (${label}): ${violation.check}: ${violation.detail}`)),
    );
    expect(failures).toEqual([]);
  });

  it('checks the injected containers, not just what the output declares', () => {
    const names = new Set(cases.flatMap((checked) => checked.pods.flatMap(({ pod }) => [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((container: Yaml) => container.name))));
    for (const injected of ['storage-initializer', 'agent', 'init', 'wait', 'main', 'kserve-container', 'queue-proxy']) expect(names, injected).toContain(injected);
    const kinds = new Set(cases.flatMap((checked) => checked.pods.map(({ path }) => path.split('/').pop()!.split('-')[0])));
    for (const kind of ['deployment', 'cronjob', 'workflowtemplate', 'inferenceservice']) expect(kinds, kind).toContain(kind);
  });

  it('every cluster with output has a bootstrap whose objects match their schemas', () => {
    for (const checked of cases) {
      const clusters = new Set(checked.pods.map((pod) => pod.cluster));
      for (const cluster of clusters) {
        const objects = checked.bootstrap.get(cluster) ?? [];
        expect(objects.map((object) => object.kind).sort(), `${checked.name}: ${cluster}`).toEqual(checked.argoExecutor === 'emit' ? ['ClusterStorageContainer', 'ConfigMap'] : ['ClusterStorageContainer']);
        for (const object of objects) expect(validateKubernetesObject(object), `${checked.name}: ${cluster} ${object.kind}`).toEqual([]);
      }
    }
  });

  it('team namespaces enforce the platform level and warn and audit at restricted, versions pinned', () => {
    expect(cases.flatMap((checked) => checked.namespaces).length).toBeGreaterThan(0);
    for (const checked of cases) {
      for (const namespace of checked.namespaces) {
        const labels = namespace.metadata.labels;
        expect(['restricted', 'baseline'], namespace.metadata.name).toContain(labels['pod-security.kubernetes.io/enforce']);
        expect(labels['pod-security.kubernetes.io/warn'], namespace.metadata.name).toBe('restricted');
        expect(labels['pod-security.kubernetes.io/audit'], namespace.metadata.name).toBe('restricted');
        for (const mode of ['enforce', 'warn', 'audit']) expect(labels[`pod-security.kubernetes.io/${mode}-version`], `${namespace.metadata.name} ${mode}`).toBe('v1.34');
      }
    }
  });
});
