import { describe, expect, it } from 'vitest';
import { evaluateApprovals } from '../../../compiler/plan/approvals/evaluate-approvals.ts';
import { plan } from '../../../compiler/plan/plan.ts';
import { fakeCompile } from '../support/fake-compile.ts';
import { PLATFORM, smallOrg, teamFile, toTree } from '../support/small-org.ts';

const NOW = new Date('2026-11-27T00:00:00Z');
const base = smallOrg(['fraud', 'search']);

function planHead(head: Record<string, string>, author = '@maria') {
  return plan(toTree(base), toTree(head), { compile: fakeCompile, now: NOW, author });
}

const WAIVER = (approvedBy: string, expires = '2026-12-31') => `policies:
  waivers:
    - { rule: ml/model-card, target: deployments/fraud-api, justification: card in review, ticket: SEC-9, approvedBy: "${approvedBy}", expires: ${expires} }
`;

describe('required approvals', () => {
  it('asks the owners of a touched team and nothing more for a dev-only change', () => {
    const result = planHead({ ...base, 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') });
    expect(result.approvals.rules).toEqual([
      { id: 'team:fraud', kind: 'team-owners', reason: 'Changes to team fraud need an approval from the owners of team fraud.', approvers: ['@acme/fraud'], count: 1 },
    ]);
  });

  it('asks the owners the base declares, so a change cannot appoint its own reviewers', () => {
    const result = planHead({ ...base, 'teams/fraud/mlops.yaml': teamFile('fraud').replace('"@acme/fraud"', '"@maria"') });
    expect(result.approvals.rules.find((rule) => rule.id === 'team:fraud')?.approvers).toEqual(['@acme/fraud']);
  });

  it('asks the platform owners for platform.yaml and the protected environment count for prod', () => {
    const result = planHead({ ...base, 'platform.yaml': PLATFORM.replace('approvals: 2', 'approvals: 1'), 'teams/search/mlops.yaml': teamFile('search').replace('min: 2, max: 4', 'min: 3, max: 4') });
    expect(result.approvals.rules.map((rule) => [rule.id, rule.approvers, rule.count])).toEqual([
      ['platform', ['@acme/platform'], 1],
      ['team:search', ['@acme/search'], 1],
      ['environment:prod', [], 2],
    ]);
  });

  it('names the waiver approver and flags a waiver approved by the author', () => {
    const named = planHead({ ...base, 'teams/fraud/mlops.yaml': teamFile('fraud', '1.0.0', WAIVER('@sec-lead')) });
    expect(named.approvals.rules.find((rule) => rule.kind === 'waiver-approver')).toMatchObject({ id: 'waiver:fraud:ml/model-card:deployments/fraud-api', approvers: ['@sec-lead'], count: 1 });
    expect(named.approvals.conflicts).toEqual([]);
    const self = planHead({ ...base, 'teams/fraud/mlops.yaml': teamFile('fraud', '1.0.0', WAIVER('@Maria')) });
    expect(self.approvals.conflicts).toEqual(['The waiver of ml/model-card for deployments/fraud-api (team fraud, SEC-9) names @Maria as approver: the author cannot approve their own waiver.']);
    expect(self.risk.level).toBe('high');
  });
});

describe('evaluateApprovals', () => {
  const required = {
    author: '@maria',
    conflicts: [],
    rules: [
      { id: 'team:fraud', kind: 'team-owners' as const, reason: '', approvers: ['@acme/fraud'], count: 1 },
      { id: 'environment:prod', kind: 'environment' as const, reason: '', approvers: [], count: 2 },
    ],
  };

  it('never counts the author, and counts team membership', () => {
    const status = evaluateApprovals(required, [{ reviewer: 'maria', memberOf: ['@acme/fraud'] }, { reviewer: 'sam', memberOf: ['@ACME/fraud'] }]);
    expect(status.rules).toEqual([
      { id: 'team:fraud', satisfied: true, approvedBy: ['@sam'], missing: 0 },
      { id: 'environment:prod', satisfied: false, approvedBy: ['@sam'], missing: 1 },
    ]);
    expect(status.satisfied).toBe(false);
  });

  it('is satisfied when every rule is met, and never with a conflict', () => {
    const reviews = [{ reviewer: '@sam', memberOf: ['@acme/fraud'] }, { reviewer: '@ola' }, { reviewer: '@ola' }];
    expect(evaluateApprovals(required, reviews).satisfied).toBe(true);
    expect(evaluateApprovals({ ...required, conflicts: ['self-approved waiver'] }, reviews).satisfied).toBe(false);
  });
});
