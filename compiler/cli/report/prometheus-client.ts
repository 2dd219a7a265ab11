/**
 * Queries a real Prometheus over its HTTP API (`/api/v1/query_range`) for the report's figures, with a
 * timeout per request. Any failure (unreachable, HTTP error, Prometheus error, malformed answer) is
 * a UsageError naming the URL (exit 2): a report never silently drops a source it was given.
 * Credentials in the URL (`https://user:pass@host/`) become a basic-auth header and are never shown.
 */
import { PROMETHEUS_QUERIES, type PrometheusFigure, type PrometheusSamples, type PrometheusSeries } from '../../report/prometheus-figures.ts';
import { UsageError } from '../command.ts';

/** Options of `queryPrometheus`. */
export interface PrometheusOptions {
  /** Per request, in milliseconds. @default 10000 */
  readonly timeoutMs?: number;
  /** Seconds between samples. @default 3600 */
  readonly stepSeconds?: number;
  /** Most samples per query (Prometheus refuses more than 11,000); the step grows to fit. */
  readonly maxPoints?: number;
  /** Replaces the default PromQL of some figures. */
  readonly queries?: Partial<Record<PrometheusFigure, string>>;
}

interface RangeAnswer {
  readonly status?: string;
  readonly error?: string;
  readonly data?: { readonly resultType?: string; readonly result?: readonly { readonly values?: readonly (readonly [number, string])[] }[] };
}

/** The server's base URL, validated (http or https only), and its basic-auth header when the URL carried credentials (never shown). */
export function prometheusBase(url: string): { readonly base: URL; readonly headers: Readonly<Record<string, string>> } {
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new UsageError('--prometheus is not a URL.');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new UsageError(`--prometheus must be an http or https URL; got ${base.protocol}.`);
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (base.username !== '' || base.password !== '') {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(base.username)}:${decodeURIComponent(base.password)}`).toString('base64')}`;
    base.username = '';
    base.password = '';
  }
  base.search = '';
  base.hash = '';
  return { base, headers };
}

async function fetchJson(url: URL, headers: Readonly<Record<string, string>>, display: string, timeoutMs: number): Promise<RangeAnswer> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers, redirect: 'error' });
  } catch (error) {
    const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    throw new UsageError(`Prometheus at ${display} cannot be reached: ${reason}.`);
  }
  const text = await response.text();
  let body: RangeAnswer;
  try {
    body = JSON.parse(text) as RangeAnswer;
  } catch {
    throw new UsageError(`Prometheus at ${display} answered HTTP ${response.status} with something that is not JSON.`);
  }
  if (!response.ok || body.status !== 'success') throw new UsageError(`Prometheus at ${display} refused a query (HTTP ${response.status}): ${(body.error ?? 'no error message').slice(0, 200).replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')}.`);
  return body;
}

/** Sums every series of a range answer per timestamp. */
function summed(query: string, answer: RangeAnswer, display: string): PrometheusSeries | undefined {
  if (answer.data?.resultType !== 'matrix' || !Array.isArray(answer.data.result)) throw new UsageError(`Prometheus at ${display} answered a range query without a matrix.`);
  const totals = new Map<number, number>();
  for (const series of answer.data.result) for (const [time, value] of series.values ?? []) totals.set(time, (totals.get(time) ?? 0) + Number(value));
  if (totals.size === 0) return undefined;
  return { query, points: [...totals].sort((a, b) => a[0] - b[0]) };
}

/** Runs every figure's range query over [since, until]. */
export async function queryPrometheus(url: string, since: Date, until: Date, options: PrometheusOptions = {}): Promise<PrometheusSamples> {
  const { base, headers } = prometheusBase(url);
  const display = base.href;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const start = Math.floor(since.getTime() / 1000);
  const end = Math.max(start, Math.floor(until.getTime() / 1000));
  const maxPoints = options.maxPoints ?? 10_000;
  const stepSeconds = Math.max(options.stepSeconds ?? 3600, Math.ceil((end - start) / maxPoints));
  const samples: { -readonly [K in PrometheusFigure]?: PrometheusSeries } = {};
  for (const figure of Object.keys(PROMETHEUS_QUERIES) as PrometheusFigure[]) {
    const query = (options.queries?.[figure] ?? PROMETHEUS_QUERIES[figure]).replaceAll('$step', `${stepSeconds}s`);
    const request = new URL('api/v1/query_range', base);
    request.search = new URLSearchParams({ query, start: String(start), end: String(end), step: String(stepSeconds) }).toString();
    const series = summed(query, await fetchJson(request, headers, display, timeoutMs), display);
    if (series) samples[figure] = series;
  }
  return { url: display, stepSeconds, ...samples };
}
