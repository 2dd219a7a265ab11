/** How deployments scale: fixed replicas, cpu/memory HPAs, KEDA ScaledObjects, prometheus-adapter HPAs and KServe's autoscaler classes. */
import { describe, expect, it } from 'vitest';
import { customMetricSignal, signalQuery } from '../../../compiler/resolve/custom-metric-signal.ts';
import { compileTexts, objectNamed, platformYaml, teamYaml } from '../emit-text.ts';

const RUNTIME = `  runtimes:
    xgboost:
      metrics: { port: 9100, latency: { histogram: scorer_latency_milliseconds, unit: milliseconds }, throughput: { counter: scorer_requests_total } }`;

function platform(options: { mode?: 'Knative' | 'Standard'; backend?: 'kserve' | 'deployment'; extra?: string } = {}): string {
  return platformYaml({ mode: options.mode ?? 'Standard', backend: options.backend ?? 'deployment' }).replace('  images: { xgboost: ghcr.io/acme/xgb-server:2.1.0 }', `  images: { xgboost: ghcr.io/acme/xgb-server:2.1.0 }\n${RUNTIME}`) + (options.extra ? `\n${options.extra}` : '');
}

function team(prod: string): string {
  return teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      prod: { version: "1.0.0", ${prod} }`);
}

const kindsOf = (result: ReturnType<typeof compileTexts>) => result.manifests.filter((manifest) => manifest.cluster === 'prod-eu').map((manifest) => manifest.object.kind);

describe('deployment backend', () => {
  it('runs fixed replicas without an autoscaler when min equals max', () => {
    const result = compileTexts(platform(), team('replicas: { min: 3, max: 3 }, autoscaling: { metric: cpu, target: 60 }'));
    expect(kindsOf(result)).not.toContain('HorizontalPodAutoscaler');
    expect((objectNamed(result, 'prod-eu', 'Deployment', 'scorer-api').spec as { replicas: number }).replicas).toBe(3);
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['ML350']);
  });

  it('scales on cpu with a plain HPA and leaves the Deployment’s replicas to it', () => {
    const result = compileTexts(platform(), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: cpu, target: 60 }'));
    const hpa = objectNamed(result, 'prod-eu', 'HorizontalPodAutoscaler', 'scorer-api').spec as Record<string, unknown>;
    expect(hpa).toMatchObject({ minReplicas: 2, maxReplicas: 5, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } }] });
    expect((objectNamed(result, 'prod-eu', 'Deployment', 'scorer-api').spec as { replicas?: number }).replicas).toBeUndefined();
  });

  it('scales on rps with a KEDA ScaledObject instead of an HPA (the default choice)', () => {
    const result = compileTexts(platform(), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }'));
    expect(kindsOf(result)).not.toContain('HorizontalPodAutoscaler');
    expect(objectNamed(result, 'prod-eu', 'ScaledObject', 'scorer-api')).toMatchObject({
      apiVersion: 'keda.sh/v1alpha1',
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'scorer-api' },
        minReplicaCount: 2,
        maxReplicaCount: 5,
        triggers: [{ type: 'prometheus', metricType: 'AverageValue', metadata: { serverAddress: 'http://prometheus-operated.monitoring.svc:9090', query: 'sum(rate(scorer_requests_total{namespace="fraud-prod",pod=~"scorer-api-[a-z0-9]+-[a-z0-9]+"}[2m]))', threshold: '40' } }],
      },
    });
    expect((objectNamed(result, 'prod-eu', 'Deployment', 'scorer-api').spec as { replicas?: number }).replicas).toBeUndefined();
  });

  it('has the pods scraped for the metric even without a monitoring entry, and once with one', () => {
    const unmonitored = compileTexts(platform(), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }'));
    expect(objectNamed(unmonitored, 'prod-eu', 'PodMonitor', 'scorer-api').spec).toMatchObject({ namespaceSelector: { matchNames: ['fraud-prod'] }, podMetricsEndpoints: [{ port: 'http' }] });
    const monitored = compileTexts(platform(), `${team('replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }')}\nmonitoring:\n  scorer-api:\n    slo: { latencyP99Ms: 100 }`);
    expect(kindsOf(monitored).filter((kind) => kind === 'PodMonitor')).toHaveLength(1);
    expect(kindsOf(compileTexts(platform(), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: cpu, target: 40 }')))).not.toContain('PodMonitor');
  });

  it('queries the Prometheus the platform names, and concurrency as the latency sum’s rate in seconds', () => {
    const result = compileTexts(platform({ extra: 'autoscaling: { prometheus: { serverAddress: "https://prom.example.io/api" } }' }), team('replicas: { min: 1, max: 4 }, autoscaling: { metric: concurrency, target: 8 }'));
    const trigger = (objectNamed(result, 'prod-eu', 'ScaledObject', 'scorer-api').spec as { triggers: { metadata: Record<string, string> }[] }).triggers[0]!;
    expect(trigger.metadata.serverAddress).toBe('https://prom.example.io/api');
    expect(trigger.metadata.query).toBe('sum(rate(scorer_latency_milliseconds_sum{namespace="fraud-prod",pod=~"scorer-api-[a-z0-9]+-[a-z0-9]+"}[2m])) / 1000');
  });

  it('scales on rps with an HPA on prometheus-adapter’s Pods metric when the platform chooses it', () => {
    const result = compileTexts(platform({ extra: 'autoscaling: { customMetrics: prometheus-adapter }' }), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }'));
    expect(kindsOf(result)).not.toContain('ScaledObject');
    expect(objectNamed(result, 'prod-eu', 'HorizontalPodAutoscaler', 'scorer-api').spec).toMatchObject({ metrics: [{ type: 'Pods', pods: { metric: { name: 'scorer_requests_total_per_second' }, target: { type: 'AverageValue', averageValue: 40 } } }] });
  });

  it('gives a canary its own ScaledObject over its own pods', () => {
    const result = compileTexts(platform(), team('canary: { version: "1.1.0", traffic: 10 }, replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }'));
    const query = (name: string) => (objectNamed(result, 'prod-eu', 'ScaledObject', name).spec as { triggers: { metadata: { query: string } }[] }).triggers[0]!.metadata.query;
    expect(query('scorer-api-canary')).toContain('pod=~"scorer-api-canary-[a-z0-9]+-[a-z0-9]+"');
    expect(query('scorer-api')).toContain('pod=~"scorer-api-[a-z0-9]+-[a-z0-9]+"');
  });
});

describe('KServe', () => {
  const annotations = (result: ReturnType<typeof compileTexts>) => objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api').metadata.annotations ?? {};
  const predictor = (result: ReturnType<typeof compileTexts>) => (objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api').spec as { predictor: Record<string, unknown> }).predictor;

  it('asks KServe Standard mode for KEDA with an External Prometheus metric on rps (from the pinned runtime’s declared request counter)', () => {
    const result = compileTexts(platform({ backend: 'kserve' }), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }'));
    expect(annotations(result)['serving.kserve.io/autoscalerClass']).toBe('keda');
    expect(predictor(result)).not.toHaveProperty('scaleMetric');
    expect(predictor(result).autoScaling).toEqual({
      metrics: [{ type: 'External', external: { metric: { backend: 'prometheus', serverAddress: 'http://prometheus-operated.monitoring.svc:9090', query: 'sum(rate(scorer_requests_total{namespace="fraud-prod",pod=~"scorer-api-predictor-[a-z0-9]+-[a-z0-9]+"}[2m]))' }, target: { type: 'Value', value: '40' } } }],
    });
  });

  it('turns KServe Standard mode’s HPA off for fixed replicas, and keeps it for cpu', () => {
    const fixed = compileTexts(platform({ backend: 'kserve' }), team('replicas: { min: 2, max: 2 }'));
    expect(annotations(fixed)['serving.kserve.io/autoscalerClass']).toBe('none');
    expect(predictor(fixed)).not.toHaveProperty('scaleMetric');
    const cpu = compileTexts(platform({ backend: 'kserve' }), team('replicas: { min: 2, max: 4 }'));
    expect(annotations(cpu)).not.toHaveProperty('serving.kserve.io/autoscalerClass');
    expect(predictor(cpu)).toMatchObject({ scaleMetric: 'cpu', scaleTarget: 70 });
  });

  it('leaves rps to Knative’s autoscaler in Knative mode', () => {
    const result = compileTexts(platform({ backend: 'kserve', mode: 'Knative' }), team('replicas: { min: 2, max: 5 }, autoscaling: { metric: rps, target: 40 }'));
    expect(annotations(result)).not.toHaveProperty('serving.kserve.io/autoscalerClass');
    expect(predictor(result)).toMatchObject({ scaleMetric: 'rps', scaleTarget: 40 });
  });
});

describe('custom metric signals', () => {
  it('read rps from throughput, then the status counter, then the histogram count, and need a histogram for concurrency', () => {
    const histogram = { histogram: 'h_seconds', unit: 'seconds' as const };
    const requests = { counter: 'req_total', errorLabel: 'code', errorPattern: '5..' };
    expect(customMetricSignal('rps', { path: '/metrics', latency: histogram, requests, throughput: { counter: 'all_total' } })?.series).toBe('all_total');
    expect(customMetricSignal('rps', { path: '/metrics', latency: histogram, requests })?.series).toBe('req_total');
    expect(customMetricSignal('rps', { path: '/metrics', latency: histogram })?.series).toBe('h_seconds_count');
    expect(customMetricSignal('rps', { path: '/metrics' })).toBeUndefined();
    expect(customMetricSignal('concurrency', { path: '/metrics', requests })).toBeUndefined();
    const micro = customMetricSignal('concurrency', { path: '/metrics', latency: { histogram: 'h_us', unit: 'microseconds' } })!;
    expect(signalQuery(micro, 'ns', 'd')).toBe('sum(rate(h_us_sum{namespace="ns",pod=~"d-[a-z0-9]+-[a-z0-9]+"}[2m])) / 1000000');
  });
});
