import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneUrl } from '../../../bot/git/clone-url.ts';
import { RepoCache } from '../../../bot/git/repo-cache.ts';
import { GitRemote } from '../support/git-remote.ts';

const REPO = { owner: 'acme', repo: 'config' };
const run = promisify(execFile);
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

/** The git directories of the `git cat-file` processes reading clones under the cache folder. */
async function catFileProcesses(): Promise<string[]> {
  const { stdout } = await run('ps', ['-eo', 'args']);
  return stdout
    .split('\n')
    .filter((line) => line.includes(' cat-file --batch') && line.includes(cacheDir))
    .map((line) => line.split(' ')[2]!);
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

  it('reads through one long-lived git cat-file process per clone: at most openReaders open, none after close()', async () => {
    const other = await GitRemote.create('acme', 'other');
    const OTHER = { owner: 'acme', repo: 'other' };
    try {
      // One remote folder holding both repositories.
      const remotes = join(cacheDir, 'remotes', 'acme');
      await mkdir(remotes, { recursive: true });
      await symlink(remote.bare, join(remotes, 'config.git'));
      await symlink(other.bare, join(remotes, 'other.git'));
      const clones = join(cacheDir, 'clones');
      const cache = new RepoCache({ root: clones, cloneUrlTemplate: `file://${cacheDir}/remotes/{owner}/{repo}.git`, openReaders: 1 });
      const first = await remote.commit({ 'platform.yaml': 'a: 1\n' });
      await remote.setRef('refs/heads/main', first);
      const second = await other.commit({ 'platform.yaml': 'b: 1\n' });
      await other.setRef('refs/heads/main', second);
      const platform = async (repository: typeof REPO, sha: string) => new TextDecoder().decode(await cache.fileAt(repository, sha, 'platform.yaml'));
      await cache.ensureCommits(REPO, [{ sha: first, ref: 'refs/heads/main' }], undefined);
      expect(await platform(REPO, first)).toBe('a: 1\n');
      expect(await catFileProcesses()).toEqual([join(clones, 'acme', 'config.git')]);
      // A commit pushed and fetched later is read by the same process.
      const later = await remote.commit({ 'platform.yaml': 'a: 2\n' }, first);
      await remote.setRef('refs/pull/1/head', later);
      await cache.ensureCommits(REPO, [{ sha: later, ref: 'refs/pull/1/head' }], undefined);
      expect(await platform(REPO, later)).toBe('a: 2\n');
      expect(await catFileProcesses()).toEqual([join(clones, 'acme', 'config.git')]);
      // A second repository beyond the limit closes the least recently used reader.
      await cache.ensureCommits(OTHER, [{ sha: second, ref: 'refs/heads/main' }], undefined);
      expect(await platform(OTHER, second)).toBe('b: 1\n');
      await expect.poll(catFileProcesses).toEqual([join(clones, 'acme', 'other.git')]);
      await cache.close();
      await expect.poll(catFileProcesses).toEqual([]);
      // Reading after close() starts a process again.
      expect(await platform(REPO, first)).toBe('a: 1\n');
      await cache.close();
      await expect.poll(catFileProcesses).toEqual([]);
    } finally {
      await other.remove();
    }
  });

  it('builds clone URLs from the template and the GHE host', () => {
    expect(cloneUrl(REPO)).toBe('https://github.com/acme/config.git');
    expect(cloneUrl(REPO, undefined, 'ghe.example.com')).toBe('https://ghe.example.com/acme/config.git');
    expect(cloneUrl(REPO, 'file:///srv/{owner}/{repo}.git')).toBe('file:///srv/acme/config.git');
  });
});
