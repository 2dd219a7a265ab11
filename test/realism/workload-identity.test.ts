/**
 * Every pod that reads object storage runs as a ServiceAccount that exists in its namespace and, where
 * platform.yaml declares `identity`, carries it — over sample-repo and every golden fixture:
 * - KServe predictors: the storage-initializer takes its credentials from the predictor's
 *   `serviceAccountName` (KServe v0.20.0 `CreateSecretVolumeAndEnvFromServiceAccount` in
 *   `pkg/credentials/service_account_credentials.go`: the `eks.amazonaws.com/role-arn` annotation and
 *   every `secrets` entry), so the predictor must name one and it must carry the identity;
 * - `deployment`-backend pods, pipeline pods (Argo runs them as the WorkflowTemplate's
 *   `spec.serviceAccountName`) and drift checks: the same, through their pod's ServiceAccount.
 */
import { describe, expect, it } from 'vitest';
import { declaresIdentity, fillPlaceholders } from '../../compiler/resolve/workload-identity.ts';
import { emittedCases, type PlainObject } from './support/emitted-objects.ts';

const cases = await emittedCases();

interface Reader {
  readonly label: string;
  readonly serviceAccount: string | undefined;
  readonly namespace: string;
  readonly here: readonly PlainObject[];
  readonly identity: { readonly annotations: Record<string, string>; readonly secret?: string } | undefined;
}

const readers: Reader[] = [];
for (const emitted of cases) {
  const config = emitted.org.platform.config;
  for (const cluster of [...new Set(emitted.manifests.map((manifest) => manifest.cluster))]) {
    const here = emitted.manifests.filter((manifest) => manifest.cluster === cluster).map((manifest) => manifest.object as unknown as PlainObject);
    for (const object of here) {
      const namespace = object.metadata?.namespace ?? '';
      const labels = object.metadata?.labels ?? {};
      const scope = { team: labels['mlops.cirruslabs.io/team'] ?? '', environment: labels['mlops.cirruslabs.io/environment'] ?? '', cluster, namespace };
      const identity = declaresIdentity(config)
        ? {
            annotations: Object.fromEntries(Object.entries(config.identity?.serviceAccountAnnotations ?? {}).map(([key, value]) => [key, fillPlaceholders(value, scope)])),
            ...(config.identity?.secret ? { secret: fillPlaceholders(config.identity.secret, scope) } : {}),
          }
        : undefined;
      const add = (what: string, serviceAccount: string | undefined) => readers.push({ label: `${emitted.name} ${cluster}: ${object.kind}/${object.metadata?.name}${what}`, serviceAccount, namespace, here, identity });
      type PodSpec = { serviceAccountName?: string };
      const spec = object.spec as { predictor: PodSpec; canary?: { predictor: PodSpec }[]; template: { spec: PodSpec }; jobTemplate: { spec: { template: { spec: PodSpec } } }; serviceAccountName?: string };
      if (object.kind === 'InferenceService') {
        add('', spec.predictor.serviceAccountName);
        for (const canary of spec.canary ?? []) add(' canary', canary.predictor.serviceAccountName);
      }
      if (object.kind === 'Deployment') add('', spec.template.spec.serviceAccountName);
      if (object.kind === 'WorkflowTemplate') add('', spec.serviceAccountName);
      if (object.kind === 'CronJob') add('', spec.jobTemplate.spec.template.spec.serviceAccountName);
    }
  }
}

describe.each(readers)('$label', ({ serviceAccount, namespace, here, identity }) => {
  it('runs as a ServiceAccount of its namespace that carries the platform’s identity', () => {
    expect(serviceAccount).toBeDefined();
    const account = here.find((object) => object.kind === 'ServiceAccount' && object.metadata?.namespace === namespace && object.metadata?.name === serviceAccount);
    expect(account, `ServiceAccount ${namespace}/${serviceAccount}`).toBeDefined();
    if (!identity) return;
    expect(account!.metadata?.annotations).toMatchObject(identity.annotations);
    if (identity.secret) expect((account as { secrets?: { name: string }[] }).secrets).toEqual([{ name: identity.secret }]);
  });
});

it('covers serving, pipelines and drift checks, with annotations and with a Secret', () => {
  expect(new Set(readers.map((reader) => reader.label.split(': ')[1]!.split('/')[0]))).toEqual(new Set(['InferenceService', 'Deployment', 'WorkflowTemplate', 'CronJob']));
  expect(readers.some((reader) => Object.keys(reader.identity?.annotations ?? {}).length > 0)).toBe(true);
  expect(readers.some((reader) => reader.identity?.secret !== undefined)).toBe(true);
});
