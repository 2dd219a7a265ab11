/**
 * Every drift check of sample-repo and the golden fixtures reads predictions something actually logs:
 * a `kserve`-format source is fed by KServe's payload logger (`predictor.logger`, KServe v0.20
 * `LoggerSpec` in `pkg/apis/serving/v1beta1/inference_service.go`) on every predictor of that
 * deployment in the namespace — canaries and A/B variants included — posting under the same
 * `<namespace>/<deployment>` the check reads; the predictor pods may reach the sink and the check its
 * source through their NetworkPolicies (an HTTPS source on 443 is allowed by the namespace default).
 */
import { describe, expect, it } from 'vitest';
import { urlEgressRule } from '../../compiler/emit/monitoring/drift-check-egress.ts';
import { emittedCases, objectsOfKind, type PlainObject } from './support/emitted-objects.ts';
import { selects } from './support/scrape-targets.ts';

const cases = await emittedCases();

type Predictor = { labels?: Record<string, string>; logger?: { mode?: string; url?: string } };
type EgressRule = { ports?: { port: number }[]; to?: unknown[] };

const checks = objectsOfKind(cases, 'ConfigMap').flatMap(({ label, object, manifest, emitted }) => {
  const text = (object as { data?: Record<string, string> }).data?.['drift-check.json'];
  if (!text) return [];
  const config = JSON.parse(text) as { deployment: string; namespace: string; inputs: { uri: string; format: string } };
  const here = emitted.manifests.filter((candidate) => candidate.cluster === manifest.cluster).map((candidate) => candidate.object as unknown as PlainObject);
  return [{ label, config, here }];
});

const policiesFor = (objects: readonly PlainObject[], namespace: string, labels: Readonly<Record<string, string>>) =>
  objects.filter((object) => object.kind === 'NetworkPolicy' && object.metadata?.namespace === namespace && selects((object.spec as { podSelector: { matchLabels?: Record<string, string> } }).podSelector.matchLabels ?? {}, labels));

const allows = (policies: readonly PlainObject[], rule: EgressRule | undefined) =>
  rule === undefined || policies.some((policy) => ((policy.spec as { egress?: EgressRule[] }).egress ?? []).some((egress) => JSON.stringify(egress) === JSON.stringify(rule)));

describe.each(checks)('$label', ({ config, here }) => {
  const predictors = here
    .filter((object) => object.kind === 'InferenceService' && object.metadata?.namespace === config.namespace && object.metadata?.labels?.['app.kubernetes.io/name'] === config.deployment)
    .flatMap((object) => {
      const spec = object.spec as { predictor: Predictor; canary?: { predictor: Predictor }[] };
      return [spec.predictor, ...(spec.canary ?? []).map((canary) => canary.predictor)];
    });

  it('reads a source that something logs to', () => {
    expect(config.inputs.uri).toMatch(/^https?:\/\//);
    if (config.inputs.format !== 'kserve') return;
    expect(predictors.length).toBeGreaterThan(0);
    const suffix = `/${config.namespace}/${config.deployment}`;
    expect(config.inputs.uri.endsWith(suffix)).toBe(true);
    for (const predictor of predictors) {
      expect(predictor.logger?.mode).toMatch(/^(request|all)$/);
      expect(predictor.logger?.url?.endsWith(suffix)).toBe(true);
    }
  });

  it('may reach its source, and the predictors may reach the sink', () => {
    const cronJob = here.find((object) => object.kind === 'CronJob' && object.metadata?.namespace === config.namespace && object.metadata?.name?.startsWith(config.deployment));
    expect(cronJob).toBeDefined();
    const jobLabels = (cronJob!.spec as { jobTemplate: { spec: { template: { metadata: { labels: Record<string, string> } } } } }).jobTemplate.spec.template.metadata.labels;
    expect(allows(policiesFor(here, config.namespace, jobLabels), urlEgressRule(config.inputs.uri) as EgressRule | undefined)).toBe(true);
    for (const predictor of predictors) {
      if (!predictor.logger?.url) continue;
      expect(allows(policiesFor(here, config.namespace, predictor.labels ?? {}), urlEgressRule(predictor.logger.url) as EgressRule | undefined)).toBe(true);
    }
  });
});

it('covers both kinds of source', () => {
  expect(new Set(checks.map(({ config }) => config.inputs.format))).toEqual(new Set(['kserve', 'features']));
});
