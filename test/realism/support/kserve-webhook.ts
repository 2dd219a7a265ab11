/**
 * The rules KServe v0.20.0's InferenceService admission webhook applies that our output can break,
 * ported from `pkg/apis/serving/v1beta1/inference_service_validation.go` (read at tag v0.20.0):
 * - `validatePredictor`: the stable predictor's implementation (`predictor.model`, `predictor.xgboost`, …)
 *   may not carry a container `name` ("the 'name' field is not allowed in standard predictor");
 * - `validateAutoScalingCompExtension` per component: in `Standard` mode a known autoscaler class
 *   (`validateInferenceServiceAutoscaler`); with class `keda` no `scaleMetric` and `External` metrics with a
 *   query and a target value (`validateScalingKedaCompExtension`); with class `hpa`
 *   (`serving.kserve.io/autoscalerClass`) only `cpu`/`memory` (`validateScalingHPACompExtension`,
 *   `constants.AutoscalerAllowedHPAMetricsList`); in Knative mode the KPA metrics `concurrency`/`rps`
 *   (`validateScalingKPACompExtension`, default `concurrency`) unless `autoscaling.knative.dev/class` is
 *   `hpa.autoscaling.knative.dev`, then the HPA rule;
 * - `validateCanarySpecs`: canaries only in `Standard` mode; the stable predictor has a model; each
 *   canary predictor has a `name`, unique and different from the stable predictor's; `trafficPercent`
 *   0–100 and summing to at most 100; exactly one implementation; no `workerSpec`, `maxReplicas`,
 *   `scaleTarget`, `scaleMetric` or `autoScaling`; `minReplicas` at most the stable one's (default 1).
 * Plus what the webhook leaves to the HPA reconciler: Standard mode's `getHPAMetrics`
 * (`reconcilers/hpa/hpa_reconciler.go`) maps only `cpu` and `memory`, so another `scaleMetric` is
 * accepted and silently ignored — reported here too, as a refusal of ours.
 * Returns the first error message, as the webhook does, or undefined when the object is admitted.
 */

type Component = Record<string, unknown>;

/** Implementations a predictor may hold (`PredictorSpec`'s one-of fields). */
const IMPLEMENTATIONS = ['sklearn', 'xgboost', 'tensorflow', 'pytorch', 'triton', 'onnx', 'huggingface', 'pmml', 'lightgbm', 'paddle', 'model'] as const;

const HPA_METRICS = ['cpu', 'memory'];
/** `constants.AutoscalerAllowedClassList` (`validateInferenceServiceAutoscaler`). */
const AUTOSCALER_CLASSES = ['hpa', 'external', 'keda', 'none'];
const KPA_METRICS = ['concurrency', 'rps'];

function implementations(predictor: Component): string[] {
  const found: string[] = IMPLEMENTATIONS.filter((key) => predictor[key] !== undefined);
  if (Array.isArray(predictor.containers) && predictor.containers.length > 0) found.push('containers');
  return found;
}

type KedaMetric = { type?: string; external?: { metric?: { query?: string }; target?: { value?: unknown } } };

/** `validateScalingKedaCompExtension`'s checks of the `External` metrics we emit. */
function kedaMetricsError(component: Component): string | undefined {
  const metrics = ((component.autoScaling as { metrics?: KedaMetric[] } | undefined)?.metrics ?? []);
  for (const metric of metrics) {
    if (metric.type !== 'External') return metric.type === 'Resource' || metric.type === 'PodMetric' ? undefined : `unknown KEDA metric type with value [${metric.type}].Valid types are Resource,External,PodMetric`;
    if (!metric.external) return 'metricSpec.External is not set for external metric source type';
    if (!metric.external.metric?.query) return 'the query should not be empty';
    if (metric.external.target?.value === undefined) return 'the target threshold value should not be empty';
  }
  return undefined;
}

