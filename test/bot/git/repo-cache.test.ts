import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { simpleGit } from 'simple-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneUrl } from '../../../bot/git/clone-url.ts';
import { RepoCache } from '../../../bot/git/repo-cache.ts';
import { GitRemote } from '../support/git-remote.ts';

const REPO = { owner: 'acme', repo: 'config' };
let remote: GitRemote;
let cacheDir: string;

beforeEach(async () => {
  remote = await GitRemote.create();
  cacheDir = await mkdtemp(join(tmpdir(), 'mlops-cache-test-'));
});

afterEach(async () => {
  await remote.remove();
  await rm(cacheDir, { recursive: true, force: true });
});

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  const files: string[] = [];
  for (const entry of entries) if ((await stat(join(dir, entry))).isFile()) files.push(join(dir, entry));
  return files;
}

describe('RepoCache', () => {
  it('fetches a fork PR through refs/pull/N/head and reads trees with the CLI reader', async () => {
    const base = await remote.commit({ 'platform.yaml': 'a: 1\n', 'teams/x/mlops.yaml': 'b: 1\n', 'README.md': 'r\n' });
    await remote.setRef('refs/heads/main', base);
    const head = await remote.commit({ 'teams/x/mlops.yaml': 'b: 2\n' }, base);
    await remote.setRef('refs/pull/3/head', head);
    const cache = new RepoCache({ root: cacheDir, cloneUrlTemplate: remote.cloneUrlTemplate });
    await cache.ensureCommits(REPO, [{ sha: head, ref: 'refs/pull/3/head' }, { sha: base, ref: 'refs/heads/main' }], 'ghs_secret-token');
    const tree = await cache.sourceTreeAt(REPO, head);
    expect(tree.files.map((file) => [file.path, new TextDecoder().decode(file.content as Uint8Array)])).toEqual([['platform.yaml', 'a: 1\n'], ['teams/x/mlops.yaml', 'b: 2\n']]);
    expect(tree.otherPaths).toEqual(['README.md']);
    expect(await cache.mergeBase(REPO, base, head)).toBe(base);
    expect(await cache.changedPaths(REPO, base, head)).toEqual(['teams/x/mlops.yaml']);
    expect(new TextDecoder().decode(await cache.fileAt(REPO, base, 'platform.yaml'))).toBe('a: 1\n');
    expect(await cache.fileAt(REPO, base, 'missing.yaml')).toBeUndefined();
  });

  it('never writes the token to disk and keeps no remote in the clone', async () => {
    const base = await remote.commit({ 'platform.yaml': 'a: 1\n' });
    await remote.setRef('refs/heads/main', base);
    const cache = new RepoCache({ root: cacheDir, cloneUrlTemplate: remote.cloneUrlTemplate });
    await cache.ensureCommits(REPO, [{ sha: base }], 'ghs_secret-token');
    for (const file of await allFiles(cacheDir)) expect((await readFile(file)).includes('ghs_secret-token'), file).toBe(false);
    expect(await simpleGit(join(cacheDir, 'acme', 'config.git')).raw(['remote'])).toBe('');
  });

  it('fetches a reachable commit by SHA alone, and says which commits cannot be fetched', async () => {
    const kept = await remote.commit({ 'platform.yaml': 'a: 1\n' });
    await remote.setRef('refs/heads/main', kept);
    const cache = new RepoCache({ root: cacheDir, cloneUrlTemplate: remote.cloneUrlTemplate });
    await cache.ensureCommits(REPO, [{ sha: kept }], undefined);
    expect(await cache.hasCommit(REPO, kept)).toBe(true);
    await expect(cache.ensureCommits(REPO, [{ sha: 'a'.repeat(40), ref: 'refs/heads/main' }], undefined)).rejects.toThrow(`Commits not found in acme/config: ${'a'.repeat(12)}`);
  });

  it('refuses odd names, refs and SHAs from payloads', async () => {
    const cache = new RepoCache({ root: cacheDir });
    await expect(cache.ensureCommits({ owner: '..', repo: 'x' }, [{ sha: 'a'.repeat(40) }], undefined)).rejects.toThrow(/oddly named/);
    await expect(cache.ensureCommits(REPO, [{ sha: '--upload-pack=evil' }], undefined)).rejects.toThrow(/Not a commit SHA/);
  });

  it('fetches by SHA when a branch name cannot go into a refspec', async () => {
    const base = await remote.commit({ 'platform.yaml': 'a: 1\n' });
    await remote.setRef('refs/heads/odd+name', base);
    const cache = new RepoCache({ root: cacheDir, cloneUrlTemplate: remote.cloneUrlTemplate });
    await cache.ensureCommits(REPO, [{ sha: base, ref: 'refs/heads/odd+name:refs/heads/x' }], undefined);
    expect(await cache.hasCommit(REPO, base)).toBe(true);
  });

  it('builds clone URLs from the template and the GHE host', () => {
    expect(cloneUrl(REPO)).toBe('https://github.com/acme/config.git');
    expect(cloneUrl(REPO, undefined, 'ghe.example.com')).toBe('https://ghe.example.com/acme/config.git');
    expect(cloneUrl(REPO, 'file:///srv/{owner}/{repo}.git')).toBe('file:///srv/acme/config.git');
  });
});
