/**
 * The series model of the promtool tests on every shape it knows, including shapes the emitter does not
 * produce today (an availability ratio without `absent`, the age of a timestamp gauge): the scenarios it
 * derives must hold under promtool for a rule of that shape.
 */
import { describe, expect, it } from 'vitest';
import { alertScenarios } from './support/alert-series-model.ts';
import type { EmittedAlertRule } from './support/emitted-prometheus-rules.ts';
import { promtool } from './support/promtool.ts';
import { alertUnitTest } from './support/rule-unit-tests.ts';

const MATCH = 'namespace="team-prod",mlops_deployment="api"';
const RULES: EmittedAlertRule[] = [
  { alert: 'Latency', expr: `histogram_quantile(0.95, sum by (le) (rate(request_seconds_bucket{${MATCH}}[5m]))) > 0.25`, for: '5m', labels: { severity: 'warning' } },
  { alert: 'Errors', expr: `sum(rate(requests_total{${MATCH},status=~"5.."}[10m])) / sum(rate(requests_total{${MATCH}}[10m])) * 100 > 2`, for: '10m', labels: { severity: 'page' } },
  { alert: 'Availability', expr: `(1 - sum(rate(requests_total{${MATCH},status=~"5.."}[1h])) / sum(rate(requests_total{${MATCH}}[1h]))) * 100 < 99`, for: '15m', labels: {} },
  { alert: 'Drift', expr: `max by (feature) (drift_score{${MATCH},method="ks"}) > 0.3`, for: '1h', labels: {} },
  { alert: 'CheckStale', expr: `time() - max(last_success_timestamp_seconds{${MATCH}}) > 7200`, for: '10m', labels: {} },
];

describe('alert series model', () => {
  it.each(RULES.map((rule) => ({ alert: rule.alert, rule })))('$alert: breaking and healthy scenarios hold under promtool', async ({ rule }) => {
    const { file, scenarios } = alertUnitTest(rule, [], 'rules.yaml');
    const outcome = await promtool(['test', 'rules', 'test.yaml'], { 'rules.yaml': { groups: [{ name: 'g', rules: RULES }] }, 'test.yaml': file });
    expect(outcome.code, `${scenarios.join('\n')}\n${outcome.output}`).toBe(0);
  });

  it('refuses an expression of a shape it does not know', () => {
    expect(() => alertScenarios('rate(x{a="b"}[5m]) > 1', 60, () => undefined)).toThrow('no series model for the expression shape of: rate(x{a="b"}[5m]) > 1');
  });
});
