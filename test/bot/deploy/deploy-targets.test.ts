import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeployTargets, parseRepositoryName } from '../../../bot/deploy/deploy-targets.ts';

let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

describe('DeployTargets', () => {
  it('hands one clone to one user at a time; other deploy repos and branches are not held up', async () => {
    root = await mkdtemp(join(tmpdir(), 'mlops-deploy-targets-'));
    const targets = new DeployTargets({ root, cloneUrlTemplate: 'file:///remotes/{owner}/{repo}.git' });
    const repo = { owner: 'acme', repo: 'mlops-deploy' };
    const first = await targets.lease(repo, 'main', 'token');
    expect(first.target.url).toBe('file:///remotes/acme/mlops-deploy.git');
    expect(first.target.cacheDir).toBe(join(root, '.deploy', 'acme', 'mlops-deploy@main.git'));
    let secondGranted = false;
    const second = targets.lease(repo, 'main', 'token').then((lease) => {
      secondGranted = true;
      return lease;
    });
    const otherBranch = await targets.lease(repo, 'release/v1', 'token');
    expect(otherBranch.target.cacheDir).toBe(join(root, '.deploy', 'acme', 'mlops-deploy@release+v1.git'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(secondGranted).toBe(false);
    first.release();
    first.release();
    (await second).release();
    expect(secondGranted).toBe(true);
    otherBranch.release();
  });

  it('accepts only owner/name', () => {
    expect(parseRepositoryName('acme/mlops-deploy')).toEqual({ owner: 'acme', repo: 'mlops-deploy' });
    for (const bad of ['acme', 'acme/a/b', '../x', 'acme/..', '/x', 'acme/x y']) expect(parseRepositoryName(bad)).toBeUndefined();
  });
});
