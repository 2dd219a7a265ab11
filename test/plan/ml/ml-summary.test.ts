import { describe, expect, it } from 'vitest';
import { formatMemory, parseQuantity } from '../../../compiler/plan/ml/quantities.ts';
import { plan } from '../../../compiler/plan/plan.ts';
import { describeCapacity, describePipeline, describeRollout } from '../../../compiler/plan/report/describe-ml.ts';
import { fakeCompile } from '../support/fake-compile.ts';
import { smallOrg, teamFile, toTree } from '../support/small-org.ts';

const NOW = new Date('2026-11-27T00:00:00Z');
const base = smallOrg(['fraud']);
const PLAIN = { code: (text: string) => text, text: (text: string) => text, strong: (text: string) => text };

function planTeam(file: string) {
  return plan(toTree(base), toTree({ ...base, 'teams/fraud/mlops.yaml': file }), { compile: fakeCompile, now: NOW });
}

describe('quantities', () => {
  it('parses Kubernetes quantities', () => {
    expect([parseQuantity('500m'), parseQuantity('2'), parseQuantity('1.5'), parseQuantity('4Gi'), parseQuantity('1G'), parseQuantity(3), parseQuantity('bogus')]).toEqual([0.5, 2, 1.5, 4 * 2 ** 30, 1e9, 3, 0]);
    expect([formatMemory(3 * 2 ** 30), formatMemory(-512 * 2 ** 20), formatMemory(100)]).toEqual(['3 GiB', '-512 MiB', '100 B']);
  });
});

describe('ML summary', () => {
  it('sums requested compute deltas per environment at min and max replicas', () => {
    const result = planTeam(teamFile('fraud').replace('prod: { version: "1.0.0", replicas: { min: 2, max: 4 } }', 'prod: { version: "1.0.0", replicas: { min: 3, max: 4 }, resources: { cpu: "1", memory: 2Gi, gpu: 1 } }'));
    expect(result.ml.capacity).toEqual([{ environment: 'prod', atMinReplicas: { cpu: 2, memory: 4 * 2 ** 30, gpu: 3 }, atMaxReplicas: { cpu: 2, memory: 4 * 2 ** 30, gpu: 4 } }]);
    expect(describeCapacity(result.ml.capacity[0]!, PLAIN)).toBe('prod: CPU +2, memory +4 GiB, GPU +3 at min replicas; CPU +2, memory +4 GiB, GPU +4 at max replicas');
    expect(result.ml.rollouts[0]).toMatchObject({ environment: 'prod', tier: 'production', aspects: ['replicas', 'resources'] });
    expect(result.risk.reasons.map((reason) => reason.text)).toContain('More GPUs requested in prod.');
  });

  it('describes an A/B test replacing a canary', () => {
    const result = planTeam(
      teamFile('fraud').replace('prod: { version: "1.0.0", replicas: { min: 2, max: 4 } }', 'prod: { version: "1.0.0", replicas: { min: 2, max: 4 }, abTest: { variants: [{ name: old, version: "1.0.0", traffic: 70 }, { name: new, version: "1.1.0", traffic: 30 }] } }'),
    );
    expect(describeRollout(result.ml.rollouts[0]!, PLAIN)).toBe('fraud/fraud-api in prod (prod-eu): no canary → A/B old fraud-model@1.0.0 70%, new fraud-model@1.1.0 30%');
  });

  it('reports model versions, schedules and monitors', () => {
    const file = teamFile('fraud')
      .replace(/\n {6}"1\.1\.0": [^\n]+/, '\n      "1.2.0": { artifact: s3://models/fraud/1.2.0 }')
      .replace('  train:\n', '  train:\n    schedule: "0 3 * * 1"\n')
      .replace('slo: { latencyP99Ms: 100 }', 'slo: { latencyP99Ms: 80 }');
    const result = planTeam(file);
    expect(result.ml.versions.map((change) => `${change.action} ${change.model}@${change.version}`)).toEqual(['removed fraud-model@1.1.0', 'added fraud-model@1.2.0']);
    expect(result.ml.pipelines.map((change) => describePipeline(change, PLAIN))).toEqual(['fraud/train (dev): schedule manual → 0 3 * * 1']);
    expect(result.ml.monitors).toEqual([
      { team: 'fraud', deployment: 'fraud-api', action: 'changed', before: ['latency p99 ≤ 100 ms', 'drift psi > 0.2 on amount (0 * * * *)'], after: ['latency p99 ≤ 80 ms', 'drift psi > 0.2 on amount (0 * * * *)'] },
    ]);
  });
});
