/**
 * Pushes metrics to a Prometheus Pushgateway with its HTTP API: `PUT /metrics/job/<job>/<label>/<value>…`
 * replaces every metric of that grouping key, so a check's previous scores (a feature no longer
 * watched, a score now withheld for lack of samples) do not linger. Values that are empty or contain
 * `/` use the `@base64` path encoding (URL-safe base64); others are percent-encoded.
 */
import { DriftCheckError, networkReason, quote } from '../errors.ts';

/** A Pushgateway grouping key: the job and its grouping labels. */
export interface GroupingKey {
  readonly job: string;
  readonly labels: Readonly<Record<string, string>>;
}

function segment(name: string, value: string): string {
  if (value === '' || value.includes('/')) return `${name}@base64/${value === '' ? '=' : Buffer.from(value, 'utf8').toString('base64url')}`;
  return `${name}/${encodeURIComponent(value)}`;
}

/** The URL path of a grouping key, e.g. `/metrics/job/mlops-drift-check/namespace/fraud-prod`. */
export function groupingPath(key: GroupingKey): string {
  return ['/metrics', segment('job', key.job), ...Object.entries(key.labels).map(([name, value]) => segment(name, value))].join('/');
}

/** PUTs the text exposition `body` under `key`; throws `DriftCheckError` when the Pushgateway refuses it or cannot be reached. */
export async function pushMetrics(gateway: string, key: GroupingKey, body: string, fetchImpl: typeof fetch = fetch, timeoutMs = 30_000): Promise<void> {
  const url = `${gateway.replace(/\/+$/, '')}${groupingPath(key)}`;
  let response: Response;
  try {
    response = await fetchImpl(url, { method: 'PUT', body, headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    throw new DriftCheckError(`push to ${quote(gateway)} failed: ${networkReason(error)}`);
  }
  if (response.status !== 200 && response.status !== 202) {
    const text = (await response.text().catch(() => '')).trim().split('\n')[0] ?? '';
    throw new DriftCheckError(`push to ${quote(gateway)} refused: HTTP ${response.status}${text ? ` ${quote(text, 200)}` : ''}`);
  }
  await response.body?.cancel();
}
