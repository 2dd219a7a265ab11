/**
 * The scalers of one cluster's emitted objects and the Deployments they scale, as the controllers see
 * them:
 * - an emitted HorizontalPodAutoscaler or KEDA ScaledObject scales the object its `scaleTargetRef` names
 *   (KEDA v2.20: one HPA `keda-hpa-<name>` per ScaledObject, `controllers/keda/hpa.go`);
 * - a KServe Standard-mode InferenceService runs its predictor as Deployment `<isvc>-predictor` and a
 *   canary `<isvc>-<name>-predictor` (`PredictorServiceName` in KServe v0.20 `pkg/constants/constants.go`),
 *   and scales the predictor itself: an HPA (`autoscalerClass` `hpa`, the default) or a KEDA ScaledObject
 *   (`keda`) named after and targeting `<isvc>-predictor` (`createKedaScaledObject` in
 *   `reconcilers/keda/keda_reconciler.go`), none for `none` (`reconcilers/hpa/hpa_reconciler.go`
 *   `shouldCreateHPA`). The canary keeps fixed replicas (`buildCanaryPredictor`, `components/predictor.go`).
 */
import type { PlainObject } from './emitted-objects.ts';

/** A Deployment on the cluster: emitted, or created by KServe for an InferenceService. */
export interface TargetDeployment {
  readonly namespace: string;
  readonly name: string;
  /** The emitted Deployment, when it is one. */
  readonly object?: PlainObject;
  /** The InferenceService it was derived from. */
  readonly inferenceService?: PlainObject;
}

/** A scaler: emitted, or created by KServe. */
export interface Scaler {
  readonly label: string;
  readonly namespace: string;
  readonly kind: 'HorizontalPodAutoscaler' | 'ScaledObject';
  readonly target: { readonly apiVersion?: string; readonly kind?: string; readonly name: string };
  readonly min: number | undefined;
  readonly max: number | undefined;
  /** PromQL queries it evaluates (KEDA `prometheus` triggers, KServe `External` metrics). */
  readonly queries: readonly string[];
  /** Custom metric names it asks the metrics API for (HPA `Pods`/`External` metrics). */
  readonly customMetrics: readonly string[];
  readonly source: PlainObject;
}

/** KServe's Standard-mode Deployment name of a predictor (`constants.PredictorServiceName`). */
export function predictorServiceName(inferenceService: string, predictorName?: string): string {
  return predictorName ? `${inferenceService}-${predictorName}-predictor` : `${inferenceService}-predictor`;
}

type TargetRef = { readonly apiVersion?: string; readonly kind?: string; readonly name: string };
type MetricName = { readonly metric?: { readonly name?: string } };
interface HpaSpec {
  readonly scaleTargetRef: TargetRef;
  readonly minReplicas?: number;
  readonly maxReplicas?: number;
  readonly metrics?: readonly { readonly pods?: MetricName; readonly external?: MetricName; readonly object?: MetricName }[];
}
interface ScaledObjectSpec {
  readonly scaleTargetRef: TargetRef;
  readonly minReplicaCount?: number;
  readonly maxReplicaCount?: number;
  readonly triggers?: readonly { readonly type: string; readonly metadata: Record<string, string> }[];
}
interface InferenceServiceSpec {
  readonly predictor: {
    readonly minReplicas?: number;
    readonly maxReplicas?: number;
    readonly autoScaling?: { readonly metrics?: readonly { readonly type: string; readonly external?: { readonly metric: { readonly query: string } } }[] };
  };
  readonly canary?: readonly { readonly predictor: { readonly name: string } }[];
}

const isStandard = (object: PlainObject) => object.metadata?.annotations?.['serving.kserve.io/deploymentMode'] === 'Standard';
const specOf = <T>(object: PlainObject) => (object.spec ?? {}) as T;

/** Every Deployment of the cluster's objects, KServe's included. */
export function targetDeployments(objects: readonly PlainObject[]): TargetDeployment[] {
  const deployments: TargetDeployment[] = [];
  for (const object of objects) {
    const namespace = object.metadata?.namespace ?? '';
    if (object.kind === 'Deployment') deployments.push({ namespace, name: object.metadata?.name ?? '', object });
    if (object.kind !== 'InferenceService' || !isStandard(object)) continue;
    const name = object.metadata?.name ?? '';
    deployments.push({ namespace, name: predictorServiceName(name), inferenceService: object });
    for (const canary of specOf<InferenceServiceSpec>(object).canary ?? []) deployments.push({ namespace, name: predictorServiceName(name, canary.predictor.name), inferenceService: object });
  }
  return deployments;
}

/** Every scaler of the cluster's objects, KServe's included. */
export function scalers(objects: readonly PlainObject[]): Scaler[] {
  const found: Scaler[] = [];
  for (const object of objects) {
    const namespace = object.metadata?.namespace ?? '';
    const label = `${object.kind}/${namespace}/${object.metadata?.name}`;
    if (object.kind === 'HorizontalPodAutoscaler') {
      const hpa = specOf<HpaSpec>(object);
      const customMetrics = (hpa.metrics ?? []).flatMap((metric) => [metric.pods?.metric?.name, metric.external?.metric?.name, metric.object?.metric?.name]).filter((name): name is string => typeof name === 'string');
      found.push({ label, namespace, kind: 'HorizontalPodAutoscaler', target: hpa.scaleTargetRef, min: hpa.minReplicas, max: hpa.maxReplicas, queries: [], customMetrics, source: object });
    }
    if (object.kind === 'ScaledObject') {
      const scaled = specOf<ScaledObjectSpec>(object);
      // KEDA defaults an empty scaleTargetRef kind to apps/v1 Deployment.
      const target = { apiVersion: 'apps/v1', kind: 'Deployment', ...scaled.scaleTargetRef };
      const queries = (scaled.triggers ?? []).filter((trigger) => trigger.type === 'prometheus').map((trigger) => trigger.metadata.query ?? '');
      found.push({ label, namespace, kind: 'ScaledObject', target, min: scaled.minReplicaCount, max: scaled.maxReplicaCount, queries, customMetrics: [], source: object });
    }
    if (object.kind === 'InferenceService' && isStandard(object)) {
      const autoscalerClass = object.metadata?.annotations?.['serving.kserve.io/autoscalerClass'] ?? 'hpa';
      if (autoscalerClass === 'none') continue;
      const { predictor } = specOf<InferenceServiceSpec>(object);
      const name = predictorServiceName(object.metadata?.name ?? '');
      const external = (predictor.autoScaling?.metrics ?? []).filter((metric) => metric.type === 'External');
      found.push({
        label: `${autoscalerClass === 'keda' ? 'ScaledObject' : 'HorizontalPodAutoscaler'}/${namespace}/${name} (KServe, from ${label})`,
        namespace,
        kind: autoscalerClass === 'keda' ? 'ScaledObject' : 'HorizontalPodAutoscaler',
        target: { apiVersion: 'apps/v1', kind: 'Deployment', name },
        min: predictor.minReplicas,
        max: predictor.maxReplicas,
        queries: external.map((metric) => metric.external?.metric.query ?? ''),
        customMetrics: [],
        source: object,
      });
    }
  }
  return found;
}

/** The `pod=~"…"` pattern of a query, when it has one. */
export function podPattern(query: string): string | undefined {
  return /pod=~"([^"]+)"/.exec(query)?.[1];
}

/** A pod name the Deployment controller could give one of `deployment`'s pods (`<name>-<pod-template-hash>-<suffix>`). */
export function samplePodName(deployment: string): string {
  return `${deployment}-7c9f8d6b5-x2k4q`;
}
