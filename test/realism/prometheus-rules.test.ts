/**
 * Every PrometheusRule the compiler emits for sample-repo and the golden emit fixtures, checked by
 * Prometheus' own tools (`promtool`, Debian's `prometheus` package):
 * - `promtool check rules` accepts its spec (syntax, PromQL, templates);
 * - `promtool test rules`: each alert fires on synthetic series that break it exactly when its `for`
 *   has elapsed, and stays silent on series that do not (series derived from the expression by
 *   `support/alert-series-model.ts`; drift series are the ones the drift check pushes);
 * - the known defects of the emitted rules (`support/known-emitter-defects.ts`) are still exactly where
 *   they were.
 */
import { describe, expect, it } from 'vitest';
import { emittedPrometheusRules, type EmittedAlertRule, type EmittedPrometheusRule } from './support/emitted-prometheus-rules.ts';
import { KNOWN_EMITTER_DEFECTS, type KnownEmitterDefect } from './support/known-emitter-defects.ts';
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
const DETECTORS: Record<KnownEmitterDefect['id'], () => Promise<string[]>> = {
  'for-0m': async () => emitted.flatMap(alertsOf).filter((alert) => durationSeconds(alert.for) === 0).map((alert) => alert.alert),
  // With no series at all for a day, an alert should be silent (an absent target is not an outage forever).
  'fires-forever-without-series': async () => {
    const found: string[] = [];
    for (const rule of emitted) found.push(...(await alertsWhereHolds(rule, alertsOf(rule), [], DAY, true)));
    return found;
  },
  // One failed run at t = 0 (its Job kept a day), a successful run every hour after it: silent 12 h later.
  'failed-job-latches': async () => {
    const found: string[] = [];
    for (const rule of emitted) {
      for (const alert of alertsOf(rule)) {
        const selectorText = new RegExp(SELECTOR_SOURCE).exec(alert.expr)?.[0];
        if (!selectorText || parseSelector(selectorText).metric !== 'kube_job_status_failed') continue;
        const failed = selectedLabels(parseSelector(selectorText));
        const series = [
          { series: seriesText('kube_job_status_failed', failed), values: `1+0x${DAY / 60}` },
          ...[1, 2, 3].map((hour) => ({ series: seriesText('kube_job_status_succeeded', { ...failed, job_name: `${failed.job_name}${hour}` }), values: `${'_ '.repeat(hour * 60)}1+0x${DAY / 60 - hour * 60}`.trim() })),
        ];
        found.push(...(await alertsWhereHolds(rule, [alert], series, DAY / 2, true)));
      }
    }
    return found;
  },
};

describe('known defects of the emitted alerting rules (fix the emitter, then remove the entry)', () => {
  it.each(KNOWN_EMITTER_DEFECTS)('$id is still present in exactly: $alerts', async (defect) => {
    const found = [...new Set(await DETECTORS[defect.id]())].sort();
    expect(found, `${defect.id}: ${defect.description}`).toEqual([...defect.alerts].sort());
  }, 120_000);
});
