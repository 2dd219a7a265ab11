/**
 * What `rps` and `concurrency` autoscaling measure, built from the serving runtime's declared metrics
 * (platform.yaml `serving.runtimes.<name>.metrics`, serving-metrics.ts): requests per second is the rate
 * of a request counter (`throughput`, else `requests`, else the latency histogram's `_count`);
 * concurrency is, by Little's law, the rate of the latency histogram's `_sum` in seconds (time spent
 * serving per second = mean requests in flight). KEDA and prometheus-adapter both read it from Prometheus.
 */
import type { ResolvedRuntimeMetrics } from './serving-runtimes.ts';

/** Range of `rate()` in scaling queries: four scrapes at the PodMonitor's 30 s interval. */
export const SCALING_RATE_WINDOW = '2m';

/** The custom metrics a deployment can scale on. */
export type CustomScalingMetric = 'rps' | 'concurrency';

/** One scaling signal: a runtime series and how to turn its rate into the metric. */
export interface CustomMetricSignal {
  /** The runtime series whose rate is taken. */
  readonly series: string;
  /** Divisor turning the rate into the metric's unit (histogram unit → seconds for concurrency). */
  readonly divisor: number;
  /** Name prometheus-adapter serves the signal under (docs/platform-prerequisites.md#autoscaling). */
  readonly adapterMetric: string;
}

const SECONDS_PER_UNIT = { seconds: 1, milliseconds: 1_000, microseconds: 1_000_000 } as const;

/** Whether a metric needs a custom-metrics source (anything but `cpu` and `memory`). */
export function isCustomScalingMetric(metric: string): metric is CustomScalingMetric {
  return metric === 'rps' || metric === 'concurrency';
}

/** The signal of `metric` from a runtime's declared metrics; undefined when the runtime declares nothing to compute it from. */
export function customMetricSignal(metric: CustomScalingMetric, metrics: ResolvedRuntimeMetrics | undefined): CustomMetricSignal | undefined {
  if (!metrics) return undefined;
  if (metric === 'rps') {
    const series = metrics.throughput?.counter ?? metrics.requests?.counter ?? (metrics.latency ? `${metrics.latency.histogram}_count` : undefined);
    return series === undefined ? undefined : { series, divisor: 1, adapterMetric: `${series}_per_second` };
  }
  if (!metrics.latency) return undefined;
  return { series: `${metrics.latency.histogram}_sum`, divisor: SECONDS_PER_UNIT[metrics.latency.unit], adapterMetric: `${metrics.latency.histogram}_in_flight` };
}

/** What a runtime must declare for `metric`, for messages. */
export function signalRequirement(metric: CustomScalingMetric): string {
  return metric === 'rps' ? 'a request counter (`metrics.throughput` or `metrics.requests`) or a latency histogram (`metrics.latency`)' : 'a latency histogram (`metrics.latency`)';
}

/**
 * A regular expression matching the names of a Deployment's pods (`<deployment>-<pod-template-hash>-<suffix>`)
 * and no other Deployment's: the stable track's query must not count its canary's or its variants' pods.
 */
export function deploymentPodPattern(deployment: string): string {
  return `${deployment}-[a-z0-9]+-[a-z0-9]+`;
}

/**
 * The PromQL expression KEDA evaluates: the signal summed over the Deployment's pods. KEDA's `prometheus`
 * trigger defaults to `metricType: AverageValue`, so the HPA it creates divides it by the replica count
 * and compares the per-pod value with the threshold.
 */
export function signalQuery(signal: CustomMetricSignal, namespace: string, deployment: string): string {
  const sum = `sum(rate(${signal.series}{namespace="${namespace}",pod=~"${deploymentPodPattern(deployment)}"}[${SCALING_RATE_WINDOW}]))`;
  return signal.divisor === 1 ? sum : `${sum} / ${signal.divisor}`;
}
