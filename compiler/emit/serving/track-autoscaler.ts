/**
 * How one track of the `deployment` backend scales. Fixed replicas when `replicas.min` equals
 * `replicas.max` (an autoscaler that can choose only one count does nothing but add an object — the
 * Deployment carries `replicas` instead); `cpu`/`memory` through a plain HorizontalPodAutoscaler;
 * `rps`/`concurrency` through the platform's custom-metrics choice (platform.yaml
 * `autoscaling.customMetrics`): a KEDA ScaledObject, which creates its own HPA, or an HPA on the
 * `Pods` metric prometheus-adapter serves. Exactly one scaler per Deployment: two HPAs on one target
 * fight over its replica count.
 */
import { createRequire } from 'node:module';
import type * as Kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import type { ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import { constructId } from '../construct-id.ts';
import { placementRuntime } from '../monitoring/serving-metrics.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { type CustomMetricSignal, customMetricSignal, isCustomScalingMetric, signalQuery } from '../../resolve/custom-metric-signal.ts';
import { emitScaledObject } from './scaled-object.ts';
import { servedModel } from './served-model.ts';

const kplus = createRequire(import.meta.url)('cdk8s-plus-28') as typeof Kplus;

/** Lowest replica count a HorizontalPodAutoscaler accepts. */
export const MIN_HPA_REPLICAS = 1;

/** A track's scaling: fixed replicas, or an autoscaler between `min` and `max`. */
export type TrackScaling =
  | { readonly kind: 'fixed'; readonly replicas: number }
  | { readonly kind: 'hpa'; readonly min: number; readonly max: number; readonly metric: Kplus.Metric }
  | { readonly kind: 'keda'; readonly min: number; readonly max: number; readonly signal: CustomMetricSignal; readonly threshold: number };

/** The custom-metric signal of a track's runtime (validation, ML348, guarantees the runtime declares one). */
function trackSignal(context: TeamClusterContext, placement: ResolvedPlacement, served: ServedVersion, metric: 'rps' | 'concurrency'): CustomMetricSignal {
  const runtime = placementRuntime(context.org.platform, servedModel(context.team, served), placement);
  const signal = customMetricSignal(metric, runtime.metrics);
  if (!signal) throw new Error(`bug: runtime ${runtime.name} of ${placement.deployment} has no ${metric} signal (validation's ML348 should have refused it)`);
  return signal;
}

/** Decides how a track scales; `minReplicas` is the placement's minimum after the backend's floor. */
export function trackScaling(context: TeamClusterContext, placement: ResolvedPlacement, served: ServedVersion, minReplicas: number): TrackScaling {
  const min = Math.max(MIN_HPA_REPLICAS, minReplicas);
  const max = Math.max(min, placement.replicas.max);
  if (min === max) return { kind: 'fixed', replicas: min };
  const { metric, target } = placement.autoscaling;
  if (metric === 'cpu') return { kind: 'hpa', min, max, metric: kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(target)) };
  if (metric === 'memory') return { kind: 'hpa', min, max, metric: kplus.Metric.resourceMemory(kplus.MetricTarget.averageUtilization(target)) };
  if (!isCustomScalingMetric(metric)) throw new Error(`bug: unknown autoscaling metric ${metric}`);
  const signal = trackSignal(context, placement, served, metric);
  if (context.org.platform.autoscaling.customMetrics === 'keda') return { kind: 'keda', min, max, signal, threshold: target };
  return { kind: 'hpa', min, max, metric: kplus.Metric.pods({ name: signal.adapterMetric, target: kplus.MetricTarget.averageValue(target) }) };
}

/** What the scaler is attached to. */
export interface ScaledTrack {
  readonly workload: Kplus.Deployment;
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Record<string, string>; readonly annotations: Record<string, string> };
}

/** Adds the track's scaler, if it has one. */
export function emitTrackAutoscaler(scope: Construct, context: TeamClusterContext, scaling: TrackScaling, track: ScaledTrack): void {
  if (scaling.kind === 'fixed') return;
  const { metadata, workload } = track;
  if (scaling.kind === 'hpa') {
    new kplus.HorizontalPodAutoscaler(scope, constructId(scope, `hpa-${metadata.name}`), { metadata, target: workload, minReplicas: scaling.min, maxReplicas: scaling.max, metrics: [scaling.metric] });
    return;
  }
  // KEDA's HPA owns the replica count: the Deployment must not carry one, or every sync resets it.
  workload.markHasAutoscaler();
  emitScaledObject(scope, {
    metadata,
    deployment: metadata.name,
    minReplicas: scaling.min,
    maxReplicas: scaling.max,
    serverAddress: context.org.platform.autoscaling.prometheusServerAddress,
    query: signalQuery(scaling.signal, metadata.namespace, metadata.name),
    threshold: scaling.threshold,
  });
}