function autoscalingError(annotations: Record<string, string>, component: Component): string | undefined {
  const mode = annotations['serving.kserve.io/deploymentMode'];
  const metric = component.scaleMetric as string | undefined;
  if (mode === 'Standard' || mode === 'RawDeployment') {
    const autoscalerClass = annotations['serving.kserve.io/autoscalerClass'] ?? 'hpa';
    if (!AUTOSCALER_CLASSES.includes(autoscalerClass)) return `[${autoscalerClass}] is not a supported autoscaler class type`;
    if (autoscalerClass === 'keda' && metric !== undefined) return 'ScaleMetric is not supported for KEDA';
    if (autoscalerClass === 'keda') return kedaMetricsError(component);
    if (autoscalerClass === 'hpa' && !HPA_METRICS.includes(metric ?? 'cpu')) return `[${metric}] is not a supported metric (Standard mode's HPA maps only cpu and memory)`;
    return undefined;
  }
  if (annotations['autoscaling.knative.dev/class'] === 'hpa.autoscaling.knative.dev') {
    return HPA_METRICS.includes(metric ?? 'cpu') ? undefined : `[${metric}] is not a supported metric`;
  }
  return KPA_METRICS.includes(metric ?? 'concurrency') ? undefined : `[${metric}] is not a supported metric`;
}

/** The webhook's verdict on an InferenceService: the first error, or undefined when admitted. */
export function kserveAdmissionError(inferenceService: { metadata?: { annotations?: Record<string, string> }; spec?: Record<string, unknown> }): string | undefined {
  const annotations = inferenceService.metadata?.annotations ?? {};
  const spec = inferenceService.spec ?? {};
  const predictor = (spec.predictor ?? {}) as Component;
  for (const key of IMPLEMENTATIONS) {
    const implementation = predictor[key] as Component | undefined;
    if (implementation && typeof implementation.name === 'string' && implementation.name !== '') return "the 'name' field is not allowed in standard predictor";
  }
  if (implementations(predictor).length !== 1) return 'exactly one predictor implementation is required';
  const autoscaling = autoscalingError(annotations, predictor);
  if (autoscaling) return autoscaling;
  const canaries = (spec.canary ?? []) as { predictor?: Component; trafficPercent?: number }[];
  if (canaries.length === 0) return undefined;
  if (annotations['serving.kserve.io/deploymentMode'] !== 'Standard') return 'canary is only supported in Standard deployment mode';
  if (predictor.model === undefined && (predictor[implementations(predictor)[0] ?? ''] as Component | undefined)?.storageUri === undefined) {
    return 'canary requires a stable predictor with a model (multi-model serving is not supported with canary)';
  }
  const names = new Set<string>();
  let total = 0;
  for (const [index, canary] of canaries.entries()) {
    const canaryPredictor = canary.predictor ?? {};
    const name = canaryPredictor.name;
    if (typeof name !== 'string' || name === '') return `canary[${index}] predictor.name is required`;
    if (names.has(name)) return `canary predictor.name "${name}" is duplicated`;
    names.add(name);
    if (name === predictor.name) return `canary predictor.name "${name}" conflicts with stable predictor name`;
    const traffic = canary.trafficPercent ?? 0;
    if (traffic < 0 || traffic > 100) return `canary "${name}" trafficPercent must be between 0 and 100, got ${traffic}`;
    total += traffic;
    if (implementations(canaryPredictor).length !== 1) return `canary "${name}" predictor: exactly one implementation is required`;
    if (canaryPredictor.workerSpec !== undefined) return `canary "${name}" must not set workerSpec (multi-node is not yet supported for canary)`;
    for (const field of ['maxReplicas', 'scaleTarget', 'scaleMetric', 'autoScaling']) {
      const value = canaryPredictor[field];
      if (value !== undefined && !(field === 'maxReplicas' && value === 0)) return `canary "${name}" must not set ${field} (canary uses fixed replicas)`;
    }
    const minReplicas = canaryPredictor.minReplicas as number | undefined;
    const stableMin = (predictor.minReplicas as number | undefined) ?? 1;
    if (minReplicas !== undefined && minReplicas > stableMin) return `canary "${name}" minReplicas (${minReplicas}) must not exceed stable predictor minReplicas (${stableMin})`;
  }
  if (total > 100) return `sum of canary trafficPercent values (${total}) must be <= 100`;
  return undefined;
}
