/**
 * Replicated production serving pods are spread over zones and nodes, over the emitted tree of
 * sample-repo and every golden fixture: each serving Deployment and each Standard-mode InferenceService
 * predictor (KServe v0.20's `PredictorSpec` inlines KServe's `PodSpec`, `pkg/apis/serving/v1beta1/predictor.go`,
 * whose `topologySpreadConstraints` (`podspec.go`) go into the predictor pods) that keeps at least two replicas in a production
 * environment carries a zone and a hostname constraint, and each constraint's selector matches the
 * labels the pod template itself sets (a selector that matches no pod spreads nothing) and no other
 * workload's pods. Nothing else carries constraints.
 */
import { describe, expect, it } from 'vitest';
import { SPREAD_TOPOLOGY_KEYS } from '../../compiler/emit/serving/topology-spread.ts';
import { emittedCases, type EmittedCase, type PlainObject } from './support/emitted-objects.ts';
import { selects } from './support/scrape-targets.ts';

type Constraint = { labelSelector: { matchLabels: Record<string, string> }; topologyKey: string; whenUnsatisfiable: string; maxSkew: number };
type PodSpec = { topologySpreadConstraints?: Constraint[] };

/** A workload creating serving pods: its pod labels, pod spec fields and minimum replicas. */
interface Workload {
  readonly label: string;
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly podSpec: PodSpec;
  readonly minReplicas: number;
  readonly production: boolean;
  readonly knative: boolean;
}

function workloadsOf(emitted: EmittedCase): Workload[] {
  const tierOf = (environment: string | undefined) => emitted.org.platform.environments.find((candidate) => candidate.name === environment)?.tier;
  const knative = emitted.org.platform.serving.kserveDeploymentMode === 'Knative';
  const workloads: Workload[] = [];
  for (const manifest of emitted.manifests) {
    const object = manifest.object as unknown as PlainObject;
    const namespace = `${manifest.cluster}/${object.metadata?.namespace ?? ''}`;
    const production = tierOf(object.metadata?.labels?.['mlops.cirruslabs.io/environment']) === 'production';
    if (object.kind === 'Deployment' && object.metadata?.labels?.['app.kubernetes.io/component'] === 'serving') {
      const hpa = emitted.manifests.find((candidate) => candidate.cluster === manifest.cluster && candidate.object.kind === 'HorizontalPodAutoscaler' && (candidate.object.metadata as { name?: string }).name === object.metadata?.name);
      const template = (object.spec as { template: { metadata: { labels: Record<string, string> }; spec: PodSpec } }).template;
      const scaledObject = emitted.manifests.find((candidate) => candidate.cluster === manifest.cluster && candidate.object.kind === 'ScaledObject' && (candidate.object.spec as { scaleTargetRef?: { name?: string } }).scaleTargetRef?.name === object.metadata?.name);
      const minReplicas = (hpa?.object.spec as { minReplicas?: number } | undefined)?.minReplicas ?? (scaledObject?.object.spec as { minReplicaCount?: number } | undefined)?.minReplicaCount ?? (object.spec as { replicas?: number }).replicas ?? 1;
      workloads.push({ label: `${emitted.name}: ${manifest.path}`, namespace, labels: template.metadata.labels, podSpec: template.spec, minReplicas, production, knative: false });
    }
    if (object.kind === 'InferenceService') {
      const spec = object.spec as { predictor: PodSpec & { labels: Record<string, string>; minReplicas?: number }; canary?: { predictor: PodSpec & { name: string; labels: Record<string, string>; minReplicas?: number } }[] };
      const predictors = [{ suffix: '', predictor: spec.predictor }, ...(spec.canary ?? []).map((canary) => ({ suffix: `#${canary.predictor.name}`, predictor: canary.predictor }))];
      for (const { suffix, predictor } of predictors) {
        workloads.push({ label: `${emitted.name}: ${manifest.path}${suffix}`, namespace, labels: predictor.labels, podSpec: predictor, minReplicas: predictor.minReplicas ?? 1, production, knative });
      }
    }
  }
  return workloads;
}

const cases = await emittedCases();
const workloads = cases.flatMap(workloadsOf);
const spread = workloads.filter((workload) => workload.production && workload.minReplicas >= 2 && !workload.knative);

describe('topology spread', () => {
  it('applies to serving Deployments and InferenceService predictors of the fixtures', () => {
    expect(spread.some((workload) => workload.label.includes('/deployment-'))).toBe(true);
    expect(spread.some((workload) => workload.label.includes('/inferenceservice-'))).toBe(true);
    expect(spread.some((workload) => workload.label.includes('#canary'))).toBe(true);
  });

  it.each(spread)('$label spreads over zones and nodes, selecting its own pods', (workload) => {
    const constraints = workload.podSpec.topologySpreadConstraints ?? [];
    expect(constraints.map((constraint) => constraint.topologyKey)).toEqual([...SPREAD_TOPOLOGY_KEYS]);
    for (const constraint of constraints) {
      expect(constraint.maxSkew).toBe(1);
      expect(constraint.whenUnsatisfiable).toBe('ScheduleAnyway');
      expect(Object.keys(constraint.labelSelector.matchLabels).length).toBeGreaterThan(0);
      expect(selects(constraint.labelSelector.matchLabels, workload.labels)).toBe(true);
      const others = workloads.filter((other) => other !== workload && other.namespace === workload.namespace && selects(constraint.labelSelector.matchLabels, other.labels));
      expect(others.map((other) => other.label)).toEqual([]);
    }
  });

  it.each(workloads.filter((workload) => !spread.includes(workload)))('$label (not replicated production, or Knative) carries no constraints', (workload) => {
    expect(workload.podSpec.topologySpreadConstraints).toBeUndefined();
  });
});
