/**
 * The git ConfigSource: reads the SourceTree of a config repo as committed at a ref (`main`, a SHA,
 * `HEAD~1`) with simple-git — `git ls-tree -r` for the paths, `git show` for config file contents
 * (many blobs per call, split by the sizes ls-tree reports). `dir` may be a sub-folder of the repo.
 * Also the working tree as git sees it, so a local plan compares like with like, and any commit of a
 * bare repository (`readCommitTree`, for the bot's clone cache).
 */
import { type SimpleGit, simpleGit } from 'simple-git';
import type { SourceFile, SourceTree } from '../load/source-tree.ts';
import { UsageError } from './command.ts';
import { isConfigLikePath, readSourceTree } from './fs-source.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';

interface TreeEntry {
  readonly path: string;
  readonly size: number;
  /** The blob's object id. */
  readonly oid: string;
}

/**
 * Blob contents by object id, which a reader of many commits passes so that files it has read in
 * another commit are not read again (a blob's content never changes).
 */
export interface BlobStore {
  get(oid: string): Uint8Array | undefined;
  set(oid: string, content: Uint8Array): void;
}

/** Blobs fetched per `git show` call (keeps the command line short). */
const BATCH = 200;

function parseLsTree(output: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of output.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [, type, oid, size] = record.slice(0, tab).split(/\s+/);
    if (type !== 'blob') continue;
    entries.push({ path: record.slice(tab + 1), size: Number(size), oid: oid! });
  }
  return entries.sort((a, b) => compareCodePoints(a.path, b.path));
}

/** Checks that `dir` is inside a git work tree and `ref` names a commit. */
async function assertRef(dir: string, ref: string): Promise<void> {
  const git = simpleGit(dir);
  const inside = await git.revparse(['--is-inside-work-tree']).catch(() => 'false');
  if (inside.trim() !== 'true') throw new UsageError(`Not a git repository: ${dir}`);
  if (ref.startsWith('-')) throw new UsageError(`Not a git ref: ${ref}`);
  await git.revparse(['--verify', `${ref}^{commit}`]).catch(() => {
    throw new UsageError(`Unknown git ref "${ref}" in ${dir}.`);
  });
}

/** Reads the config tree under `dir` as committed at `ref`; paths are relative to `dir`. */
export async function readGitTree(dir: string, ref: string): Promise<SourceTree> {
  await assertRef(dir, ref);
  return readTreeAt(simpleGit(dir), ref, './');
}

/**
 * Reads the whole config tree of a commit from any git directory, bare repositories included (the
 * bot's clone cache). `commit` must name a commit already present; it is not checked here. With a
 * `blobs` store, files whose blob was read before (in any commit) are not read again.
 */
export async function readCommitTree(gitDir: string, commit: string, blobs?: BlobStore): Promise<SourceTree> {
  if (commit.startsWith('-')) throw new Error(`Not a commit: ${commit}`);
  return readTreeAt(simpleGit(gitDir), commit, '', blobs);
}

/**
 * The shared reader: `git ls-tree` for the paths under the current folder (`./` in a work tree) or
 * the repo root (`''`, which bare repositories need), `git show` for the config blobs.
 */
async function readTreeAt(git: SimpleGit, ref: string, prefix: './' | '', blobs?: BlobStore): Promise<SourceTree> {
  const entries = parseLsTree(await git.raw(['ls-tree', '-r', '-l', '-z', ref, ...(prefix === './' ? ['--', '.'] : [])]));
  const wanted = entries.filter((entry) => isConfigLikePath(entry.path));
  const known = new Map<string, Uint8Array>();
  for (const entry of wanted) {
    const content = blobs?.get(entry.oid);
    if (content) known.set(entry.path, content);
  }
  const config = wanted.filter((entry) => !known.has(entry.path));
  const files: SourceFile[] = [...known].map(([path, content]) => ({ path, content }));
  for (let start = 0; start < config.length; start += BATCH) {
    const batch = config.slice(start, start + BATCH);
    const output = await git.showBuffer(['--no-textconv', ...batch.map((entry) => `${ref}:${prefix}${entry.path}`)]);
    let offset = 0;
    for (const entry of batch) {
      const content = new Uint8Array(output.subarray(offset, offset + entry.size));
      blobs?.set(entry.oid, content);
      files.push({ path: entry.path, content });
      offset += entry.size;
    }
    if (offset !== output.length) throw new Error(`git show returned ${output.length} bytes for ${batch.length} blobs of ${offset} bytes`);
  }
  files.sort((a, b) => compareCodePoints(a.path, b.path));
  return { files, otherPaths: entries.filter((entry) => !isConfigLikePath(entry.path)).map((entry) => entry.path) };
}

/**
 * Reads the working tree under `dir`, uncommitted edits included, limited to the files git tracks or
 * would track: ignored files (build output, notebooks' checkpoints) are not part of a change.
 */
export async function readWorkingTree(dir: string): Promise<SourceTree> {
  const tree = await readSourceTree(dir);
  const listed = await simpleGit(dir).raw(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.']);
  const visible = new Set(listed.split('\0').filter((path) => path !== ''));
  return { files: tree.files.filter((file) => visible.has(file.path)), otherPaths: (tree.otherPaths ?? []).filter((path) => visible.has(path)) };
}
