import { describe, expect, it } from 'vitest';
import { daysUntil } from '../../../compiler/plan/ml/waiver-notes.ts';
import { plan } from '../../../compiler/plan/plan.ts';
import { smallOrg, teamFile, toTree } from '../support/small-org.ts';

const NOW = new Date('2026-11-27T09:30:00Z');
const base = smallOrg(['fraud']);

function waivers(...entries: string[]): string {
  return `policies:\n  waivers:\n${entries.map((entry) => `    - ${entry}\n`).join('')}`;
}

describe('waiver notes', () => {
  it('tells new waivers in use from unused ones, with the real policy engine', () => {
    const undigested = teamFile('fraud', '1.1.0', waivers(
      '{ rule: ml/model-digest, target: models/fraud-model, justification: digest pending, ticket: SEC-1, approvedBy: "@sec", expires: 2026-12-20 }',
      '{ rule: k8s/no-latest-tag, target: deployments/fraud-api, justification: not needed, ticket: SEC-2, approvedBy: "@sec", expires: 2026-12-01 }',
    )).replace(/("1\.1\.0": \{ artifact: s3:\/\/models\/fraud\/1\.1\.0), digest: "[^"]+"/, '$1');
    const result = plan(toTree(base), toTree({ ...base, 'teams/fraud/mlops.yaml': undigested }), { now: NOW, author: '@maria' });
    expect(result.status).toBe('ok');
    expect(result.ml.waivers.map((note) => [note.rule, note.action, note.status, note.expiresInDays, note.coversChange])).toEqual([
      ['k8s/no-latest-tag', 'added', 'unused', 4, true],
      ['ml/model-digest', 'added', 'in-use', 23, true],
    ]);
    expect(result.approvals.rules.filter((rule) => rule.kind === 'waiver-approver').map((rule) => rule.id)).toEqual(['waiver:fraud:k8s/no-latest-tag:deployments/fraud-api', 'waiver:fraud:ml/model-digest:models/fraud-model']);
    expect(result.risk.reasons.map((reason) => reason.text)).toContain('New or renewed waivers: k8s/no-latest-tag for fraud/deployments/fraud-api, ml/model-digest for fraud/models/fraud-model.');
  });

  it('counts whole days to the last day of a waiver', () => {
    expect(daysUntil('2026-11-27', NOW)).toBe(0);
    expect(daysUntil('2026-11-26', NOW)).toBe(-1);
    expect(daysUntil('2027-01-01', NOW)).toBe(35);
  });
});
