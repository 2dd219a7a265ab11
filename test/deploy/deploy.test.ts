import { describe, expect, it } from 'vitest';
import { deploy } from '../../compiler/deploy/deploy.ts';
import type { DeployInput, DeployPlanned, DeployRepoSnapshot } from '../../compiler/deploy/deploy-model.ts';
import { gitBlobId } from '../../compiler/deploy/deploy-state.ts';
import { compile } from '../../compiler/pipeline.ts';
import { PLATFORM, smallOrg, teamFile, toTree } from '../plan/support/small-org.ts';

const NOW = '2026-12-02T08:00:00.000Z';
const TEAMS = ['fraud', 'search', 'vision'];

function input(files: Record<string, string>, repo: DeployRepoSnapshot, previous?: Record<string, string>, extra: Partial<DeployInput['metadata']> = {}): DeployInput {
  return {
    source: toTree(files),
    ...(previous ? { previousSource: toTree(previous) } : {}),
    repo,
    metadata: { sourceRepo: 'acme/config', sha: `${Object.keys(files).length}`.padEnd(40, 'a'), reviews: [{ reviewer: 'bob' }, { reviewer: 'alice' }], author: 'alice', actor: 'merger', time: NOW, ...extra },
    destination: { repo: 'acme/deploy', branch: 'main' },
  };
}

/** A deploy repo holding exactly what `planned` left, with contents kept for the next deploy. */
class FakeDeployRepo {
  readonly contents = new Map<string, string>();
  snapshot: DeployRepoSnapshot = { generated: new Map() };

  apply(planned: DeployPlanned): void {
    for (const path of planned.deletions) this.contents.delete(path);
    for (const file of planned.writes) this.contents.set(file.path, file.content);
    const generated = new Map([...this.contents].map(([path, content]) => [path, gitBlobId(content)]));
    const registry = this.contents.get('registry.json');
    this.snapshot = { generated, ...(registry !== undefined ? { registry } : {}), state: planned.state, lastEntry: planned.entry, handEdits: [] };
  }
}

function planned(outcome: ReturnType<typeof deploy>): DeployPlanned {
  if (outcome.status !== 'deployed') throw new Error(`expected a deploy, got ${outcome.status}: ${JSON.stringify(outcome).slice(0, 400)}`);
  return outcome;
}

