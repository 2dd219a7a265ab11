/**
 * The bot's cache of clones: one bare repository per GitHub repository under a cache folder, fetched
 * on demand with the installation token, read with the CLI's git reader (`readCommitTree`). A config
 * change is read through git, so a 1,000-team repo costs the same API rate limit as a 1-team one.
 *
 * The token never touches the disk, the logs or the remote config: the clone has no remote (every
 * fetch names the URL), and the token reaches git as an HTTP header through `GIT_CONFIG_*`
 * environment variables of that one git process. Fetches of one repository take turns (a lock per
 * repository); reads need no lock, as git objects never change once written. Reads go through one
 * long-lived `git cat-file --batch` process per clone (`CommitReader`: no process spawn per read),
 * which also keeps the trees it read, as the cache keeps blobs, config trees and merge bases: a head
 * is read as its base plus the folders and blobs that differ. Only a fetch, a merge base that is not
 * a near ancestor, and a diff for an approval's freshness spawn git.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import { type SourceTree, sourceBytes } from '../../compiler/load/source-tree.ts';
import { cloneUrl, DEFAULT_CLONE_URL_TEMPLATE, isSafeRepositoryName, type RepositoryName } from './clone-url.ts';
import { KeyedLock } from './keyed-lock.ts';
import { BlobMemo } from './blob-memo.ts';
import { CommitReader } from './commit-reader.ts';
import { PromiseMemo } from './promise-memo.ts';

/** Options of the cache. */
export interface RepoCacheOptions {
  /** Folder holding the bare clones (`<root>/<owner>/<repo>.git`). */
  readonly root: string;
  /** Clone URL template. @default DEFAULT_CLONE_URL_TEMPLATE */
  readonly cloneUrlTemplate?: string;
  /** The forge host (`GHE_HOST` for GitHub Enterprise Server). @default github.com */
  readonly host?: string;
  /** Clones with a `git cat-file` process kept open; the least recently used one beyond is closed. @default 32 */
  readonly openReaders?: number;
}

/** A commit the bot needs, and a ref of the remote that reaches it (fetched first; the SHA itself is the fallback). */
export interface WantedCommit {
  readonly sha: string;
  /** e.g. `refs/pull/7/head`, `refs/heads/main`. */
  readonly ref?: string;
}

/** Reading config trees of commits of a repository. */
export interface GitRepositoryCache {
  /** Makes sure the commits are in the clone, fetching what is missing with the token. */
  ensureCommits(repository: RepositoryName, wanted: readonly WantedCommit[], token: string | undefined): Promise<void>;
  /** The config tree of a commit (present after `ensureCommits`). */
  sourceTreeAt(repository: RepositoryName, sha: string): Promise<SourceTree>;
  /** The merge base of two commits, undefined when they share no history. */
  mergeBase(repository: RepositoryName, a: string, b: string): Promise<string | undefined>;
  /** Paths that differ between two commits. */
  changedPaths(repository: RepositoryName, from: string, to: string): Promise<string[]>;
  /** One file of a commit, undefined when the commit has no such file. */
  fileAt(repository: RepositoryName, sha: string, path: string): Promise<Uint8Array | undefined>;
  /** True when the commit is in the clone. */
  hasCommit(repository: RepositoryName, sha: string): Promise<boolean>;
  /** Ends the processes the cache keeps (shutdown); a later read starts them again. */
  close?(): Promise<void>;
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const SAFE_REF = /^refs\/[A-Za-z0-9_./-]+$/;

function assertSha(sha: string): void {
  if (!SHA.test(sha)) throw new Error(`Not a commit SHA: ${JSON.stringify(sha)}`);
}

/** Settings of every fetch: protocol v2 (fetch by SHA), and none of the bookkeeping a cache needs not. */
const FETCH_CONFIG = ['-c', 'protocol.version=2', '-c', 'fetch.showForcedUpdates=false', '-c', 'advice.fetchShowForcedUpdates=false', '-c', 'maintenance.auto=false', '-c', 'gc.auto=0'];

/** The variables `tokenEnvironment` sets beyond the ambient ones (simple-git guards them). */
const TOKEN_VARIABLES = ['GIT_TERMINAL_PROMPT', 'GIT_CONFIG_COUNT', 'GIT_CONFIG_KEY_0', 'GIT_CONFIG_VALUE_0'];

/** The environment that hands the token to one git process as an HTTP header. */
export function tokenEnvironment(token: string | undefined): Record<string, string> {
  const base: Record<string, string> = { GIT_TERMINAL_PROMPT: '0' };
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG', 'SSL_CERT_FILE', 'SSL_CERT_DIR', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy']) {
    const value = process.env[name];
    if (value !== undefined) base[name] = value;
  }
  if (token === undefined) return base;
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { ...base, GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.extraHeader', GIT_CONFIG_VALUE_0: `Authorization: Basic ${basic}` };
}

