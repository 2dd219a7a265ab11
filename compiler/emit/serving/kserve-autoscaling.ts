/**
 * The autoscaling fields of an InferenceService's predictor and the annotations choosing KServe's
 * autoscaler, per deployment mode (KServe v0.20.0):
 * - Knative: `scaleMetric`/`scaleTarget` for Knative's autoscaler, with its HPA class for `cpu`/`memory`
 *   (`validateAutoScalingCompExtension` in `pkg/apis/serving/v1beta1/inference_service_validation.go`).
 * - Standard, `replicas.min` = `replicas.max`: `serving.kserve.io/autoscalerClass: none`, so KServe creates
 *   no HPA and sets the Deployment's replicas to `minReplicas` (`reconcilers/deployment/deployment_reconciler.go`).
 * - Standard, `cpu`/`memory`: KServe's own HPA (`getHPAMetrics` in `reconcilers/hpa/hpa_reconciler.go`).
 * - Standard, `rps`/`concurrency`: `autoscalerClass: keda` and an `External` Prometheus metric, from which
 *   KServe creates a KEDA ScaledObject named and targeting `<isvc>-predictor` (`createKedaScaledObject` and
 *   `getKedaMetrics` in `reconcilers/keda/keda_reconciler.go`; `validateScalingKedaCompExtension` refuses
 *   `scaleMetric` with it). Validation refuses this with prometheus-adapter or a canary (ML333).
 */
import type { ResolvedPlacement, ServedVersion } from '../../resolve/resolved-org.ts';
import { placementRuntime } from '../monitoring/serving-metrics.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { customMetricSignal, isCustomScalingMetric, signalQuery } from '../../resolve/custom-metric-signal.ts';
import { servedModel } from './served-model.ts';

/** KServe's annotation choosing the Standard-mode autoscaler (`constants.AutoscalerClass`). */
export const KSERVE_AUTOSCALER_CLASS_ANNOTATION = 'serving.kserve.io/autoscalerClass';

/** Knative's autoscaler-class annotation. */
export const KNATIVE_AUTOSCALER_CLASS_ANNOTATION = 'autoscaling.knative.dev/class';

/** Knative's HPA autoscaler class (cpu/memory scaling in Knative mode). */
export const KNATIVE_HPA_CLASS = 'hpa.autoscaling.knative.dev';

/** Name of the Deployment KServe's Standard mode creates for a predictor (`constants.PredictorServiceName`). */
export function predictorDeploymentName(inferenceService: string): string {
  return `${inferenceService}-predictor`;
}

/** Predictor fields and InferenceService annotations of one placement's scaling. */
export interface KserveScaling {
  readonly annotations: Record<string, string>;
  readonly predictor: Record<string, unknown>;
}

/** The scaling of InferenceService `name` serving `served`; `minReplicas` is the mode's floor applied. */
export function kserveScaling(context: TeamClusterContext, placement: ResolvedPlacement, name: string, served: ServedVersion, minReplicas: number): KserveScaling {
  const { metric, target } = placement.autoscaling;
  const knativeFields = { scaleMetric: metric, scaleTarget: target };
  if (context.org.platform.serving.kserveDeploymentMode === 'Knative') {
    const annotations: Record<string, string> = metric === 'cpu' || metric === 'memory' ? { [KNATIVE_AUTOSCALER_CLASS_ANNOTATION]: KNATIVE_HPA_CLASS } : {};
    return { annotations, predictor: knativeFields };
  }
  if (Math.max(minReplicas, placement.replicas.max) === minReplicas) return { annotations: { [KSERVE_AUTOSCALER_CLASS_ANNOTATION]: 'none' }, predictor: {} };
  if (!isCustomScalingMetric(metric)) return { annotations: {}, predictor: knativeFields };
  const runtime = placementRuntime(context.org.platform, servedModel(context.team, served), placement);
  const signal = customMetricSignal(metric, runtime.metrics);
  if (!signal) throw new Error(`bug: runtime ${runtime.name} of ${placement.deployment} has no ${metric} signal (validation's ML348 should have refused it)`);
  const external = {
    metric: { backend: 'prometheus', serverAddress: context.org.platform.autoscaling.prometheusServerAddress, query: signalQuery(signal, context.namespace, predictorDeploymentName(name)) },
    // KServe passes the target's original text to KEDA as the trigger's `threshold` (`getOriginalStringMQ`).
    target: { type: 'Value', value: String(target) },
  };
  return { annotations: { [KSERVE_AUTOSCALER_CLASS_ANNOTATION]: 'keda' }, predictor: { autoScaling: { metrics: [{ type: 'External', external }] } } };
}
