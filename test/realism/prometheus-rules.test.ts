/**
 * Every PrometheusRule the compiler emits for sample-repo and the golden emit fixtures, checked by
 * Prometheus' own tools (`promtool`, Debian's `prometheus` package):
 * - `promtool check rules` accepts its spec (syntax, PromQL, templates);
 * - `promtool test rules`: each alert fires on synthetic series that break it exactly when its `for`
 *   has elapsed, and stays silent on series that do not (series derived from the expression by
 *   `support/alert-series-model.ts`; drift series are the ones the drift check pushes);
 * - defect detectors (`for: 0m`, firing forever without series, a failed run latching) find exactly
 *   the alerts `support/known-emitter-defects.ts` lists — none today — and do see each defect on a
 *   rule built to have it.
 */
import { describe, expect, it } from 'vitest';
import { emittedPrometheusRules, type EmittedAlertRule, type EmittedPrometheusRule } from './support/emitted-prometheus-rules.ts';
import { DRIFT_LAST_SUCCESS } from '../../compiler/emit/monitoring/serving-metrics.ts';
import { EMITTER_DEFECT_DESCRIPTIONS, type EmitterDefectId, KNOWN_EMITTER_DEFECTS } from './support/known-emitter-defects.ts';
import { parseSelector, SELECTOR_SOURCE, selectedLabels, seriesText } from './support/promql-selector.ts';
import { promtool } from './support/promtool.ts';
import { alertUnitTest, durationSeconds, rulesWithoutAnnotations } from './support/rule-unit-tests.ts';

const emitted = await emittedPrometheusRules();
const alertsOf = (rule: EmittedPrometheusRule): EmittedAlertRule[] => rule.spec.groups.flatMap((group) => group.rules);
const RULE_FILE = 'rules.yaml';

it('finds PrometheusRules with SLO and drift alerts to check', () => {
  const names = new Set(emitted.flatMap((rule) => alertsOf(rule).map((alert) => alert.alert)));
  expect(emitted.length).toBeGreaterThan(0);
  expect([...names].sort()).toEqual(['ModelAvailabilityLow', 'ModelDataDrift', 'ModelDriftCheckFailing', 'ModelErrorRateHigh', 'ModelLatencyP99High']);
});

describe.each(emitted)('$label', (rule) => {
  it('passes promtool check rules', async () => {
    const outcome = await promtool(['check', 'rules', RULE_FILE], { [RULE_FILE]: rule.spec });
    expect(outcome.output).toContain(`SUCCESS: ${alertsOf(rule).length} rules found`);
    expect(outcome.code, outcome.output).toBe(0);
  });

  it.each(alertsOf(rule).map((alert) => ({ alert: alert.alert, rule: alert })))('$alert fires on series that break it after its for, and stays silent on healthy series', async ({ rule: alert }) => {
    const { file, scenarios } = alertUnitTest(alert, rule.driftConfigs, RULE_FILE);
    const outcome = await promtool(['test', 'rules', 'test.yaml'], { [RULE_FILE]: rulesWithoutAnnotations(rule.spec), 'test.yaml': file });
    expect(outcome.code, `${alert.alert}: ${alert.expr}\nscenarios, in order:\n${scenarios.join('\n')}\n${outcome.output}`).toBe(0);
    expect(scenarios.some((name) => name.startsWith('breaks:')) && scenarios.some((name) => name.startsWith('healthy:'))).toBe(true);
  });
});

/**
 * Runs one test group over a rule's alerts (`firing`: each expected to fire with only its rule labels,
 * or to stay silent) and returns the alerts whose expectation held.
 */
async function alertsWhereHolds(rule: EmittedPrometheusRule, alerts: readonly EmittedAlertRule[], series: unknown[], evalSeconds: number, firing: boolean): Promise<string[]> {
  // Hours of evaluation: one evaluation every 5 minutes is enough (no rule's `for` is shorter than what it checks).
  const checks = alerts.map((alert) => ({ eval_time: `${evalSeconds}s`, alertname: alert.alert, exp_alerts: firing ? [{ exp_labels: { ...alert.labels } }] : [] }));
  const test = { rule_files: [RULE_FILE], evaluation_interval: '5m', tests: [{ interval: '60s', input_series: series, alert_rule_test: checks }] };
  const outcome = await promtool(['test', 'rules', 'test.yaml'], { [RULE_FILE]: rulesWithoutAnnotations(rule.spec), 'test.yaml': test });
  if (outcome.code !== 0 && !outcome.output.includes('FAILED')) throw new Error(outcome.output);
  const failed = new Set([...outcome.output.matchAll(/alertname: ([A-Za-z0-9_]+), time:/g)].map((match) => match[1]!));
  return alerts.map((alert) => alert.alert).filter((name) => !failed.has(name));
}

