import { describe, expect, it } from 'vitest';
import { type SourceTree, sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';
import { inputChanges } from '../../../compiler/plan/inputs/input-changes.ts';
import { plan } from '../../../compiler/plan/plan.ts';
import type { CompileResult } from '../../../compiler/pipeline.ts';
import { fakeCompile } from '../support/fake-compile.ts';
import { PLATFORM, smallOrg, teamFile, toTree } from '../support/small-org.ts';

const NOW = new Date('2026-11-27T00:00:00Z');

/** A compile that records the config paths of every tree it is given. */
function recordingCompile(): { compile: (tree: SourceTree) => CompileResult; calls: string[][] } {
  const calls: string[][] = [];
  return {
    calls,
    compile: (tree) => {
      calls.push(tree.files.map((file) => file.path).sort());
      return fakeCompile(tree);
    },
  };
}

describe('inputChanges', () => {
  it('lists added, changed and removed config files and other paths with their team', () => {
    const base = sourceTreeFromRecord({ 'platform.yaml': PLATFORM, 'teams/a/mlops.yaml': teamFile('a'), 'teams/b/mlops.yaml': teamFile('b') }, ['teams/a/cards/old.md']);
    const head = { files: [{ path: 'platform.yaml', content: new TextEncoder().encode(PLATFORM) }, { path: 'teams/a/mlops.yaml', content: teamFile('a', '1.1.0') }], otherPaths: ['teams/a/cards/new.md'] };
    expect(inputChanges(base, head)).toEqual([
      { path: 'teams/a/cards/new.md', action: 'added', role: 'other', team: 'a' },
      { path: 'teams/a/cards/old.md', action: 'removed', role: 'other', team: 'a' },
      { path: 'teams/a/mlops.yaml', action: 'changed', role: 'team', team: 'a' },
      { path: 'teams/b/mlops.yaml', action: 'removed', role: 'team', team: 'b' },
    ]);
  });
});

describe('incremental plans', () => {
  const base = smallOrg(['a', 'b', 'c']);

  it('compiles only platform.yaml and the changed team on each side', () => {
    const recorder = recordingCompile();
    const head = { ...base, 'teams/b/mlops.yaml': teamFile('b', '1.1.0') };
    const result = plan(toTree(base), toTree(head), { compile: recorder.compile, now: NOW });
    expect(recorder.calls).toEqual([
      ['platform.yaml', 'teams/b/mlops.yaml'],
      ['platform.yaml', 'teams/b/mlops.yaml'],
    ]);
    expect(result.scope).toEqual({ incremental: true, compiledTeams: ['b'], totalTeams: 3 });
    expect(result.resources.map((change) => `${change.action} ${change.path}`)).toEqual(['changed clusters/dev-eu/b/inferenceservice-b-api.yaml']);
  });

  it('gives the same plan as a full compile', () => {
    const head = { ...base, 'teams/b/mlops.yaml': teamFile('b', '1.1.0'), 'teams/c/mlops.yaml': teamFile('c').replace('min: 2, max: 4', 'min: 3, max: 6') };
    const incremental = plan(toTree(base), toTree(head), { compile: fakeCompile, now: NOW });
    const full = plan(toTree(base), toTree(head), { compile: fakeCompile, now: NOW, incremental: false });
    expect(full.scope).toEqual({ incremental: false, compiledTeams: ['a', 'b', 'c'], totalTeams: 3 });
    expect(incremental.resources).toEqual(full.resources);
    expect(incremental.ml).toEqual(full.ml);
    expect(incremental.approvals).toEqual(full.approvals);
    expect(incremental.risk).toEqual(full.risk);
  });

  it('recompiles a team when a path under its folder appears', () => {
    const recorder = recordingCompile();
    plan(toTree(base), toTree({ ...base, 'teams/c/cards/v2.md': '' }), { compile: recorder.compile, now: NOW });
    expect(recorder.calls).toEqual([
      ['platform.yaml', 'teams/c/mlops.yaml'],
      ['platform.yaml', 'teams/c/mlops.yaml'],
    ]);
  });

  it('compiles every team when platform.yaml changes', () => {
    const recorder = recordingCompile();
    const head = { ...base, 'platform.yaml': PLATFORM.replace('approvals: 2', 'approvals: 3') };
    const result = plan(toTree(base), toTree(head), { compile: recorder.compile, now: NOW });
    expect(recorder.calls).toHaveLength(2);
    for (const call of recorder.calls) expect(call).toEqual(['platform.yaml', 'teams/a/mlops.yaml', 'teams/b/mlops.yaml', 'teams/c/mlops.yaml']);
    expect(result.scope.incremental).toBe(false);
  });

  it('plans a removed team from the base side only', () => {
    const recorder = recordingCompile();
    const { 'teams/c/mlops.yaml': _removed, ...head } = base;
    const result = plan(toTree(base), toTree(head), { compile: recorder.compile, now: NOW });
    expect(recorder.calls).toEqual([['platform.yaml', 'teams/c/mlops.yaml'], ['platform.yaml']]);
    expect(result.deletions.map((change) => change.path)).toContain('clusters/prod-eu/c/inferenceservice-c-api.yaml');
    expect(result.ml.rollouts.map((rollout) => `${rollout.action} ${rollout.team}/${rollout.deployment}@${rollout.environment}`)).toEqual(['removed c/c-api@dev', 'removed c/c-api@prod']);
  });

  it('compiles nothing but the platform for a no-op change', () => {
    const recorder = recordingCompile();
    const result = plan(toTree(base), toTree(base), { compile: recorder.compile, now: NOW });
    expect(recorder.calls).toEqual([['platform.yaml'], ['platform.yaml']]);
    expect(result.noop).toBe(true);
    expect(result.risk).toEqual({ level: 'low', reasons: [{ level: 'low', text: 'No output changes.' }] });
  });

  it('skips compiling a side with no config left in a repo without platform.yaml', () => {
    const recorder = recordingCompile();
    const single = { 'teams/a/mlops.yaml': teamFile('a'), 'teams/b/mlops.yaml': teamFile('b') };
    const result = plan(toTree(single), toTree(single), { compile: recorder.compile, now: NOW });
    expect(recorder.calls).toEqual([]);
    expect(result.diagnostics.head).toEqual([]);
  });
});
