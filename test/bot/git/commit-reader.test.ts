import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCommitTree } from '../../../compiler/cli/git-tree-source.ts';
import { BlobMemo } from '../../../bot/git/blob-memo.ts';
import { ANCESTOR_WALK_LIMIT, CommitReader } from '../../../bot/git/commit-reader.ts';

let dir: string;
let reader: CommitReader;

const git = (...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.email=t@example.com', '-c', 'user.name=T', ...args], { encoding: 'utf8' }).trim();

/** Writes `files` (null deletes), commits them and returns the SHA. */
async function commit(files: Record<string, string | null>): Promise<string> {
  for (const [path, content] of Object.entries(files)) {
    if (content === null) await rm(join(dir, path), { force: true });
    else {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), content);
    }
  }
  git('add', '--all');
  git('commit', '--quiet', '--allow-empty', '-m', 'change');
  return git('rev-parse', 'HEAD');
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mlops-commit-reader-'));
  git('init', '--quiet', '--initial-branch=main');
  reader = new CommitReader(join(dir, '.git'), new BlobMemo());
});

afterEach(async () => {
  reader.close();
  await rm(dir, { recursive: true, force: true });
});

describe('CommitReader', () => {
  it('reads the same config tree as the CLI reader (`git ls-tree` and `git show`), for a base and its head', async () => {
    await mkdir(join(dir, 'teams', 'x'), { recursive: true });
    await symlink('../../common/values.yaml', join(dir, 'teams', 'x', 'linked.yaml'));
    await mkdir(join(dir, 'teams', 'w'), { recursive: true });
    await symlink('../x/mlops.yaml', join(dir, 'teams', 'w', 'mlops.yaml'));
    const base = await commit({
      'platform.yaml': 'a: 1\n',
      'teams/x/mlops.yaml': 'x: 1\n',
      'teams/x/cards/model.md': '# card\n',
      'teams/y-é/mlops.yaml': 'y: 1\n',
      'teams/y/mlops.yaml': 'y: 1\n',
      'common/values.yaml': 'v: 1\n',
      'README.md': 'read me\n',
      'notebooks/a.ipynb': '{}\n',
      'z.yaml': '',
    });
    const head = await commit({ 'teams/y/mlops.yaml': 'y: 2\n', 'teams/z/mlops.yaml': 'z: 1\n', 'README.md': null });
    for (const sha of [base, head]) {
      const tree = await reader.sourceTree(sha);
      expect(tree).toEqual(await readCommitTree(join(dir, '.git'), sha));
    }
    const tree = await reader.sourceTree(base);
    // A symbolic link is read as git stores it (its target), as by the CLI.
    expect(new TextDecoder().decode(tree.files.find((file) => file.path === 'teams/w/mlops.yaml')?.content as Uint8Array)).toBe('../x/mlops.yaml');
    expect(tree.files.map((file) => file.path)).toEqual(['platform.yaml', 'teams/w/mlops.yaml', 'teams/x/mlops.yaml', 'teams/y-é/mlops.yaml', 'teams/y/mlops.yaml']);
    expect(tree.otherPaths).toContain('README.md');
    expect(tree.otherPaths).toContain('teams/x/linked.yaml');
  });

  it('reads single files by path: nested, missing, a folder, a symbolic link', async () => {
    await symlink('teams/x/mlops.yaml', join(dir, 'link.yaml'));
    const sha = await commit({ 'platform.yaml': 'a: 1\n', 'teams/x/mlops.yaml': 'x: 1\n' });
    const text = async (path: string) => {
      const content = await reader.file(sha, path);
      return content === undefined ? undefined : new TextDecoder().decode(content);
    };
    expect(await text('platform.yaml')).toBe('a: 1\n');
    expect(await text('teams/x/mlops.yaml')).toBe('x: 1\n');
    expect(await text('teams/x')).toBeUndefined();
    expect(await text('teams/none/mlops.yaml')).toBeUndefined();
    expect(await text('platform.yaml/x')).toBeUndefined();
    expect(await text('link.yaml')).toBe('teams/x/mlops.yaml');
    await expect(reader.file('0'.repeat(40), 'platform.yaml')).rejects.toThrow(/not in the clone/);
  });

  it('tells presence, and near ancestry (undecided beyond its walk limit)', async () => {
    const root = await commit({ 'a.yaml': 'a: 0\n' });
    const first = await commit({ 'a.yaml': 'a: 1\n' });
    git('checkout', '--quiet', '-b', 'side', root);
    const side = await commit({ 'b.yaml': 'b: 1\n' });
    git('checkout', '--quiet', 'main');
    git('merge', '--quiet', '--no-edit', 'side');
    const merge = git('rev-parse', 'HEAD');
    expect(await reader.hasCommit(merge)).toBe(true);
    expect(await reader.hasCommit('0'.repeat(40))).toBe(false);
    expect(await reader.hasCommit(git('rev-parse', `${merge}^{tree}`))).toBe(false);
    expect(await reader.isAncestor(root, merge)).toBe(true);
    expect(await reader.isAncestor(side, merge)).toBe(true);
    expect(await reader.isAncestor(merge, merge)).toBe(true);
    expect(await reader.isAncestor(merge, first)).toBe(false);
    expect(await reader.isAncestor(side, first)).toBe(false);
    const chain = [merge];
    for (let step = 0; step <= ANCESTOR_WALK_LIMIT; step++) chain.push(await commit({}));
    const tip = chain.at(-1)!;
    expect(await reader.isAncestor(root, tip)).toBeUndefined();
    expect(await reader.isAncestor(chain[10]!, tip)).toBe(true);
  });
});
