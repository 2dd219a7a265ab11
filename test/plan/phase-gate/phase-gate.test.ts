/**
 * The phase gate: raising `rollout.phase` shows the current phase's criteria as measured and fails
 * unless all are met or validly waived; without evidence it fails with ML702; the plan report shows it.
 */
import { describe, expect, it } from 'vitest';
import type { SourceTree } from '../../../compiler/load/source-tree.ts';
import { plan } from '../../../compiler/plan/plan.ts';
import { renderReport } from '../../../compiler/plan/report/render-report.ts';
import { readPlanTemplates } from '../../../compiler/cli/templates-source.ts';
import type { RolloutEvidence } from '../../../compiler/report/evaluate-criteria.ts';
import type { Measurement } from '../../../compiler/report/report-model.ts';

const NOW = new Date('2026-03-31T12:00:00Z');

function platform(phase: number, rollout = ''): string {
  return [
    'apiVersion: mlops.cirruslabs.io/v1alpha1',
    'kind: Platform',
    'metadata: { name: acme, owners: ["@acme/platform", "@pat"] }',
    'rollout:',
    `  phase: ${phase}`,
    rollout,
    'environments:',
    '  dev: { clusters: [{ name: dev-eu, region: eu-west-1 }] }',
    '',
  ].join('\n');
}

function tree(text: string): SourceTree {
  return { files: [{ path: 'platform.yaml', content: new TextEncoder().encode(text) }], otherPaths: [] };
}

const measured = (value: number, unit: string): Measurement => ({ value, unit, method: 'test', events: 10 });
const missing: Measurement = { unit: '%', method: 'test', events: 0, reason: 'no Prometheus given (--prometheus URL)' };

function evidence(overrides: Partial<RolloutEvidence['measurements']> = {}): RolloutEvidence {
  return {
    source: 'deploy @ 1234567',
    window: { since: '2026-01-01', until: '2026-03-31' },
    measurements: {
      deploymentSuccess: measured(95, '%'),
      timeToDeploy: measured(1.5, 'h'),
      availability: measured(99.5, '%'),
      deploymentFrequency: measured(6, '×'),
      accuracyImprovement: measured(10, '%'),
      platformAdoption: missing,
      timeToMarket: missing,
      complianceScore: measured(100, '%'),
      ...overrides,
    },
  };
}