/** Removes a token from a message (git may echo URLs or headers in errors). */
function redact(message: string, token: string | undefined): string {
  if (token === undefined || token === '') return message;
  return message.replaceAll(token, '***').replaceAll(Buffer.from(`x-access-token:${token}`).toString('base64'), '***');
}

/** The simple-git cache of bare clones. */
export class RepoCache implements GitRepositoryCache {
  readonly #options: RepoCacheOptions;
  readonly #lock = new KeyedLock();
  readonly #initialised = new Map<string, Promise<string>>();
  /** Trees and merge bases of commits never change: kept to save git processes, never to decide. */
  /** Config trees by commit SHA (the base branch's is read once for many pull requests), up to 64 MiB of files. */
  readonly #trees = new PromiseMemo<SourceTree>(64 * 1024 * 1024, sourceBytes);
  readonly #blobs = new BlobMemo();
  readonly #mergeBases = new Map<string, string>();
  /** One reader (a `git cat-file` process) per clone folder, least recently used first. */
  readonly #readers = new Map<string, CommitReader>();
  /** Per repository: fetches started plus fetches ended (odd while one runs). */
  readonly #fetchEpochs = new Map<string, number>();

  constructor(options: RepoCacheOptions) {
    this.#options = options;
  }

  /** The clone folder of a repository, created (bare, no remote, no auto-gc) on first use. */
  async #gitDir(repository: RepositoryName): Promise<string> {
    if (!isSafeRepositoryName(repository)) throw new Error(`Refusing an oddly named repository: ${JSON.stringify(repository)}`);
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    let ready = this.#initialised.get(key);
    if (!ready) {
      const dir = join(this.#options.root, repository.owner.toLowerCase(), `${repository.repo.toLowerCase()}.git`);
      ready = (async () => {
        await mkdir(dir, { recursive: true });
        const git = simpleGit(dir);
        await git.raw(['init', '--bare', '--quiet']);
        await git.raw(['config', 'gc.auto', '0']);
        return dir;
      })();
      this.#initialised.set(key, ready);
      ready.catch(() => this.#initialised.delete(key));
    }
    return ready;
  }

  async hasCommit(repository: RepositoryName, sha: string): Promise<boolean> {
    assertSha(sha);
    return (await this.#reader(repository)).hasCommit(sha);
  }

  /** The reader of a repository's clone, opened on first use. */
  async #reader(repository: RepositoryName): Promise<CommitReader> {
    const dir = await this.#gitDir(repository);
    let reader = this.#readers.get(dir);
    if (reader) this.#readers.delete(dir);
    else reader = new CommitReader(dir, this.#blobs);
    this.#readers.set(dir, reader);
    for (const [key, open] of this.#readers) {
      if (this.#readers.size <= (this.#options.openReaders ?? 32)) break;
      this.#readers.delete(key);
      open.close();
    }
    return reader;
  }

  async close(): Promise<void> {
    for (const reader of this.#readers.values()) reader.close();
    this.#readers.clear();
  }

  async #missing(repository: RepositoryName, wanted: readonly WantedCommit[]): Promise<WantedCommit[]> {
    if (wanted.length === 0) return [];
    const present = await Promise.all(wanted.map((commit) => this.hasCommit(repository, commit.sha)));
    return wanted.filter((_, index) => !present[index]);
  }

  async ensureCommits(repository: RepositoryName, requested: readonly WantedCommit[], token: string | undefined): Promise<void> {
    for (const commit of requested) assertSha(commit.sha);
    // A ref whose name the fetch refspec cannot carry safely (branch names allow much) is left out:
    // the commit is then fetched by its SHA alone.
    const wanted = requested.map((commit) => (commit.ref !== undefined && (!SAFE_REF.test(commit.ref) || commit.ref.includes('..')) ? { sha: commit.sha } : commit));
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    // A fetch writes a commit before its trees and blobs: present commits are complete only when no
    // fetch of the repository ran while they were looked up (the epoch is odd during a fetch).
    const epoch = this.#fetchEpoch(key);
    if (epoch % 2 === 0 && (await this.#missing(repository, wanted)).length === 0 && this.#fetchEpoch(key) === epoch) return;
    await this.#lock.run(key, async () => {
      // What a fetch that held the lock meanwhile brought is not fetched again (a check costs no process).
      const missing = await this.#missing(repository, wanted);
      if (missing.length === 0) return;
      this.#fetchEpochs.set(key, this.#fetchEpoch(key) + 1);
      try {
        await this.#fetchMissing(repository, missing, token);
      } finally {
        this.#fetchEpochs.set(key, this.#fetchEpoch(key) + 1);
      }
    });
  }

  #fetchEpoch(key: string): number {
    return this.#fetchEpochs.get(key) ?? 0;
  }

  /** Fetches the missing commits: by their refs, then by SHA what is still missing. */
  async #fetchMissing(repository: RepositoryName, missing: readonly WantedCommit[], token: string | undefined): Promise<void> {
    const key = `${repository.owner}/${repository.repo}`.toLowerCase();
    const refs = [...new Set(missing.flatMap((commit) => (commit.ref ? [`+${commit.ref}:${commit.ref}`] : [])))];
    let failure: Error | undefined;
    const remember = (error: Error) => {
      failure = error;
    };
    if (refs.length > 0) await this.#fetch(repository, refs, token).catch(remember);
    const still = await this.#missing(repository, missing);
    if (still.length > 0) await this.#fetch(repository, still.map((commit) => commit.sha), token).catch(remember);
    const lost = await this.#missing(repository, still);
    if (lost.length > 0) throw new Error(`Commits not found in ${key}: ${lost.map((commit) => commit.sha.slice(0, 12)).join(', ')}${failure ? ` (${failure.message})` : ''}`);
  }

  async #fetch(repository: RepositoryName, refspecs: readonly string[], token: string | undefined): Promise<void> {
    const dir = await this.#gitDir(repository);
    const url = cloneUrl(repository, this.#options.cloneUrlTemplate ?? DEFAULT_CLONE_URL_TEMPLATE, this.#options.host);
    try {
      // The GIT_CONFIG_* variables are ours (the token header), never from a payload, hence allowed.
      await simpleGit(dir, { unsafe: { allowUnsafeConfigEnvCount: true }, allowEnvironment: TOKEN_VARIABLES }).env(tokenEnvironment(token)).raw([...FETCH_CONFIG, 'fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--no-recurse-submodules', url, ...refspecs]);
    } catch (error) {
      throw new Error(redact(`git fetch of ${repository.owner}/${repository.repo} failed: ${(error as Error).message}`, token));
    }
  }

  async sourceTreeAt(repository: RepositoryName, sha: string): Promise<SourceTree> {
    assertSha(sha);
    const dir = await this.#gitDir(repository);
    const reader = await this.#reader(repository);
    return this.#trees.get(`${dir}\u0000${sha}`, () => reader.sourceTree(sha));
  }

  async fileAt(repository: RepositoryName, sha: string, path: string): Promise<Uint8Array | undefined> {
    assertSha(sha);
    if (path.startsWith('-') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) throw new Error(`Not a repository path: ${JSON.stringify(path)}`);
    return (await this.#reader(repository)).file(sha, path);
  }

  async mergeBase(repository: RepositoryName, a: string, b: string): Promise<string | undefined> {
    assertSha(a);
    assertSha(b);
    const dir = await this.#gitDir(repository);
    const key = `${dir}\u0000${a}\u0000${b}`;
    const known = this.#mergeBases.get(key);
    if (known !== undefined) return known || undefined;
    // A pull request's base is mostly a near ancestor of its head, hence the merge base: no git spawned.
    const nearAncestor = await (await this.#reader(repository)).isAncestor(a, b).catch(() => undefined);
    const output = nearAncestor ? a : await simpleGit(dir).raw(['merge-base', a, b]).catch(() => '');
    const sha = SHA.test(output.trim()) ? output.trim() : '';
    if (this.#mergeBases.size >= 10_000) this.#mergeBases.clear();
    this.#mergeBases.set(key, sha);
    return sha || undefined;
  }

  async changedPaths(repository: RepositoryName, from: string, to: string): Promise<string[]> {
    assertSha(from);
    assertSha(to);
    const dir = await this.#gitDir(repository);
    const output = await simpleGit(dir).raw(['diff', '--name-only', '-z', '--no-renames', from, to]);
    return output.split('\0').filter((path) => path !== '');
  }
}
