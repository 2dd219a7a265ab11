import { describe, expect, it } from 'vitest';
import { entryHash } from '../../compiler/audit/audit-entry.ts';
import { deployCommitLink } from '../../compiler/deploy/commit-trailers.ts';
import { deploy, withApprovals } from '../../compiler/deploy/deploy.ts';
import type { DeployInput, DeployPlanned } from '../../compiler/deploy/deploy-model.ts';
import { includedDeploy } from '../../compiler/deploy/included-deploy.ts';
import { smallOrg, teamFile, toTree } from '../plan/support/small-org.ts';

const NOW = '2026-12-02T08:00:00.000Z';
const DIGEST = `digest: "sha256:${'ab'.repeat(32)}", `;
const WAIVER = 'policies:\n  waivers:\n    - { rule: ml/model-digest, target: models/fraud-model, justification: "registry migration pending", ticket: SEC-9, approvedBy: "@sec-lead", expires: "2026-12-20" }\n';

/** The fraud team serving 1.1.0 in dev, which has no digest, under a waiver of ml/model-digest. */
function waivedFraud(): string {
  const text = teamFile('fraud', '1.1.0', WAIVER);
  const second = text.indexOf(DIGEST, text.indexOf(DIGEST) + 1);
  return text.slice(0, second) + text.slice(second + DIGEST.length);
}

function input(files: Record<string, string>, previous: Record<string, string> | undefined, reviews: DeployInput['metadata']['reviews'], base?: DeployPlanned): DeployInput {
  return {
    source: toTree(files),
    ...(previous ? { previousSource: toTree(previous) } : {}),
    repo: base ? { generated: base.files, state: base.state, lastEntry: base.waiverEntries.at(-1) ?? base.entry, handEdits: [], registry: base.writes.find((file) => file.path === 'registry.json')!.content } : { generated: new Map() },
    metadata: { sourceRepo: 'acme/config', sha: 'c'.repeat(40), pullRequest: 9, reviews, author: 'alice', actor: 'merger', time: NOW },
    destination: { repo: 'acme/deploy', branch: 'main' },
  };
}

function planned(outcome: ReturnType<typeof deploy>): DeployPlanned {
  if (outcome.status !== 'deployed') throw new Error(`expected a deploy, got ${outcome.status}: ${JSON.stringify(outcome).slice(0, 600)}`);
  return outcome;
}

const v1 = smallOrg(['fraud', 'search']);
const first = planned(deploy({ ...input(v1, undefined, []), metadata: { ...input(v1, undefined, []).metadata, sha: 'a'.repeat(40) } }));

describe('waiver-used entries', () => {
  it('every waiver the deployed change relies on gets its own entry after the deploy entry, in the same commit', () => {
    const v2 = { ...v1, 'teams/fraud/mlops.yaml': waivedFraud() };
    const result = planned(deploy(input(v2, v1, [{ reviewer: 'sec-lead' }, { reviewer: 'bob', memberOf: ['@acme/fraud'] }], first)));
    expect(result.entry.policy.waivers).toEqual([{ rule: 'ml/model-digest', target: 'models/fraud-model', team: 'fraud', ticket: 'SEC-9', approvedBy: '@sec-lead', expires: '2026-12-20' }]);
    expect(result.waiverEntries).toHaveLength(1);
    const [used] = result.waiverEntries;
    expect(used).toMatchObject({
      seq: result.entry.seq + 1,
      prev: result.entry.hash,
      event: 'waiver-used',
      actor: 'merger',
      source: { sha: 'c'.repeat(40), pr: 9, author: 'alice' },
      teams: ['fraud'],
      changes: [],
      waiver: { rule: 'ml/model-digest', target: 'models/fraud-model', team: 'fraud', ticket: 'SEC-9', approvedBy: '@sec-lead', expires: '2026-12-20', justification: 'registry migration pending' },
      approvals: [{ id: 'waiver:fraud:ml/model-digest:models/fraud-model', count: 1, approvedBy: ['sec-lead'], satisfied: true }],
      approvers: ['sec-lead'],
      deploy: result.entry.deploy,
    });
    expect(used!.message).toContain('granted by @sec-lead (SEC-9), expires 2026-12-20');
    expect(used!.hash).toBe(entryHash(used!));
    expect(deployCommitLink(result.commitMessage)).toMatchObject({ auditSeq: result.entry.seq, lastAuditSeq: used!.seq });
  });

  it('a deploy that relies on no waiver appends none, and names no last sequence number', () => {
    const result = planned(deploy(input({ ...v1, 'teams/search/mlops.yaml': teamFile('search', '1.1.0') }, v1, [], first)));
    expect(result.waiverEntries).toEqual([]);
    expect(deployCommitLink(result.commitMessage)?.lastAuditSeq).toBeUndefined();
  });
});

