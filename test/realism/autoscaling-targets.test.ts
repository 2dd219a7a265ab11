/**
 * Autoscalers that scale what they should, over the emitted tree of sample-repo and every golden
 * fixture, KServe's own scalers included (support/autoscalers.ts):
 * - every HPA and ScaledObject targets an apps/v1 Deployment that exists on its cluster and namespace —
 *   emitted, or KServe's `<isvc>-predictor` (`PredictorServiceName`, KServe v0.20 `pkg/constants/constants.go`);
 * - no Deployment has two scalers: KEDA's admission webhook refuses a ScaledObject on a workload another
 *   HPA or ScaledObject manages (`verifyHpas`, `verifyScaledObjects` in KEDA v2.20.2
 *   `apis/keda/v1alpha1/scaledobject_webhook.go`), and two HPAs on one Deployment fight over its replicas;
 * - min < max (an autoscaler with min = max only adds an object: fixed replicas are emitted instead);
 * - a scaled Deployment carries no `replicas` (Argo CD would reset the autoscaler's count on every sync),
 *   a fixed one does;
 * - every PromQL query parses (`@prometheus-io/lezer-promql`), reads only the runtime's declared metrics
 *   (platform.yaml `serving.runtimes`) and selects the target's pods and no other Deployment's; every
 *   prometheus-adapter metric is named after a declared series (docs/platform-prerequisites.md#autoscaling);
 * - the pods of every custom-metric scaler are scraped by a PodMonitor, whose targets prometheus-operator
 *   labels with `namespace` and `pod` (v0.93 `generatePodMonitorConfig`, `pkg/prometheus/promcfg.go`),
 *   so the series the query reads exist.
 */
import { describe, expect, it } from 'vitest';
import { placementRuntime, runtimeSeriesNames } from '../../compiler/emit/monitoring/serving-metrics.ts';
import type { ServingBackend } from '../../compiler/resolve/resolved-org.ts';
import { podPattern, predictorServiceName, samplePodName, type Scaler, scalers, targetDeployments } from './support/autoscalers.ts';
import { type EmittedCase, emittedCases, type PlainObject } from './support/emitted-objects.ts';
import { parsePromql } from './support/promql-metrics.ts';
import { podMonitorProblems, podTemplates } from './support/scrape-targets.ts';

const cases = await emittedCases();

interface ClusterScalers {
  readonly emitted: EmittedCase;
  readonly cluster: string;
  readonly objects: PlainObject[];
}

const clusters: ClusterScalers[] = cases.flatMap((emitted) => {
  const names = [...new Set(emitted.manifests.map((manifest) => manifest.cluster))].sort();
  return names.map((cluster) => ({ emitted, cluster, objects: emitted.manifests.filter((manifest) => manifest.cluster === cluster).map((manifest) => manifest.object as unknown as PlainObject) }));
});

const allScalers = clusters.flatMap((entry) => scalers(entry.objects).map((scaler) => ({ ...entry, scaler, label: `${entry.emitted.name}: ${entry.cluster}: ${scaler.label}` })));

/** The series the runtime of the scaled pods declares. */
function declaredSeries(emitted: EmittedCase, scaler: Scaler, objects: readonly PlainObject[]): string[] {
  const target = targetDeployments(objects).find((deployment) => deployment.namespace === scaler.namespace && deployment.name === scaler.target.name);
  const owner = target?.object ?? target?.inferenceService;
  const labels = owner?.metadata?.labels ?? {};
  const team = emitted.org.teams.find((candidate) => candidate.name === labels['mlops.cirruslabs.io/team']);
  const model = team?.models.find((candidate) => candidate.name === labels['mlops.cirruslabs.io/model']);
  if (!model) return [];
  const backend: ServingBackend = target?.inferenceService ? 'kserve' : 'deployment';
  const runtime = placementRuntime(emitted.org.platform, model, { backend });
  return runtime.metrics ? runtimeSeriesNames(runtime.metrics) : [];
}

