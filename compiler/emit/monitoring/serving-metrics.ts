/**
 * The metrics contract between serving, the scrape config and the alerts. Serving pods expose
 * Prometheus metrics on the Service port named {@link SERVING_METRICS_PORT} at `/metrics`:
 * a request-duration histogram ({@link REQUEST_DURATION_BUCKET}, seconds) and a request counter
 * ({@link REQUESTS_TOTAL}) with the HTTP status in label `code`. The ServiceMonitor stamps every series
 * with {@link DEPLOYMENT_LABEL} so alerts can select one deployment regardless of Service names. The
 * drift check pushes {@link DRIFT_SCORE} per feature to the Pushgateway with the same labels.
 */
import type { ResolvedPlacement } from '../../resolve/resolved-org.ts';
import type { ResolvedPlatformMonitoring } from '../../resolve/resolved-org.ts';

/** Service port the ServiceMonitor scrapes. */
export const SERVING_METRICS_PORT = 'http';

/** Scrape path. */
export const SERVING_METRICS_PATH = '/metrics';

/** Request latency histogram buckets (seconds). */
export const REQUEST_DURATION_BUCKET = 'http_request_duration_seconds_bucket';

/** Request counter, labelled with the HTTP status `code`. */
export const REQUESTS_TOTAL = 'http_requests_total';

/** Per-feature drift statistic pushed by the drift check (labels: `feature`, `method`). */
export const DRIFT_SCORE = 'mlops_drift_score';

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
