/**
 * Every InferenceService emitted for sample-repo and the golden fixtures is admitted by KServe v0.20's
 * webhook (canary validation, stable predictor, autoscaling per mode — `support/kserve-webhook.ts`,
 * ported from `pkg/apis/serving/v1beta1/inference_service_validation.go`), and the port refuses what
 * the upstream code refuses.
 */
import { describe, expect, it } from 'vitest';
import { emittedCases, objectsOfKind } from './support/emitted-objects.ts';
import { kserveAdmissionError } from './support/kserve-webhook.ts';

const inferenceServices = objectsOfKind(await emittedCases(), 'InferenceService');

describe('emitted InferenceServices', () => {
  it('include Standard-mode canaries and both modes', () => {
    const specs = inferenceServices.map(({ object }) => object);
    expect(specs.some((object) => Array.isArray(object.spec?.canary))).toBe(true);
    expect(new Set(specs.map((object) => object.metadata?.annotations?.['serving.kserve.io/deploymentMode']))).toEqual(new Set(['Knative', 'Standard']));
  });

  it.each(inferenceServices)('$label is admitted by the KServe v0.20 webhook', ({ object }) => {
    expect(kserveAdmissionError(object)).toBeUndefined();
  });
});

/** A Standard-mode InferenceService with a canary, as the webhook admits it. */
function admitted(): { metadata: { annotations: Record<string, string> }; spec: Record<string, unknown> } {
  return {
    metadata: { annotations: { 'serving.kserve.io/deploymentMode': 'Standard' } },
    spec: {
      predictor: { minReplicas: 3, maxReplicas: 6, scaleMetric: 'cpu', scaleTarget: 60, model: { modelFormat: { name: 'xgboost' }, storageUri: 's3://m/1' } },
      canary: [{ trafficPercent: 10, predictor: { name: 'canary', minReplicas: 3, model: { modelFormat: { name: 'xgboost' }, storageUri: 's3://m/2' } } }],
    },
  };
}

describe('the ported webhook rules', () => {
  const withCanary = (change: (canary: Record<string, unknown>) => void) => {
    const object = admitted();
    change((object.spec.canary as { predictor: Record<string, unknown> }[])[0]!.predictor);
    return object;
  };

  it('admits a named canary with fixed replicas', () => {
    expect(kserveAdmissionError(admitted())).toBeUndefined();
  });

  it.each([
    ['a canary without a name', (canary: Record<string, unknown>) => delete canary.name, 'canary[0] predictor.name is required'],
    ['maxReplicas on a canary', (canary: Record<string, unknown>) => (canary.maxReplicas = 20), 'must not set maxReplicas'],
    ['scaleMetric on a canary', (canary: Record<string, unknown>) => (canary.scaleMetric = 'cpu'), 'must not set scaleMetric'],
    ['scaleTarget on a canary', (canary: Record<string, unknown>) => (canary.scaleTarget = 50), 'must not set scaleTarget'],
    ['more canary replicas than stable ones', (canary: Record<string, unknown>) => (canary.minReplicas = 4), 'must not exceed stable predictor minReplicas (3)'],
  ])('refuses %s', (_name, change, message) => {
    expect(kserveAdmissionError(withCanary(change))).toContain(message);
  });

  it('refuses a container name on the stable predictor’s model', () => {
    const object = admitted();
    (object.spec.predictor as { model: Record<string, unknown> }).model.name = 'kserve-container';
    expect(kserveAdmissionError(object)).toBe("the 'name' field is not allowed in standard predictor");
  });

  it('refuses canaries outside Standard mode and traffic above 100 %', () => {
    const knative = admitted();
    knative.metadata.annotations['serving.kserve.io/deploymentMode'] = 'Knative';
    (knative.spec.predictor as Record<string, unknown>).scaleMetric = 'concurrency';
    expect(kserveAdmissionError(knative)).toBe('canary is only supported in Standard deployment mode');
    const over = admitted();
    (over.spec.canary as { trafficPercent: number }[])[0]!.trafficPercent = 101;
    expect(kserveAdmissionError(over)).toContain('trafficPercent must be between 0 and 100');
  });

  it('allows only cpu/memory in Standard mode and only concurrency/rps on Knative’s default autoscaler', () => {
    const standard = admitted();
    (standard.spec.predictor as Record<string, unknown>).scaleMetric = 'concurrency';
    expect(kserveAdmissionError(standard)).toContain('[concurrency] is not a supported metric');
    const knative = { metadata: { annotations: { 'serving.kserve.io/deploymentMode': 'Knative' } }, spec: { predictor: { scaleMetric: 'cpu', model: { storageUri: 's3://m/1' } } } };
    expect(kserveAdmissionError(knative)).toBe('[cpu] is not a supported metric');
    knative.metadata.annotations = { ...knative.metadata.annotations, 'autoscaling.knative.dev/class': 'hpa.autoscaling.knative.dev' } as typeof knative.metadata.annotations;
    expect(kserveAdmissionError(knative)).toBeUndefined();
  });

  it('checks the KEDA class: a known class, no scaleMetric, External metrics with a query and a target value', () => {
    const keda = (predictorChange: (predictor: Record<string, unknown>) => void, autoscalerClass = 'keda') => {
      const object = { metadata: { annotations: { 'serving.kserve.io/deploymentMode': 'Standard', 'serving.kserve.io/autoscalerClass': autoscalerClass } }, spec: { predictor: { minReplicas: 1, maxReplicas: 4, model: { modelFormat: { name: 'xgboost' }, storageUri: 's3://m/1' } } as Record<string, unknown> } };
      predictorChange(object.spec.predictor);
      return kserveAdmissionError(object);
    };
    const external = (query: string, value?: string) => ({ metrics: [{ type: 'External', external: { metric: { backend: 'prometheus', serverAddress: 'http://p:9090', query }, target: { type: 'Value', ...(value === undefined ? {} : { value }) } } }] });
    expect(keda((predictor) => (predictor.autoScaling = external('sum(x)', '5')))).toBeUndefined();
    expect(keda((predictor) => (predictor.scaleMetric = 'rps'))).toBe('ScaleMetric is not supported for KEDA');
    expect(keda((predictor) => (predictor.autoScaling = external('', '5')))).toBe('the query should not be empty');
    expect(keda((predictor) => (predictor.autoScaling = external('sum(x)')))).toBe('the target threshold value should not be empty');
    expect(keda(() => undefined, 'kpa')).toBe('[kpa] is not a supported autoscaler class type');
    expect(keda(() => undefined, 'none')).toBeUndefined();
  });
});