describe.each(allScalers)('$label', ({ emitted, objects, scaler }) => {
  it('targets an apps/v1 Deployment on its cluster and namespace', () => {
    expect({ apiVersion: scaler.target.apiVersion, kind: scaler.target.kind }).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment' });
    const names = targetDeployments(objects).filter((deployment) => deployment.namespace === scaler.namespace).map((deployment) => deployment.name);
    expect(names).toContain(scaler.target.name);
  });

  it('scales between a minimum of at least 1 and a larger maximum', () => {
    expect(scaler.min).toBeGreaterThanOrEqual(1);
    expect(scaler.max).toBeGreaterThan(scaler.min!);
  });

  it('queries only the runtime’s declared metrics, over the target’s pods and no other Deployment’s', () => {
    const declared = declaredSeries(emitted, scaler, objects);
    for (const query of scaler.queries) {
      const parsed = parsePromql(query);
      expect(parsed.errors, query).toEqual([]);
      expect(parsed.selectors.length).toBeGreaterThan(0);
      for (const selector of parsed.selectors) expect(declared, query).toContain(selector.metric);
      const pattern = new RegExp(`^(?:${podPattern(query)})$`);
      expect(pattern.test(samplePodName(scaler.target.name)), query).toBe(true);
      const others = targetDeployments(objects).filter((deployment) => deployment.namespace === scaler.namespace && deployment.name !== scaler.target.name);
      for (const other of others) expect(pattern.test(samplePodName(other.name)), `${query} matches pods of ${other.name}`).toBe(false);
    }
    for (const metric of scaler.customMetrics) {
      const series = metric.endsWith('_per_second') ? metric.slice(0, -'_per_second'.length) : `${metric.slice(0, -'_in_flight'.length)}_sum`;
      expect(metric.endsWith('_per_second') || metric.endsWith('_in_flight'), metric).toBe(true);
      expect(declared, metric).toContain(series);
    }
  });
  it('has its pods scraped by a PodMonitor when it reads Prometheus', () => {
    if (scaler.queries.length === 0 && scaler.customMetrics.length === 0) return;
    const pods = podTemplates(objects).filter((pod) => pod.namespace === scaler.namespace && (pod.owner === `Deployment/${scaler.target.name}` || (pod.owner.startsWith('InferenceService/') && !pod.owner.includes('#') && predictorServiceName(pod.owner.slice('InferenceService/'.length)) === scaler.target.name)));
    expect(pods.length).toBe(1);
    const monitors = objects.filter((object) => object.kind === 'PodMonitor' && podMonitorProblems(object, pods).selected.length > 0);
    expect(monitors.map((monitor) => monitor.metadata?.name)).toHaveLength(1);
  });
});

describe.each(clusters.map((entry) => ({ ...entry, label: `${entry.emitted.name}: ${entry.cluster}` })))('$label', ({ objects }) => {
  it('scales no Deployment twice', () => {
    const byTarget = new Map<string, string[]>();
    for (const scaler of scalers(objects)) {
      const key = `${scaler.namespace}/${scaler.target.name}`;
      byTarget.set(key, [...(byTarget.get(key) ?? []), scaler.label]);
    }
    expect([...byTarget.entries()].filter(([, labels]) => labels.length > 1)).toEqual([]);
  });

  it('leaves the replica count of scaled Deployments to their scaler and fixes the others', () => {
    const scaled = new Set(scalers(objects).map((scaler) => `${scaler.namespace}/${scaler.target.name}`));
    for (const deployment of targetDeployments(objects)) {
      if (!deployment.object) continue;
      const replicas = (deployment.object.spec as { replicas?: number }).replicas;
      if (scaled.has(`${deployment.namespace}/${deployment.name}`)) expect(replicas, deployment.name).toBeUndefined();
      else expect(replicas, deployment.name).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('the emitted trees', () => {
  it('hold every kind of scaler: cpu/memory HPAs, prometheus-adapter HPAs, KEDA ScaledObjects and KServe’s HPA and KEDA classes', () => {
    const kinds = new Set(
      allScalers.map(({ scaler }) => {
        const kserve = scaler.source.kind === 'InferenceService' ? 'KServe ' : '';
        if (scaler.kind === 'ScaledObject') return `${kserve}ScaledObject`;
        return `${kserve}HPA${scaler.customMetrics.length > 0 ? ' (custom metric)' : ''}`;
      }),
    );
    expect([...kinds].sort()).toEqual(['HPA', 'HPA (custom metric)', 'KServe HPA', 'KServe ScaledObject', 'ScaledObject']);
  });
});
