/**
 * PrometheusRule groups for one placement: SLO alerts (latency p99, error rate, availability) over the
 * metrics its serving runtime exports, and drift alerts over what the drift check pushes.
 */
import { CronExpressionParser } from 'cron-parser';
import type { ResolvedMonitor, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import type { ResolvedRuntimeMetrics } from '../../resolve/serving-runtimes.ts';
import { utcCronRuns } from './utc-cron-runs.ts';
import { DRIFT_LAST_SUCCESS, DRIFT_SCORE, placementMatchers } from './serving-metrics.ts';

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

/** An SLO the runtime's metrics cannot measure, so no alert is emitted for it. */
export interface UnmeasuredObjective {
  readonly objective: 'latencyP99Ms' | 'errorRatePercent' | 'availabilityPercent';
  /** What the runtime would have to export. */
  readonly needs: 'latency' | 'requests';
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

/** Factor turning a histogram's unit into milliseconds. */
const TO_MILLISECONDS = { seconds: 1000, milliseconds: 1, microseconds: 0.001 } as const;

/** A PromQL string literal (double-quoted, backslashes and quotes escaped). */
function promString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The SLO alerts of a placement, one per declared objective its runtime can measure, and the objectives it cannot. */
export function sloRules(placement: ResolvedPlacement, slo: NonNullable<ResolvedMonitor['slo']>, metrics: ResolvedRuntimeMetrics): { rules: AlertRule[]; unmeasured: UnmeasuredObjective[] } {
  const match = placementMatchers(placement);
  const labels = ruleLabels(placement, severity(placement));
  const where = `${placement.deployment} in ${placement.namespace}`;
  const rules: AlertRule[] = [];
  const unmeasured: UnmeasuredObjective[] = [];
  if (slo.latencyP99Ms !== undefined) {
    const latency = metrics.latency;
    if (!latency) unmeasured.push({ objective: 'latencyP99Ms', needs: 'latency' });
    else {
      const factor = TO_MILLISECONDS[latency.unit];
      rules.push({
        alert: 'ModelLatencyP99High',
        expr: `histogram_quantile(0.99, sum by (le) (rate(${latency.histogram}_bucket{${match}}[5m])))${factor === 1 ? '' : ` * ${number(factor)}`} > ${number(slo.latencyP99Ms)}`,
        for: '10m',
        labels,
        annotations: { summary: `p99 latency of ${where} is above ${number(slo.latencyP99Ms)} ms`, description: `p99 of ${latency.histogram} over 5 minutes, in milliseconds: {{ $value }}.` },
      });
    }
  }
  const requests = metrics.requests;
  const failed = requests ? `${requests.counter}{${match},${requests.errorLabel}=~${promString(requests.errorPattern)}}` : '';
  const all = requests ? `${requests.counter}{${match}}` : '';
  if (slo.errorRatePercent !== undefined) {
    if (!requests) unmeasured.push({ objective: 'errorRatePercent', needs: 'requests' });
    else {
      rules.push({
        alert: 'ModelErrorRateHigh',
        expr: `sum(rate(${failed}[5m])) / sum(rate(${all}[5m])) * 100 > ${number(slo.errorRatePercent)}`,
        for: '10m',
        labels,
        annotations: { summary: `error rate of ${where} is above ${number(slo.errorRatePercent)} %`, description: 'Share of failed requests over 5 minutes, percent: {{ $value }}.' },
      });
    }
  }
  if (slo.availabilityPercent !== undefined) {
    if (!requests) unmeasured.push({ objective: 'availabilityPercent', needs: 'requests' });
    else {
      // No `absent(up …)` fallback: it fires for as long as no target exists (scaled to zero, not rolled out yet).
      rules.push({
        alert: 'ModelAvailabilityLow',
        expr: `(1 - sum(rate(${failed}[1h])) / sum(rate(${all}[1h]))) * 100 < ${number(slo.availabilityPercent)}`,
        for: '5m',
        labels,
        annotations: { summary: `availability of ${where} is below ${number(slo.availabilityPercent)} %`, description: 'Share of successful requests over 1 hour, percent: {{ $value }}.' },
      });
    }
  }
  return { rules, unmeasured };
}

/** Longest run time the drift-check Job is allowed (its `activeDeadlineSeconds`). */
export const DRIFT_CHECK_DEADLINE_SECONDS = 3600;

/** Slack for the CronJob controller's start delay and the push, seconds. */
const DRIFT_CHECK_SLACK_SECONDS = 600;

/** A fixed start for measuring a schedule's gaps (deterministic output); a Friday. */
const SCHEDULE_EPOCH = new Date('2026-01-02T00:00:00Z');

/** Most runs of a schedule looked at (from a Friday, enough to cross a weekend of a 5-minute weekday schedule). */
const MAX_RUNS_MEASURED = 300;

const gapCache = new Map<string, number>();

/** The gap assumed for a schedule whose runs cannot be enumerated (e.g. `0 0 30 2 *`): a year. */
const UNKNOWN_GAP_SECONDS = 366 * 86_400;

/**
 * The longest gap between two consecutive runs of a cron schedule (UTC), over its next year or 300
 * runs (at least one gap, however far apart its runs are), seconds.
 */
export function longestScheduleGap(schedule: string): number {
  const cached = gapCache.get(schedule);
  if (cached !== undefined) return cached;
  let longest = 0;
  try {
    const runs = CronExpressionParser.parse(schedule, { currentDate: SCHEDULE_EPOCH, tz: 'UTC' });
    const end = SCHEDULE_EPOCH.getTime() + 366 * 86_400_000;
    // The same runs the loop below would take from cron-parser, when the schedule is plain enough.
    const times = utcCronRuns(runs, SCHEDULE_EPOCH.getTime(), MAX_RUNS_MEASURED + 1, end);
    if (times) {
      for (let index = 1; index < times.length; index++) longest = Math.max(longest, times[index]! - times[index - 1]!);
      longest /= 1000;
      gapCache.set(schedule, longest);
      return longest;
    }
    let previous = runs.next().getTime();
    for (let count = 0; count < MAX_RUNS_MEASURED && (count === 0 || previous < end); count++) {
      const next = runs.next().getTime();
      longest = Math.max(longest, next - previous);
      previous = next;
    }
    longest /= 1000;
  } catch {
    longest = UNKNOWN_GAP_SECONDS;
  }
  gapCache.set(schedule, longest);
  return longest;
}

/**
 * The age past which the last successful drift check is overdue: the schedule's longest gap, plus the
 * run's deadline and some slack — so it fires once a scheduled run has not succeeded, and clears with
 * the next success.
 */
export function driftCheckMaxAgeSeconds(schedule: string): number {
  return longestScheduleGap(schedule) + DRIFT_CHECK_DEADLINE_SECONDS + DRIFT_CHECK_SLACK_SECONDS;
}

/** The drift alerts of a placement: a feature's drift statistic above the threshold, and an overdue drift check. */
export function driftRules(placement: ResolvedPlacement, drift: NonNullable<ResolvedMonitor['drift']>, driftCheckJob: string): AlertRule[] {
  const match = placementMatchers(placement);
  const labels = ruleLabels(placement, 'warning');
  const maxAge = driftCheckMaxAgeSeconds(drift.schedule);
  return [
    {
      alert: 'ModelDataDrift',
      expr: `max by (feature) (${DRIFT_SCORE}{${match},method="${drift.method}"}) > ${number(drift.threshold)}`,
      for: '5m',
      labels,
      annotations: {
        summary: `input drift on ${placement.deployment} in ${placement.namespace}`,
        description: `${drift.method} of feature {{ $labels.feature }} is {{ $value }}, above the threshold ${number(drift.threshold)}.`,
      },
    },
    {
      alert: 'ModelDriftCheckFailing',
      expr: `time() - max(${DRIFT_LAST_SUCCESS}{${match}}) > ${maxAge}`,
      for: '5m',
      labels,
      annotations: {
        summary: `the drift check of ${placement.deployment} in ${placement.namespace} has not succeeded on schedule`,
        description: `The last successful run of CronJob ${driftCheckJob} was {{ $value | humanizeDuration }} ago (more than ${maxAge} s); drift is not being measured.`,
      },
    },
  ];
}
