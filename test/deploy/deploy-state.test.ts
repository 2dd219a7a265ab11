import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { gitBlobId, parseDeployState, renderedTreeHash, serializeDeployState } from '../../compiler/deploy/deploy-state.ts';
import { deployBranchOf } from '../../compiler/deploy/deploy-branch.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';

describe('deploy state', () => {
  it('computes git blob ids like git hash-object', () => {
    const content = 'kind: Namespace\nname: é\n';
    expect(gitBlobId(content)).toBe(execFileSync('git', ['hash-object', '--stdin'], { input: content }).toString().trim());
  });

  it('round-trips and rejects anything but a well-formed state', () => {
    const state = { version: 1 as const, sourceRepo: 'acme/config', sourceSha: 'a'.repeat(40) };
    const text = serializeDeployState(state);
    expect(parseDeployState(text)).toEqual(state);
    expect(text).toBe(`{\n  "sourceRepo": "acme/config",\n  "sourceSha": "${'a'.repeat(40)}",\n  "version": 1\n}\n`);
    expect(parseDeployState('{')).toBeUndefined();
    expect(parseDeployState(JSON.stringify({ ...state, version: 2 }))).toBeUndefined();
    expect(parseDeployState(JSON.stringify({ ...state, sourceSha: '--upload-pack=x' }))).toBeUndefined();
  });

  it('hashes the rendered tree independently of key order', () => {
    expect(renderedTreeHash({ b: '1'.repeat(40), a: '2'.repeat(40) })).toBe(renderedTreeHash({ a: '2'.repeat(40), b: '1'.repeat(40) }));
    expect(renderedTreeHash({ a: '1'.repeat(40) })).not.toBe(renderedTreeHash({ a: '2'.repeat(40) }));
    expect(renderedTreeHash(new Map([['b', '1'.repeat(40)], ['a', '2'.repeat(40)]]))).toBe(renderedTreeHash({ a: '2'.repeat(40), b: '1'.repeat(40) }));
  });

  it('reads the deploy branch from platform.yaml, refusing unsafe names', () => {
    expect(deployBranchOf(sourceTreeFromRecord({ 'platform.yaml': 'gitops: { branch: deploy/prod }\n' }))).toBe('deploy/prod');
    expect(deployBranchOf(sourceTreeFromRecord({ 'platform.yaml': 'gitops: { branch: "--upload-pack=evil" }\n' }))).toBe('main');
    expect(deployBranchOf(sourceTreeFromRecord({}))).toBe('main');
  });
});