describe('phase gate', () => {
  it('is absent when the phase does not rise', () => {
    expect(plan(tree(platform(2)), tree(platform(2)), { now: NOW, rolloutEvidence: evidence() }).phaseGate).toBeUndefined();
    expect(plan(tree(platform(2)), tree(platform(1)), { now: NOW }).phaseGate).toBeUndefined();
  });

  it('passes when every criterion of the current phase is met', () => {
    const gate = plan(tree(platform(1)), tree(platform(2)), { now: NOW, rolloutEvidence: evidence() }).phaseGate!;
    expect(gate).toMatchObject({ fromPhase: 1, toPhase: 2, status: 'passed', diagnostics: [], evidence: { source: 'deploy @ 1234567' } });
    expect(gate.criteria.map((result) => [result.id, result.status])).toEqual([
      ['deploymentSuccess', 'met'],
      ['timeToDeploy', 'met'],
      ['availability', 'met'],
    ]);
  });

  it('fails with ML701 at rollout.phase naming the criteria not met or not measurable', () => {
    const result = plan(tree(platform(1)), tree(platform(2)), { now: NOW, rolloutEvidence: evidence({ deploymentSuccess: measured(80, '%'), availability: missing }) });
    const gate = result.phaseGate!;
    expect(gate.status).toBe('failed');
    expect(gate.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.file, diagnostic.range.start.line, diagnostic.range.start.column])).toEqual([['ML701', 'error', 'platform.yaml', 5, 10]]);
    expect(gate.diagnostics[0]!.message).toBe('Rollout phase 1 → 2: 2 success criteria are not met: Model deployment success (phase 1: not met), System uptime / availability (phase 1: not measurable yet).');
    expect(result.status).toBe('ok');
  });

  it('raising two phases gates on both phases left behind', () => {
    const gate = plan(tree(platform(1)), tree(platform(3)), { now: NOW, rolloutEvidence: evidence() }).phaseGate!;
    expect(gate.criteria.map((result) => `${result.phase}:${result.id}:${result.status}`)).toEqual(['1:deploymentSuccess:met', '1:timeToDeploy:met', '1:availability:met', '2:availability:met', '2:deploymentFrequency:met', '2:accuracyImprovement:not-met']);
    expect(gate.status).toBe('failed');
  });

  it('without evidence every criterion is not measurable and ML702 says how to provide it', () => {
    const gate = plan(tree(platform(1)), tree(platform(2)), { now: NOW }).phaseGate!;
    expect(gate.criteria.every((result) => result.status === 'not-measurable')).toBe(true);
    expect(gate.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['ML702']);
    expect(gate.diagnostics[0]!.hint).toContain('--deploy-repo');
  });

  it('a platform owner\'s waiver on the base lets a criterion pass; expired, too long or not an owner\'s do not', () => {
    const waiver = (approvedBy: string, expires: string) => `  criteriaWaivers:\n    - { criterion: availability, phase: 1, justification: "no Prometheus in the pilot clusters yet", ticket: PLAT-1, approvedBy: "${approvedBy}", expires: "${expires}" }`;
    const gateWith = (rollout: string) => plan(tree(platform(1, rollout)), tree(platform(2, rollout)), { now: NOW, rolloutEvidence: evidence({ availability: missing }) }).phaseGate!;
    const waived = gateWith(waiver('@pat', '2026-04-30'));
    expect(waived.status).toBe('passed');
    expect(waived.criteria.find((result) => result.id === 'availability')).toMatchObject({ status: 'waived', waiver: { valid: true, approvedBy: '@pat' } });
    expect(gateWith(waiver('@pat', '2026-03-30')).criteria[2]!.waiver).toMatchObject({ valid: false, problem: 'it expired on 2026-03-30' });
    expect(gateWith(waiver('@pat', '2026-12-30')).criteria[2]!.waiver!.problem).toBe('it runs 274 days; the platform allows at most 90');
    expect(gateWith(waiver('@mallory', '2026-04-30')).criteria[2]!.waiver!.problem).toBe('@mallory is not a platform owner (metadata.owners)');
    const notAnOwner = gateWith(waiver('@mallory', '2026-04-30'));
    expect(notAnOwner.status).toBe('failed');
    expect(notAnOwner.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.range.start.line])).toEqual([
      ['ML701', 'error', 5],
      ['ML703', 'warning', 7],
    ]);
    expect(notAnOwner.diagnostics[1]!.message).toBe('The waiver of availability (phase 1) does not apply: @mallory is not a platform owner (metadata.owners).');
    const onlyHead = plan(tree(platform(1)), tree(platform(2, waiver('@pat', '2026-04-30'))), { now: NOW, rolloutEvidence: evidence({ availability: missing }) }).phaseGate!;
    expect(onlyHead.status).toBe('failed');
  });

  it('targets come from the base: overrides and dropped criteria', () => {
    const rollout = '  successCriteria:\n    phase1: { deploymentSuccess: 99, availability: false }';
    const gate = plan(tree(platform(1, rollout)), tree(platform(2)), { now: NOW, rolloutEvidence: evidence({ availability: missing }) }).phaseGate!;
    expect(gate.criteria.map((result) => `${result.id}:${result.target}:${result.status}`)).toEqual(['deploymentSuccess:99:not-met', 'timeToDeploy:2:met']);
  });

  it('the plan comment shows the gate table and the finding under policy', async () => {
    const result = plan(tree(platform(1)), tree(platform(2)), { now: NOW, rolloutEvidence: evidence({ availability: missing }) });
    const { comment } = renderReport(result, await readPlanTemplates());
    expect(comment).toContain('### Phase gate: ❌ failed');
    expect(comment).toMatch(/\| 1 \| System uptime \/ availability \| &#62; 95 % \| not measurable yet \(no Prometheus given \(--prometheus URL\)\) \| ⏳ not measurable yet \| 0 \|/);
    expect(comment).toContain('<code>ML701</code>');
  });
});
