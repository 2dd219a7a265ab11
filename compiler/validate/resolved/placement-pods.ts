/**
 * The sets of pods a placement runs and how far each may scale, as the serving emitters build them:
 * the `deployment` backend runs one Deployment per track (stable, canary, A/B variant), each scaled
 * between the placement's bounds; KServe runs one predictor per InferenceService (stable or A/B
 * variant), plus in Standard mode a canary predictor at fixed `minReplicas` (inference-service.ts) and
 * in Knative mode a canary revision that Knative scales like the stable one.
 */
import type { ResolvedPlacement, ResolvedPlatform, ServedVersion } from '../../resolve/resolved-org.ts';

/** One set of pods of a placement. */
export interface PlacementPods {
  readonly served: ServedVersion;
  /** Replicas at maximum scale. */
  readonly maxReplicas: number;
  /** Whether an autoscaler (HPA, ScaledObject or KServe's) scales it between distinct bounds. */
  readonly autoscaled: boolean;
}

/** The placement's replica bounds after the one-replica floor (scale to zero aside, which never raises the maximum). */
export function replicaBounds(placement: Pick<ResolvedPlacement, 'replicas'>): { readonly min: number; readonly max: number } {
  const min = Math.max(1, placement.replicas.min);
  return { min, max: Math.max(min, placement.replicas.max) };
}

/** The pod sets of a placement. */
export function placementPods(placement: ResolvedPlacement, platform: Pick<ResolvedPlatform, 'serving'>): PlacementPods[] {
  const { min, max } = replicaBounds(placement);
  const autoscaled = min < max;
  const scaled = (served: ServedVersion): PlacementPods => ({ served, maxReplicas: max, autoscaled });
  if (placement.abTest) return placement.abTest.variants.map(scaled);
  if (!placement.canary) return [scaled(placement.stable)];
  const standardKserve = placement.backend === 'kserve' && platform.serving.kserveDeploymentMode === 'Standard';
  return [scaled(placement.stable), standardKserve ? { served: placement.canary, maxReplicas: min, autoscaled: false } : scaled(placement.canary)];
}
