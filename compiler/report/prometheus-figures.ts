/**
 * Figures from Prometheus: availability, API response time, resource utilisation and pipeline
 * executions. The shell runs the queries (`PROMETHEUS_QUERIES`) over the report's window and hands
 * the samples in; this module only does the arithmetic. Pure.
 */
import { round } from './calendar.ts';
import type { Measurement } from './report-model.ts';
import { notMeasurable } from './report-window.ts';

/** One range-query result: the query and its samples as `[unix seconds, value]`, all series summed per time. */
export interface PrometheusSeries {
  readonly query: string;
  readonly points: readonly (readonly [number, number])[];
}

/** What the shell fetched from Prometheus; a missing series means the query returned no data. */
export interface PrometheusSamples {
  /** The server, for the method text. */
  readonly url: string;
  /** Step of the range queries, in seconds. */
  readonly stepSeconds: number;
  readonly availability?: PrometheusSeries;
  readonly latencyP99?: PrometheusSeries;
  readonly utilisation?: PrometheusSeries;
  readonly pipelineExecutions?: PrometheusSeries;
}

/** The PromQL of each figure (`$step` is replaced by the step, e.g. `3600s`). Documented in docs/rollout-dashboard.md. */
export const PROMETHEUS_QUERIES = {
  /** Share of serving scrape targets up (KServe predictors and model Deployments scraped by the ServiceMonitors the compiler emits). */
  availability: 'avg(up{namespace=~".+-prod.*"})',
  /** 99th percentile of request latency over the serving endpoints, in seconds. */
  latencyP99: 'histogram_quantile(0.99, sum by (le) (rate(request_duration_seconds_bucket{namespace=~".+-prod.*"}[$step])))',
  /** CPU used over CPU requested in production namespaces. */
  utilisation: 'sum(rate(container_cpu_usage_seconds_total{namespace=~".+-prod.*"}[$step])) / sum(kube_pod_container_resource_requests{resource="cpu",namespace=~".+-prod.*"})',
  /** Argo Workflows runs finished per step (Argo Workflows' `total_count` counter by phase). */
  pipelineExecutions: 'sum(increase(argo_workflows_total_count{phase=~"Succeeded|Failed|Error"}[$step]))',
} as const;

/** Which figure a query feeds. */
export type PrometheusFigure = keyof typeof PROMETHEUS_QUERIES;

function mean(points: readonly (readonly [number, number])[]): number {
  return points.reduce((sum, [, value]) => sum + value, 0) / points.length;
}

function usable(series: PrometheusSeries | undefined): readonly (readonly [number, number])[] {
  return (series?.points ?? []).filter(([, value]) => Number.isFinite(value));
}

function figure(samples: PrometheusSamples | undefined, name: PrometheusFigure, unit: string, describe: string, compute: (points: readonly (readonly [number, number])[]) => number): Measurement {
  if (!samples) return notMeasurable(unit, describe, 'no Prometheus given (--prometheus URL)');
  const series = samples[name];
  const points = usable(series);
  const method = `${describe}: \`${series?.query ?? PROMETHEUS_QUERIES[name]}\` every ${samples.stepSeconds} s on ${samples.url}`;
  if (points.length === 0) return notMeasurable(unit, method, 'Prometheus has no samples for the window');
  return { value: round(compute(points)), unit, method, events: points.length };
}

/** Percent of time the serving targets were up. */
export function availability(samples: PrometheusSamples | undefined): Measurement {
  return figure(samples, 'availability', '%', 'mean share of serving targets up', (points) => mean(points) * 100);
}

/** Mean of the p99 latency samples, in milliseconds. */
export function apiResponseTime(samples: PrometheusSamples | undefined): Measurement {
  return figure(samples, 'latencyP99', 'ms', 'mean of the p99 request latency', (points) => mean(points) * 1000);
}

/** Mean CPU utilisation of production, in percent of requests. */
export function resourceUtilisation(samples: PrometheusSamples | undefined): Measurement {
  return figure(samples, 'utilisation', '%', 'mean CPU used over CPU requested in production', (points) => mean(points) * 100);
}

/** Pipeline runs finished in the window. */
export function pipelineExecutions(samples: PrometheusSamples | undefined): Measurement {
  return figure(samples, 'pipelineExecutions', '', 'Argo Workflows runs finished, summed over the steps', (points) => points.reduce((sum, [, value]) => sum + value, 0));
}
