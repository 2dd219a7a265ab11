import { describe, expect, it } from 'vitest';
import { plan } from '../../../compiler/plan/plan.ts';
import { planText } from '../../../compiler/plan/report/plan-text.ts';
import { fakeCompile } from '../support/fake-compile.ts';
import { buildPlan, diagnosticAt } from '../support/plan-builder.ts';
import { smallOrg, teamFile, toTree } from '../support/small-org.ts';

const NOW = new Date('2026-11-27T00:00:00Z');

describe('planText', () => {
  it('says when the base does not compile, and why everything shows as added', () => {
    const base = smallOrg(['fraud']);
    const broken = { ...base, 'teams/fraud/mlops.yaml': teamFile('fraud').replace('model: fraud-model', 'modl: fraud-model') };
    const result = plan(toTree(broken), toTree(base), { compile: fakeCompile, now: NOW });
    expect(result.counts.removed + result.counts.changed).toBe(0);
    expect(result.diagnostics.resolved.map((diagnostic) => diagnostic.code)).toContain('ML201');
    const text = planText(result, { color: false });
    expect(text).toContain('! The base does not compile (1 error): its output is taken as empty.\n');
    expect(result.risk.reasons).toContainEqual({ level: 'medium', text: 'The base does not compile (1 error), so its output is taken as empty: every resource shows as added.' });
  });

  it('strips terminal escapes from user strings and colours only when asked', () => {
    const hostile = buildPlan({
      status: 'invalid-head',
      diagnostics: { head: [diagnosticAt('teams/x/mlops.yaml', 2, 3, 'ML201', 'bad \u001b[2J\u001b]0;pwned\u0007 key')], introduced: [], resolved: [], headErrors: 1, baseErrors: 0 },
      risk: { level: 'high', reasons: [{ level: 'high', text: 'The head does not compile (1 error).' }] },
    });
    const plain = planText(hostile, { color: false });
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('teams/x/mlops.yaml:2:3 error ML201 bad [2J]0;pwned key');
    expect(planText(hostile, { color: true })).toContain('\u001b[31m✖ The head does not compile (1 error).\u001b[0m');
  });
});
