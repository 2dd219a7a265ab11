/**
 * The ConfigSource a deploy reads: the config tree at a commit, the commit's message and author, and
 * whether one commit is an ancestor of another (deploys land in source order). `LocalConfigSource`
 * reads a local git clone with simple-git; the bot supplies its own over its git cache and the API.
 */
import { simpleGit } from 'simple-git';
import type { SourceTree } from '../../load/source-tree.ts';
import { UsageError } from '../command.ts';
import { isConfigLikePath } from '../fs-source.ts';
import { readGitTree } from '../git-tree-source.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';
import { runGit } from './git-command.ts';

/** What a deploy needs from the config repo. */
export interface ConfigSource {
  /** The config tree as committed at `sha`. */
  treeAt(sha: string): Promise<SourceTree>;
  /** True when `ancestor` is `descendant` or one of its ancestors; undefined when unknown (a SHA not fetched). */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>;
  /**
   * The tree at `sha`, derived from a tree already read at another commit by reading only the paths
   * that differ (optional: a source without it is asked for `treeAt`). The previous deploy's tree of a
   * one-team change then costs one file instead of the whole repo.
   */
  treeFrom?(sha: string, known: { readonly sha: string; readonly tree: SourceTree }): Promise<SourceTree>;
}

/** A commit of the config repo. */
export interface SourceCommit {
  readonly sha: string;
  readonly message: string;
  readonly authorName: string;
  readonly authorEmail: string;
}

/**
 * A local git clone of the config repo. It remembers the last tree it read, so that a long-running
 * process (the benchmark, a bot on a local clone) reads the next commit's tree by diff, not whole.
 */
export class LocalConfigSource implements ConfigSource {
  #last: { readonly sha: string; readonly tree: SourceTree } | undefined;

  constructor(readonly dir: string) {}

  async treeAt(sha: string): Promise<SourceTree> {
    const known = this.#last;
    if (known?.sha === sha) return known.tree;
    const commit = /^[0-9a-f]{40}$/.test(sha) ? sha : (await runGit(this.dir, ['rev-parse', '--verify', `${sha}^{commit}`])).stdout.toString().trim();
    const tree = known && /^[0-9a-f]{40}$/.test(commit) ? await this.treeFrom(commit, known) : await readGitTree(this.dir, sha);
    if (/^[0-9a-f]{40}$/.test(commit)) this.#last = { sha: commit, tree };
    return tree;
  }

  async treeFrom(sha: string, known: { readonly sha: string; readonly tree: SourceTree }): Promise<SourceTree> {
    const diff = await runGit(this.dir, ['diff', '--relative', '--no-renames', '--name-status', '-z', known.sha, sha, '--', '.']);
    if (diff.code !== 0) return readGitTree(this.dir, sha);
    const files = new Map(known.tree.files.map((file) => [file.path, file]));
    const others = new Set(known.tree.otherPaths ?? []);
    const fields = diff.stdout.toString('utf8').split('\0');
    for (let index = 0; index + 1 < fields.length; index += 2) {
      const status = fields[index]!;
      const path = fields[index + 1]!;
      files.delete(path);
      others.delete(path);
      if (status.startsWith('D')) continue;
      if (!isConfigLikePath(path)) others.add(path);
      else {
        const content = await runGit(this.dir, ['cat-file', 'blob', `${sha}:./${path}`]);
        if (content.code !== 0) return readGitTree(this.dir, sha);
        files.set(path, { path, content: new Uint8Array(content.stdout) });
      }
    }
    const sorted = [...files.values()].sort((a, b) => compareCodePoints(a.path, b.path));
    return { files: sorted, otherPaths: [...others].sort(compareCodePoints) };
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const result = await runGit(this.dir, ['merge-base', '--is-ancestor', ancestor, descendant]);
    if (result.code === 0) return true;
    if (result.code === 1) return false;
    return undefined;
  }

  /** Resolves a ref to a commit and reads its message and author. */
  async commit(ref: string): Promise<SourceCommit> {
    if (ref.startsWith('-')) throw new UsageError(`Not a git ref: ${ref}`);
    const git = simpleGit(this.dir);
    const inside = await git.revparse(['--is-inside-work-tree']).catch(() => 'false');
    if (inside.trim() !== 'true') throw new UsageError(`Not a git repository: ${this.dir} (mlops deploy renders a commit of the config repo).`);
    const sha = (await git.revparse(['--verify', `${ref}^{commit}`]).catch(() => {
      throw new UsageError(`Unknown git ref "${ref}" in ${this.dir}.`);
    })).trim();
    const [authorName = '', authorEmail = '', ...message] = (await git.raw(['show', '-s', '--format=%an%n%ae%n%B', sha])).split('\n');
    return { sha, message: message.join('\n'), authorName, authorEmail };
  }
}