describe('withApprovals', () => {
  it('re-evaluates the approvals with resolved team memberships and re-chains every entry, without rendering again', () => {
    const v2 = { ...v1, 'teams/fraud/mlops.yaml': waivedFraud() };
    const unresolved = planned(deploy(input(v2, v1, [{ reviewer: 'bob' }, { reviewer: 'sec-lead' }], first)));
    expect(unresolved.entry.approvals.find((approval) => approval.id === 'team:fraud')).toMatchObject({ approvedBy: [], satisfied: false });
    const resolved = withApprovals(unresolved, [{ reviewer: 'bob', memberOf: ['@acme/fraud'] }, { reviewer: 'sec-lead' }], first.entry);
    expect(resolved.writes).toBe(unresolved.writes);
    expect(resolved.entry.approvals.find((approval) => approval.id === 'team:fraud')).toEqual({ id: 'team:fraud', count: 1, approvedBy: ['bob'], satisfied: true });
    expect(resolved.entry.hash).not.toBe(unresolved.entry.hash);
    expect(resolved.entry.hash).toBe(entryHash(resolved.entry));
    expect(resolved.waiverEntries[0]!.prev).toBe(resolved.entry.hash);
  });
});

describe('the record of a superseded merge', () => {
  it('names the including deploy commit, takes its tree hash and policy results, and evaluates its own change', () => {
    const older = { ...v1, 'teams/fraud/mlops.yaml': teamFile('fraud', '1.1.0') };
    const including = planned(deploy(input({ ...older, 'teams/search/mlops.yaml': teamFile('search', '1.1.0') }, v1, [], first)));
    const records = includedDeploy({
      source: toTree(older),
      previousSource: toTree(v1),
      metadata: { sourceRepo: 'acme/config', sha: 'b'.repeat(40), pullRequest: 7, author: 'alice', reviews: [{ reviewer: 'bob', memberOf: ['@acme/fraud'] }, { reviewer: 'alice' }], actor: 'merger', time: '2026-12-02T08:05:00.000Z' },
      destination: { repo: 'acme/deploy', branch: 'main' },
      includedIn: 'd'.repeat(40),
      including: including.entry,
      treeHash: including.entry.deploy.treeHash,
      lastEntry: including.entry,
    });
    expect(records.waiverEntries).toEqual([]);
    expect(records.entry).toMatchObject({
      seq: including.entry.seq + 1,
      prev: including.entry.hash,
      event: 'deploy',
      source: { sha: 'b'.repeat(40), pr: 7, author: 'alice' },
      deploy: { includedIn: 'd'.repeat(40), treeHash: including.entry.deploy.treeHash },
      teams: ['fraud'],
      environments: ['dev'],
      approvers: ['bob'],
      approvals: [{ id: 'team:fraud', count: 1, approvedBy: ['bob'], satisfied: true }],
      policy: including.entry.policy,
    });
    expect(records.entry.changes).toEqual([expect.objectContaining({ team: 'fraud', environment: 'dev', versionBefore: '1.0.0', versionAfter: '1.1.0' })]);
    expect(deployCommitLink(records.commitMessage)).toMatchObject({ sourceSha: 'b'.repeat(40), event: 'deploy', includedIn: 'd'.repeat(40), auditSeq: records.entry.seq });
    expect(records.commitMessage.split('\n')[0]).toContain('deploy recorded, included in dddddddddddd');
  });
});
