/** PrometheusRule groups for one placement: SLO alerts (latency p99, error rate, availability) and drift alerts. */
import type { ResolvedMonitor, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { DRIFT_SCORE, placementMatchers, REQUEST_DURATION_BUCKET, REQUESTS_TOTAL } from './serving-metrics.ts';

/** One alerting rule (every rule has an `expr`). */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A rule group. */
export interface AlertGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
}

function severity(placement: ResolvedPlacement): string {
  return placement.tier === 'production' ? 'critical' : 'warning';
}

function ruleLabels(placement: ResolvedPlacement, severityValue: string): Record<string, string> {
  return { deployment: placement.deployment, environment: placement.environment, severity: severityValue, team: placement.team };
}

/** Trims float noise from thresholds written into PromQL (`0.1 * 3` → `0.3`). */
function number(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(12)));
}

/** The SLO alerts of a placement, one per declared objective. */
export function sloRules(placement: ResolvedPlacement, slo: NonNullable<ResolvedMonitor['slo']>): AlertRule[] {
  const match = placementMatchers(placement);
  const labels = ruleLabels(placement, severity(placement));
  const where = `${placement.deployment} in ${placement.namespace}`;
  const rules: AlertRule[] = [];
  if (slo.latencyP99Ms !== undefined) {
    rules.push({
      alert: 'ModelLatencyP99High',
      expr: `histogram_quantile(0.99, sum by (le) (rate(${REQUEST_DURATION_BUCKET}{${match}}[5m]))) * 1000 > ${number(slo.latencyP99Ms)}`,
      for: '10m',
      labels,
      annotations: { summary: `p99 latency of ${where} is above ${number(slo.latencyP99Ms)} ms`, description: 'p99 request latency over 5 minutes, in milliseconds: {{ $value }}.' },
    });
  }
  if (slo.errorRatePercent !== undefined) {
    rules.push({
      alert: 'ModelErrorRateHigh',
      expr: `sum(rate(${REQUESTS_TOTAL}{${match},code=~"5.."}[5m])) / sum(rate(${REQUESTS_TOTAL}{${match}}[5m])) * 100 > ${number(slo.errorRatePercent)}`,
      for: '10m',
      labels,
      annotations: { summary: `error rate of ${where} is above ${number(slo.errorRatePercent)} %`, description: 'Share of 5xx responses over 5 minutes, percent: {{ $value }}.' },
    });
  }
  if (slo.availabilityPercent !== undefined) {
    rules.push({
      alert: 'ModelAvailabilityLow',
      expr: `(1 - sum(rate(${REQUESTS_TOTAL}{${match},code=~"5.."}[1h])) / sum(rate(${REQUESTS_TOTAL}{${match}}[1h]))) * 100 < ${number(slo.availabilityPercent)} or absent(up{${match}} == 1) * 0`,
      for: '5m',
      labels,
      annotations: { summary: `availability of ${where} is below ${number(slo.availabilityPercent)} %`, description: 'Share of non-5xx responses over 1 hour, percent ({{ $value }}), or no serving target is up.' },
    });
  }
  return rules;
}

/** The drift alerts of a placement: a feature's drift statistic above the threshold, and a failing drift check. */
export function driftRules(placement: ResolvedPlacement, drift: NonNullable<ResolvedMonitor['drift']>, driftCheckJob: string): AlertRule[] {
  const match = placementMatchers(placement);
  const labels = ruleLabels(placement, 'warning');
  return [
    {
      alert: 'ModelDataDrift',
      expr: `max by (feature) (${DRIFT_SCORE}{${match},method="${drift.method}"}) > ${number(drift.threshold)}`,
      for: '0m',
      labels,
      annotations: {
        summary: `input drift on ${placement.deployment} in ${placement.namespace}`,
        description: `${drift.method} of feature {{ $labels.feature }} is {{ $value }}, above the threshold ${number(drift.threshold)}.`,
      },
    },
    {
      alert: 'ModelDriftCheckFailing',
      expr: `max(kube_job_status_failed{namespace="${placement.namespace}",job_name=~"${driftCheckJob}-.*"}) > 0`,
      for: '15m',
      labels,
      annotations: { summary: `the drift check of ${placement.deployment} in ${placement.namespace} is failing`, description: `A job of CronJob ${driftCheckJob} failed; drift is not being measured.` },
    },
  ];
}
