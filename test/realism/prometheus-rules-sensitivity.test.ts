/**
 * The promtool unit tests can fail: the tests derived from each emitted alert of one PrometheusRule are
 * run against mutated copies of the rule (a longer or shorter `for`, a threshold moved 25 % either way,
 * another drift method) and promtool must report a failure for each.
 */
import { describe, expect, it } from 'vitest';
import { type EmittedAlertRule, type EmittedPrometheusRule, emittedPrometheusRules } from './support/emitted-prometheus-rules.ts';
import { promtool } from './support/promtool.ts';
import { alertUnitTest, durationSeconds, rulesWithoutAnnotations } from './support/rule-unit-tests.ts';

const rule = (await emittedPrometheusRules()).find((candidate) => candidate.spec.groups.flatMap((group) => group.rules).length >= 5)!;

/** Moves the threshold of `… > T` or `… < P or absent(…)` (an availability objective, moved by its error budget). */
function movedThreshold(expr: string, factor: number): string | undefined {
  const above = /> (\d+(?:\.\d+)?)$/.exec(expr);
  if (above && Number(above[1]) > 0) return expr.replace(/> (\d+(?:\.\d+)?)$/, `> ${Number(above[1]) * factor}`);
  const below = /< (\d+(?:\.\d+)?) or /.exec(expr);
  if (below) return expr.replace(below[0], `< ${100 - (100 - Number(below[1])) * factor} or `);
  return undefined;
}

const MUTATIONS: { name: string; mutate: (alert: EmittedAlertRule) => EmittedAlertRule | undefined }[] = [
  { name: 'for doubled (or 5m instead of 0m)', mutate: (alert) => ({ ...alert, for: `${Math.max(durationSeconds(alert.for) * 2, 300)}s` }) },
  { name: 'for halved', mutate: (alert) => (durationSeconds(alert.for) >= 120 ? { ...alert, for: `${durationSeconds(alert.for) / 2}s` } : undefined) },
  { name: 'threshold 25 % higher', mutate: (alert) => (movedThreshold(alert.expr, 1.25) ? { ...alert, expr: movedThreshold(alert.expr, 1.25)! } : undefined) },
  { name: 'threshold 25 % lower', mutate: (alert) => (movedThreshold(alert.expr, 0.75) ? { ...alert, expr: movedThreshold(alert.expr, 0.75)! } : undefined) },
  { name: 'another drift method', mutate: (alert) => (alert.expr.includes('method="') ? { ...alert, expr: alert.expr.replace(/method="[^"]*"/, 'method="other"') } : undefined) },
];

function withAlert(spec: EmittedPrometheusRule['spec'], mutated: EmittedAlertRule): EmittedPrometheusRule['spec'] {
  return { groups: spec.groups.map((group) => ({ ...group, rules: group.rules.map((candidate) => (candidate.alert === mutated.alert ? mutated : candidate)) })) };
}

describe(`promtool tests of ${rule.label} catch mutated rules`, () => {
  it.each(MUTATIONS)('$name', async ({ mutate }) => {
    const caught: string[] = [];
    const mutatedAlerts: string[] = [];
    for (const alert of rule.spec.groups.flatMap((group) => group.rules)) {
      const mutated = mutate(alert);
      if (!mutated) continue;
      mutatedAlerts.push(alert.alert);
      const { file } = alertUnitTest(alert, rule.driftConfigs, 'rules.yaml');
      const outcome = await promtool(['test', 'rules', 'test.yaml'], { 'rules.yaml': rulesWithoutAnnotations(withAlert(rule.spec, mutated)), 'test.yaml': file });
      if (outcome.code !== 0 && outcome.output.includes('FAILED')) caught.push(alert.alert);
    }
    expect(mutatedAlerts.length).toBeGreaterThan(0);
    expect(caught).toEqual(mutatedAlerts);
  }, 60_000);
});
