/**
 * The metrics contract between serving, the scrape config and the alerts. Serving pods declare their
 * serving port under a name ({@link KSERVE_SERVING_PORT_NAME} on KServe, {@link DEPLOYMENT_SERVING_PORT_NAME}
 * on the `deployment` backend), and a PodMonitor scrapes the runtime's metrics endpoint through it (see
 * `pod-monitor.ts`); which metrics exist is a property of the serving runtime (`ResolvedRuntimeMetrics`,
 * platform.yaml `serving.runtimes`). The PodMonitor stamps every series with {@link DEPLOYMENT_LABEL} so
 * alerts can select one deployment regardless of pod names. The drift check pushes {@link DRIFT_SCORE}
 * per feature and {@link DRIFT_LAST_SUCCESS} to the Pushgateway with the same labels.
 */
import type { ResolvedDeployment, ResolvedPlacement, ResolvedPlatform } from '../../resolve/resolved-org.ts';
import type { ResolvedPlatformMonitoring } from '../../resolve/resolved-org.ts';
import { type ResolvedRuntimeMetrics, servingRuntimeName } from '../../resolve/serving-runtimes.ts';
import { pinnedRuntime } from '../serving/serving-runtime.ts';

/**
 * Name of the KServe model container's declared serving port. Knative accepts only `http1` or `h2c`
 * as a port name, and KServe's Standard-mode Service takes its port name from the first container port
 * (`createDefaultSvc` in KServe v0.20 `pkg/controller/v1beta1/inferenceservice/reconcilers/service/service_reconciler.go`).
 */
export const KSERVE_SERVING_PORT_NAME = 'http1';

/** Name of the `deployment` backend's container port (security-context.ts `secureContainer`). */
export const DEPLOYMENT_SERVING_PORT_NAME = 'http';

/** Per-feature drift statistic pushed by the drift check (labels: `feature`, `method`). */
export const DRIFT_SCORE = 'mlops_drift_score';

/** Unix time of the drift check's last successful run, pushed with each run (drift/README.md). */
export const DRIFT_LAST_SUCCESS = 'mlops_drift_check_last_success_timestamp_seconds';

/** Target label naming the deployment on every scraped or pushed series. */
export const DEPLOYMENT_LABEL = 'mlops_deployment';

/** The in-cluster URL of the Pushgateway the platform names (platform.yaml `monitoring.pushgateway`). */
export function pushgatewayUrl(pushgateway: ResolvedPlatformMonitoring['pushgateway']): string {
  return `http://${pushgateway.service}.${pushgateway.namespace}.svc:${pushgateway.port}`;
}

/** PromQL label matchers selecting one placement's series, e.g. `namespace="fraud-prod",mlops_deployment="fraud-api"`. */
export function placementMatchers(placement: Pick<ResolvedPlacement, 'namespace' | 'deployment'>): string {
  return `namespace="${placement.namespace}",${DEPLOYMENT_LABEL}="${placement.deployment}"`;
}

/** A placement's serving runtime and its metrics (undefined metrics: the runtime is not known to the platform). */
export interface PlacementRuntime {
  readonly name?: string;
  readonly metrics?: ResolvedRuntimeMetrics;
}

/** The runtime serving a placement's stable version, with its metrics (on KServe, the runtime pinned to `serving.images` when there is one: serving-runtime.ts). */
export function placementRuntime(platform: Pick<ResolvedPlatform, 'serving'>, model: { readonly framework: Parameters<typeof servingRuntimeName>[1]['framework']; readonly runtime?: string }, placement: Pick<ResolvedPlacement, 'backend'>): PlacementRuntime {
  const pinned = placement.backend === 'kserve' ? pinnedRuntime(platform, model) : undefined;
  if (pinned) return { name: pinned.name, ...(pinned.metrics ? { metrics: pinned.metrics } : {}) };
  const name = servingRuntimeName(placement.backend, model);
  const metrics = name === undefined ? undefined : platform.serving.runtimes[name];
  return { ...(name !== undefined ? { name } : {}), ...(metrics ? { metrics } : {}) };
}

/** Metric names a runtime's declared metrics make available to PromQL (histograms as `_bucket`, `_sum`, `_count`). */
export function runtimeSeriesNames(metrics: ResolvedRuntimeMetrics): string[] {
  const names: string[] = [];
  if (metrics.latency) names.push(...['bucket', 'count', 'sum'].map((suffix) => `${metrics.latency!.histogram}_${suffix}`));
  if (metrics.requests) names.push(metrics.requests.counter);
  if (metrics.throughput && !names.includes(metrics.throughput.counter)) names.push(metrics.throughput.counter);
  return names;
}

/** The serving port name of a placement's pods. */
export function servingPortName(placement: Pick<ResolvedPlacement, 'backend'>): string {
  return placement.backend === 'kserve' ? KSERVE_SERVING_PORT_NAME : DEPLOYMENT_SERVING_PORT_NAME;
}

/** The container port of a deployment's metrics endpoint. */
export function metricsPort(deployment: Pick<ResolvedDeployment, 'port'>, metrics: ResolvedRuntimeMetrics): number {
  return metrics.port ?? deployment.port;
}