describe('deploy (pure core)', () => {
  const v1 = smallOrg(TEAMS);
  const v2 = { ...v1, 'teams/search/mlops.yaml': teamFile('search', '1.1.0') };

  it('renders everything first, then only the changed team — with the bytes a full render gives', () => {
    const repo = new FakeDeployRepo();
    const first = planned(deploy(input(v1, repo.snapshot)));
    expect(first.incremental).toBe(false);
    expect(first.entry).toMatchObject({ seq: 1, event: 'deploy', approvers: ['bob'], teams: TEAMS });
    repo.apply(first);
    const second = planned(deploy(input(v2, repo.snapshot, v1, { sha: 'b'.repeat(40) })));
    expect(second.incremental).toBe(true);
    expect(second.renderedTeams).toEqual(['search']);
    expect(second.writes.map((file) => file.path)).toEqual(expect.arrayContaining(['registry.json', 'clusters/dev-eu/search/inferenceservice-search-api.yaml']));
    expect(second.writes.every((file) => file.path === 'registry.json' || file.path.includes('/search/'))).toBe(true);
    expect(second.entry).toMatchObject({ seq: 2, prev: first.entry.hash, teams: ['search'], environments: ['dev'] });
    expect(second.entry.changes).toEqual([expect.objectContaining({ team: 'search', environment: 'dev', versionBefore: '1.0.0', versionAfter: '1.1.0', action: 'changed' })]);
    expect(second.entry.approvals).toEqual([{ id: 'team:search', count: 1, approvedBy: [], satisfied: false }]);
    repo.apply(second);
    const full = compile(toTree(v2), { now: new Date(NOW) });
    expect(new Map(full.files.map((file) => [file.path, file.content]))).toEqual(repo.contents);
  });

  it('renders every team when platform.yaml changed, and deletes the files of a removed team', () => {
    const repo = new FakeDeployRepo();
    repo.apply(planned(deploy(input(v1, repo.snapshot))));
    const platformChanged = { ...v1, 'platform.yaml': PLATFORM.replace('approvals: 2', 'approvals: 1') };
    expect(planned(deploy(input(platformChanged, repo.snapshot, v1, { sha: 'c'.repeat(40) }))).incremental).toBe(false);
    const { 'teams/vision/mlops.yaml': _removed, 'teams/vision/cards/model.md': _card, ...withoutVision } = v1;
    const removal = planned(deploy(input(withoutVision, repo.snapshot, v1, { sha: 'd'.repeat(40) })));
    expect(removal.incremental).toBe(true);
    expect(removal.deletions.length).toBeGreaterThan(0);
    expect(removal.deletions.every((path) => path.split('/')[2] === 'vision')).toBe(true);
    expect(removal.files.get('clusters/dev-eu/vision/namespace-vision-dev.yaml')).toBeUndefined();
    expect(removal.files.get('clusters/dev-eu/fraud/namespace-fraud-dev.yaml')).toBe(repo.snapshot.generated.get('clusters/dev-eu/fraud/namespace-fraud-dev.yaml'));
    repo.apply(removal);
    expect(JSON.parse(repo.contents.get('registry.json')!).teams).not.toHaveProperty('vision');
  });

  it('is a no-op for the SHA already deployed', () => {
    const repo = new FakeDeployRepo();
    const first = planned(deploy(input(v1, repo.snapshot)));
    repo.apply(first);
    expect(deploy(input(v1, repo.snapshot))).toEqual({ status: 'already-deployed' });
  });

  it('writes no file on render errors, only a deploy-failed entry naming the first error', () => {
    const repo = new FakeDeployRepo();
    const first = planned(deploy(input(v1, repo.snapshot)));
    repo.apply(first);
    const broken = { ...v1, 'teams/fraud/mlops.yaml': teamFile('fraud').replace('model: fraud-model', 'modl: fraud-model') };
    const outcome = deploy(input(broken, repo.snapshot, v1, { sha: 'e'.repeat(40) }));
    expect(outcome.status).toBe('failed');
    if (outcome.status !== 'failed') return;
    expect(outcome.reason).toBe('render-errors');
    expect(outcome.entry).toMatchObject({ seq: 2, prev: first.entry.hash, event: 'deploy-failed', teams: ['fraud'], changes: [] });
    expect(outcome.entry.message).toMatch(/^Render failed with \d+ error\(s\); first: teams\/fraud\/mlops\.yaml:\d+:\d+ ML\d+ /);
    expect(outcome.commitMessage).toMatch(/^deploy failed: acme\/config@eeeeeeeeeeee — fraud\n/);
  });

  it('refuses to overwrite hand edits since the last deploy commit: edited, deleted and added generated files', () => {
    const repo = new FakeDeployRepo();
    repo.apply(planned(deploy(input(v1, repo.snapshot))));
    const handEdits = [
      { path: 'clusters/dev-eu/search/namespace-search-dev.yaml', kind: 'deleted' as const },
      { path: 'clusters/dev-eu/fraud/namespace-fraud-dev.yaml', kind: 'edited' as const },
      { path: 'clusters/dev-eu/search/extra.yaml', kind: 'added' as const },
    ];
    const outcome = deploy(input(v2, { ...repo.snapshot, handEdits }, v1, { sha: 'f'.repeat(40) }));
    expect(outcome).toMatchObject({
      status: 'failed',
      reason: 'drift',
      drift: [
        { path: 'clusters/dev-eu/fraud/namespace-fraud-dev.yaml', kind: 'edited' },
        { path: 'clusters/dev-eu/search/extra.yaml', kind: 'added' },
        { path: 'clusters/dev-eu/search/namespace-search-dev.yaml', kind: 'deleted' },
      ],
    });
  });

  it('on a first deploy, accepts files identical to what it would write and refuses others', () => {
    const full = compile(toTree(v1), { now: new Date(NOW) });
    const same = new Map(full.files.map((file) => [file.path, gitBlobId(file.content)]));
    expect(deploy(input(v1, { generated: same })).status).toBe('deployed');
    same.set('clusters/dev-eu/fraud/handmade.yaml', gitBlobId('x'));
    expect(deploy(input(v1, { generated: same }))).toMatchObject({ status: 'failed', drift: [{ path: 'clusters/dev-eu/fraud/handmade.yaml', kind: 'added' }] });
  });

  it('records rollbacks and promotions as the caller says, with what each deployment serves', () => {
    const outcome = planned(deploy(input(v1, { generated: new Map() }, undefined, { event: 'rollback', pullRequest: 9 })));
    expect(outcome.entry.event).toBe('rollback');
    expect(outcome.commitMessage).toMatch(/^rollback: acme\/config@7aaaaaaaaaaa \(PR #9\)/);
    expect(outcome.commitMessage).toContain('\nMlops-Pull-Request: 9\nMlops-Author: alice\nMlops-Approved-By: bob\nMlops-Audit-Seq: 1\nMlops-Event: rollback\n');
    expect(outcome.entry.policy).toMatchObject({ passed: true, errors: 0 });
    expect(outcome.entry.changes).toContainEqual({ team: 'fraud', deployment: 'fraud-api', model: 'fraud-model', environment: 'prod', tier: 'production', riskTier: 'low', action: 'added', versionAfter: '1.0.0' });
  });
});