const DAY = 86_400;

/** Each defect's detector: the names of the emitted alerts that have it. */
const DETECTORS: Record<EmitterDefectId, () => Promise<string[]>> = {
  'for-0m': async () => emitted.flatMap(alertsOf).filter((alert) => durationSeconds(alert.for) === 0).map((alert) => alert.alert),
  // With no series at all for a day, an alert should be silent (an absent target is not an outage forever).
  'fires-forever-without-series': async () => {
    const found: string[] = [];
    for (const rule of emitted) found.push(...(await alertsWhereHolds(rule, alertsOf(rule), [], DAY, true)));
    return found;
  },
  // One failed run at t = 0 (its Job kept a day, the last success timestamp left at t = 0), a successful
  // run every hour after it (a Job succeeded, the timestamp refreshed): silent 12 h later.
  'failed-job-latches': async () => {
    const found: string[] = [];
    for (const rule of emitted) {
      for (const alert of alertsOf(rule)) {
        const selectors = [...alert.expr.matchAll(new RegExp(SELECTOR_SOURCE, 'g'))].map((match) => parseSelector(match[0]));
        const failedJobs = selectors.find((selector) => selector.metric === 'kube_job_status_failed');
        const lastSuccess = selectors.find((selector) => selector.metric === DRIFT_LAST_SUCCESS);
        if (!failedJobs && !lastSuccess) continue;
        const series: { series: string; values: string }[] = [];
        if (failedJobs) {
          const failed = selectedLabels(failedJobs);
          series.push(
            { series: seriesText('kube_job_status_failed', failed), values: `1+0x${DAY / 60}` },
            ...[1, 2, 3].map((hour) => ({ series: seriesText('kube_job_status_succeeded', { ...failed, job_name: `${failed.job_name}${hour}` }), values: `${'_ '.repeat(hour * 60)}1+0x${DAY / 60 - hour * 60}`.trim() })),
          );
        }
        if (lastSuccess) {
          const minutes = Array.from({ length: DAY / 60 + 1 }, (_, minute) => Math.floor(minute / 60) * 3600);
          series.push({ series: seriesText(DRIFT_LAST_SUCCESS, selectedLabels(lastSuccess)), values: minutes.join(' ') });
        }
        found.push(...(await alertsWhereHolds(rule, [alert], series, DAY / 2, true)));
      }
    }
    return found;
  },
};

describe('defects of the emitted alerting rules (known ones listed in support/known-emitter-defects.ts)', () => {
  it.each(Object.keys(DETECTORS) as EmitterDefectId[])('%s is present in exactly the alerts listed as known', async (id) => {
    const found = [...new Set(await DETECTORS[id]())].sort();
    const known = KNOWN_EMITTER_DEFECTS.find((defect) => defect.id === id)?.alerts ?? [];
    expect(found, `${id}: ${EMITTER_DEFECT_DESCRIPTIONS[id]}`).toEqual([...known].sort());
  }, 120_000);

  it('has a detector that sees each defect on a rule that has it', async () => {
    const defective: EmittedPrometheusRule = {
      label: 'defective',
      driftConfigs: [],
      spec: {
        groups: [
          {
            name: 'defective',
            rules: [
              { alert: 'Instant', expr: 'max(mlops_drift_score{namespace="n"}) > 0.2', for: '0m', labels: { severity: 'warning' } },
              { alert: 'AbsentForever', expr: '(1 - sum(rate(r_total{namespace="n",code=~"5.."}[1h])) / sum(rate(r_total{namespace="n"}[1h]))) * 100 < 99 or absent(up{namespace="n"} == 1) * 0', for: '5m', labels: { severity: 'warning' } },
              { alert: 'Latching', expr: 'max(kube_job_status_failed{namespace="n",job_name=~"check-.*"}) > 0', for: '15m', labels: { severity: 'warning' } },
            ],
          },
        ],
      },
    };
    const alerts = alertsOf(defective);
    expect(alerts.filter((alert) => durationSeconds(alert.for) === 0).map((alert) => alert.alert)).toEqual(['Instant']);
    expect(await alertsWhereHolds(defective, alerts.slice(1, 2), [], DAY, true)).toEqual(['AbsentForever']);
    const failed = { namespace: 'n', job_name: 'check-1' };
    expect(await alertsWhereHolds(defective, alerts.slice(2), [{ series: seriesText('kube_job_status_failed', failed), values: `1+0x${DAY / 60}` }], DAY / 2, true)).toEqual(['Latching']);
  }, 120_000);
});
