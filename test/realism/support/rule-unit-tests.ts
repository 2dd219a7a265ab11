/**
 * promtool unit-test files (`promtool test rules`) for the emitted alerts: for each alert, every
 * breaking scenario must be silent one evaluation before its `for` has elapsed, fire exactly when it
 * has, and still fire an hour later; every healthy scenario must stay silent throughout.
 *
 * The unit tests load the rules without their annotations: promtool compares annotations too, and
 * they render `$value`, which is not what these tests are about (`promtool check rules` checks the
 * unmodified rules, templates included).
 */
import { type AlertScenario, alertScenarios, type KnownGaugeSeries } from './alert-series-model.ts';
import type { EmittedAlertRule, EmittedDriftConfig, EmittedPrometheusRule } from './emitted-prometheus-rules.ts';

/** Seconds between two evaluations (and two samples). */
export const INTERVAL_SECONDS = 60;

/** How long after firing a breaking scenario must still fire. */
const STEADY_SECONDS = 3600;

/** Seconds of a Prometheus duration such as `10m`, `1h30m`, `90s` or `0m`. */
export function durationSeconds(text: string | undefined): number {
  if (text === undefined) return 0;
  const units: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) throw new Error(`not a Prometheus duration: ${text}`);
  return parts.reduce((sum, part) => sum + Number(part[1]) * units[part[2]!]!, 0);
}

/** The rule file for unit tests: the spec without annotations. */
export function rulesWithoutAnnotations(spec: EmittedPrometheusRule['spec']): unknown {
  return { groups: spec.groups.map((group) => ({ ...group, rules: group.rules.map(({ annotations: _annotations, ...rule }) => rule) })) };
}

/** The series the drift check pushes for the rule's deployment (as the Pushgateway exposes them), for gauges of its metric. */
export function pushedDriftSeries(rule: EmittedAlertRule, configs: readonly EmittedDriftConfig[]): KnownGaugeSeries {
  return (selector) => {
    const config = configs.find((candidate) => candidate.deployment === rule.labels?.deployment && candidate.push.metric === selector.metric);
    return config?.features.map((feature) => ({ ...config.push.labels, feature, instance: '', job: config.push.job, method: config.method }));
  };
}

/** When the alert of a scenario must fire (seconds from t = 0). */
export function firingTime(rule: EmittedAlertRule, scenario: AlertScenario): number {
  return scenario.firstValueAt + Math.ceil(durationSeconds(rule.for) / INTERVAL_SECONDS) * INTERVAL_SECONDS;
}

type Expectation = { eval_time: string; alertname: string; exp_alerts: { exp_labels: Record<string, string> }[] };

function expectation(rule: EmittedAlertRule, seconds: number, firing: readonly Readonly<Record<string, string>>[]): Expectation {
  return { eval_time: `${seconds}s`, alertname: rule.alert, exp_alerts: firing.map((labels) => ({ exp_labels: { ...rule.labels, ...labels } })) };
}

/** A promtool test group: the scenario's series and the alerts expected at given times. */
export function testGroup(scenario: AlertScenario, expectations: readonly Expectation[]): unknown {
  return { interval: `${INTERVAL_SECONDS}s`, input_series: scenario.series, alert_rule_test: expectations };
}

/** The promtool unit-test file of one alert and the scenario names in the order of its groups. */
export function alertUnitTest(rule: EmittedAlertRule, configs: readonly EmittedDriftConfig[], ruleFile: string): { file: unknown; scenarios: string[]; shape: string } {
  const latest = (60 + durationSeconds(rule.for) + STEADY_SECONDS) / 60 + 5;
  const model = alertScenarios(rule.expr, latest, pushedDriftSeries(rule, configs));
  const groups: unknown[] = [];
  const names: string[] = [];
  for (const scenario of model.breaking) {
    const fireAt = firingTime(rule, scenario);
    const before = fireAt > scenario.firstValueAt ? [expectation(rule, fireAt - INTERVAL_SECONDS, [])] : [];
    groups.push(testGroup(scenario, [...before, expectation(rule, fireAt, scenario.firing), expectation(rule, fireAt + STEADY_SECONDS, scenario.firing)]));
    names.push(`breaks: ${scenario.name} — silent at ${fireAt - INTERVAL_SECONDS}s, fires at ${fireAt}s and ${fireAt + STEADY_SECONDS}s`);
  }
  for (const scenario of model.healthy) {
    const fireAt = firingTime(rule, scenario);
    groups.push(testGroup(scenario, [expectation(rule, fireAt, []), expectation(rule, fireAt + STEADY_SECONDS, [])]));
    names.push(`healthy: ${scenario.name} — silent at ${fireAt}s and ${fireAt + STEADY_SECONDS}s`);
  }
  return { file: { rule_files: [ruleFile], evaluation_interval: `${INTERVAL_SECONDS}s`, tests: groups }, scenarios: names, shape: model.shape };
}

