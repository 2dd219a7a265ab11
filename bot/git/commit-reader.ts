/**
 * Reads commits of one clone through its `git cat-file --batch` process: presence, config trees (the
 * same `SourceTree` as the CLI's `readCommitTree`), single files, and whether one commit is a near
 * ancestor of another. Tree objects read once are kept (by object id, up to a number of entries): a
 * pull request's head shares all but the folders on the changed paths with its base, so reading the
 * head costs a few trees and the changed blobs only. Objects never change, so nothing kept can be
 * stale; every read names a full object id.
 */
import { isConfigLikePath } from '../../compiler/cli/fs-source.ts';
import type { BlobStore } from '../../compiler/cli/git-tree-source.ts';
import type { SourceFile, SourceTree } from '../../compiler/load/source-tree.ts';
import { compareCodePoints } from '../../compiler/support/compare-code-points.ts';
import { CatFileProcess } from './cat-file-process.ts';
import { type CommitObject, parseCommit, parseTree, type TreeEntry } from './git-objects.ts';
import { PromiseMemo } from './promise-memo.ts';

/** A file of a flattened tree. */
interface TreeFile {
  readonly path: string;
  readonly oid: string;
}

/** Commits walked at most by `isAncestor` before it gives up (the caller then asks git). */
export const ANCESTOR_WALK_LIMIT = 64;

/** Tree entries kept across reads, in total. */
const TREE_ENTRIES_KEPT = 500_000;

/** The commit reader of one clone. */
export class CommitReader {
  readonly #process: CatFileProcess;
  readonly #blobs: BlobStore | undefined;
  readonly #trees = new PromiseMemo<TreeEntry[]>(TREE_ENTRIES_KEPT, (entries) => entries.length);

  /** @param gitDir the clone's git directory; @param blobs blob contents shared across reads (and clones). */
  constructor(gitDir: string, blobs?: BlobStore) {
    this.#process = new CatFileProcess(gitDir);
    this.#blobs = blobs;
  }

  /** Ends the cat-file process (a later read starts a new one). */
  close(): void {
    this.#process.close();
  }

  /** True when the clone has the commit. */
  async hasCommit(sha: string): Promise<boolean> {
    return (await this.#process.read(sha))?.type === 'commit';
  }

  /** The commit's tree and parents; throws when the clone lacks it. */
  async commit(sha: string): Promise<CommitObject> {
    const object = await this.#process.read(sha);
    if (object?.type !== 'commit') throw new Error(`Commit ${sha} is not in the clone`);
    return parseCommit(object.content);
  }

  /** The config tree of a commit: config-like files with their content, other paths by name only. */
  async sourceTree(sha: string): Promise<SourceTree> {
    const files = await this.#flatten((await this.commit(sha)).tree, '');
    files.sort((a, b) => compareCodePoints(a.path, b.path));
    const config = files.filter((file) => isConfigLikePath(file.path));
    // Blobs read before are taken as they are (most of a head's): only the others wait for git.
    const contents = config.map((file) => this.#blobs?.get(file.oid));
    await Promise.all(
      contents.map(async (known, index) => {
        if (!known) contents[index] = await this.#blob(config[index]!.oid);
      }),
    );
    const sourceFiles: SourceFile[] = config.map((file, index) => ({ path: file.path, content: contents[index]! }));
    return { files: sourceFiles, otherPaths: files.filter((file) => !isConfigLikePath(file.path)).map((file) => file.path) };
  }

  /** One file of a commit (any blob: a symbolic link gives its target), undefined when there is none. */
  async file(sha: string, path: string): Promise<Uint8Array | undefined> {
    const names = path.split('/');
    let tree = (await this.commit(sha)).tree;
    for (const [index, name] of names.entries()) {
      const entry = (await this.#tree(tree)).find((candidate) => candidate.name === name);
      if (!entry) return undefined;
      if (index === names.length - 1) return entry.kind === 'blob' ? this.#blob(entry.oid) : undefined;
      if (entry.kind !== 'tree') return undefined;
      tree = entry.oid;
    }
    return undefined;
  }

  /**
   * True when `ancestor` is `descendant` or one of its ancestors at most `ANCESTOR_WALK_LIMIT` commits
   * away; undefined when the walk ended undecided (a longer or missing history: ask `git merge-base`).
   */
  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const seen = new Set<string>([descendant]);
    let frontier = [descendant];
    while (frontier.length > 0) {
      if (frontier.includes(ancestor)) return true;
      if (seen.size > ANCESTOR_WALK_LIMIT) return undefined;
      const commits = await Promise.all(frontier.map((sha) => this.commit(sha).catch(() => undefined)));
      if (commits.includes(undefined)) return undefined;
      frontier = commits.flatMap((commit) => commit!.parents).filter((parent) => !seen.has(parent));
      for (const parent of frontier) seen.add(parent);
    }
    return false;
  }

  /** Every file under tree `oid`, paths prefixed with `prefix`; sub-trees are read in parallel. */
  async #flatten(oid: string, prefix: string): Promise<TreeFile[]> {
    const files: TreeFile[] = [];
    const folders: Promise<TreeFile[]>[] = [];
    for (const entry of await this.#tree(oid)) {
      if (entry.kind === 'blob') files.push({ path: `${prefix}${entry.name}`, oid: entry.oid });
      else if (entry.kind === 'tree') folders.push(this.#flatten(entry.oid, `${prefix}${entry.name}/`));
    }
    for (const nested of await Promise.all(folders)) for (const file of nested) files.push(file);
    return files;
  }

  #tree(oid: string): Promise<TreeEntry[]> {
    return this.#trees.get(oid, async () => {
      const object = await this.#process.read(oid);
      if (object?.type !== 'tree') throw new Error(`Tree ${oid} is not in the clone`);
      return parseTree(object.content, oid.length / 2);
    });
  }

  async #blob(oid: string): Promise<Uint8Array> {
    const known = this.#blobs?.get(oid);
    if (known) return known;
    const object = await this.#process.read(oid);
    if (object?.type !== 'blob') throw new Error(`Blob ${oid} is not in the clone`);
    const content = new Uint8Array(object.content.buffer, object.content.byteOffset, object.content.length);
    this.#blobs?.set(oid, content);
    return content;
  }
}
