/**
 * The DeployTarget over git: a bare cache clone of the deploy repo (a path or URL) that is fetched,
 * read cheaply (`ls-tree` blob ids, three small files), extended by ONE commit per source commit
 * (manifests, deploy state and audit entry together, built with `git fast-import` on the fetched tip,
 * optionally SSH-signed) and pushed. A push of a commit whose parent is no longer the branch tip is
 * rejected by git (non-fast-forward): the caller re-reads and retries. Nothing is pushed but whole commits.
 */
import { mkdir } from 'node:fs/promises';
import { simpleGit, type SimpleGit } from 'simple-git';
import { type AuditEntry, auditFilePath, serializeEntry } from '../../audit/audit-entry.ts';
import { isTrailFile, lastEntry, parseTrail, type TrailFile } from '../../audit/parse-trail.ts';
import { deployCommitLink } from '../../deploy/commit-trailers.ts';
import type { DeployRepoSnapshot } from '../../deploy/deploy-model.ts';
import { DEPLOY_STATE_PATH, isGeneratedPath, parseDeployState, serializeDeployState, type DeployState } from '../../deploy/deploy-state.ts';
import type { OutputFile } from '../../emit/manifest.ts';
import { isDeployEvent } from '../../deploy/deploy-event.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';
import { assessDeployTrust } from './deploy-trust.ts';
import { trailFilesAt } from '../trail/read-trail.ts';
import { git, runGit } from './git-command.ts';

/** How to reach and write the deploy repo. */
export interface GitDeployTargetOptions {
  /** Path or URL of the deploy repo (a bare repo in tests, GitHub in production). */
  readonly url: string;
  readonly branch: string;
  /** Folder of the bare cache clone (created when missing; reused across deploys). */
  readonly cacheDir: string;
  /** Author and committer of deploy commits. @default Cirrus MLOps <mlops@localhost> */
  readonly committer?: { readonly name: string; readonly email: string };
  /** An SSH private key (or its public key when an agent holds it) to sign deploy commits with. */
  readonly signingKey?: string;
  /**
   * An SSH allowed-signers file (`gpg.ssh.allowedSignersFile`): when set, a deploy commit is trusted
   * (drift is measured from it) only with a good signature of an allowed signer.
   */
  readonly allowedSignersFile?: string;
  /** Extra environment of the git processes that reach the remote (fetch, push): the bot hands its installation token over as an HTTP header here, never in the URL or on disk. */
  readonly remoteEnv?: Readonly<Record<string, string>>;
}

/** The deploy repo as fetched: its tip and what the core needs. */
export interface FetchedDeployRepo {
  /** The branch tip, undefined for an empty repo or a branch not yet created. */
  readonly tip?: string;
  readonly snapshot: DeployRepoSnapshot;
}

/** What one commit carries. */
export interface DeployCommitContent {
  readonly writes: readonly OutputFile[];
  readonly deletions: readonly string[];
  /** The new state; undefined keeps the state file as it is (a refused deploy). */
  readonly state?: DeployState;
  readonly entry: AuditEntry;
  /** Entries appended after `entry` in the same commit (a deploy's `waiver-used` entries), chained after it. */
  readonly followingEntries?: readonly AuditEntry[];
  readonly message: string;
}

/** The result of a push. */
export type PushResult = { readonly pushed: true } | { readonly pushed: false; readonly reason: 'non-fast-forward'; readonly detail: string };

const REMOTE_REF = (branch: string) => `refs/remotes/origin/${branch}`;
const SCRATCH_REF = 'refs/mlops/scratch';

function fastImportPath(path: string): string {
  if (/[\u0000-\u001f\u007f"\\]/.test(path) || path.startsWith('/') || path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(`bug: refusing to write the path ${JSON.stringify(path)} to the deploy repo`);
  }
  return /\s/.test(path) ? `"${path}"` : path;
}

/** The deploy repo could not be fetched (no such path, not a git repo, no access): the caller's input, not a bug. */
export class DeployRepoUnreachableError extends Error {
  override readonly name = 'DeployRepoUnreachableError';
  constructor(
    readonly url: string,
    stderr: string,
  ) {
    super(`Cannot read the deploy repo ${url}: git fetch failed (${stderr.trim().split('\n').slice(-2).join(' | ')}).`);
  }
}

/** The deploy repo behind git. */
export class GitDeployTarget {
  readonly #options: GitDeployTargetOptions;
  #prepared = false;
  /** The newest trail file as last read, so the commit built on that tip need not read it again. */
  #trail: { readonly commit: string; readonly path: string; readonly content: string } | undefined;
  /** Commits of the last fetched tip whose deploy trailers no trusted audit entry backs. */
  #forged: ReadonlySet<string> = new Set();

  constructor(options: GitDeployTargetOptions) {
    if (options.branch.startsWith('-') || !/^[A-Za-z0-9._/-]+$/.test(options.branch)) throw new Error(`bug: unsafe branch name ${JSON.stringify(options.branch)}`);
    this.#options = options;
  }

  /** `owner/name` or path, as the audit trail names it. */
  get url(): string {
    return this.#options.url;
  }

  get branch(): string {
    return this.#options.branch;
  }

  /** The bare cache clone (for history queries: trailers, signatures). */
  get cacheDir(): string {
    return this.#options.cacheDir;
  }

  #remoteOptions(): { env?: Readonly<Record<string, string>> } {
    return this.#options.remoteEnv ? { env: this.#options.remoteEnv } : {};
  }

  #git(): SimpleGit {
    return simpleGit(this.#options.cacheDir);
  }

  async #prepare(): Promise<void> {
    if (this.#prepared) return;
    await mkdir(this.#options.cacheDir, { recursive: true });
    const inside = await runGit(this.#options.cacheDir, ['rev-parse', '--is-bare-repository']);
    if (inside.code !== 0 || inside.stdout.toString().trim() !== 'true') {
      await this.#git().init(true);
      await this.#git().addRemote('origin', this.#options.url);
    }
    this.#prepared = true;
  }

  /** Fetches the branch and reads what the deploy core needs. */
  async fetch(): Promise<FetchedDeployRepo> {
    await this.#prepare();
    const { branch, cacheDir } = this.#options;
    const fetched = await runGit(cacheDir, ['fetch', '--quiet', '--no-tags', 'origin', `+refs/heads/${branch}:${REMOTE_REF(branch)}`], this.#remoteOptions());
    if (fetched.code !== 0) {
      // An empty deploy repo, or one without the branch yet: the first deploy creates it.
      if (/couldn't find remote ref/i.test(fetched.stderr)) return { snapshot: { generated: new Map() } };
      throw new DeployRepoUnreachableError(this.#options.url, fetched.stderr);
    }
    const tip = (await git(cacheDir, ['rev-parse', '--verify', `${REMOTE_REF(branch)}^{commit}`])).toString().trim();
    return { tip, snapshot: await this.#snapshot(tip) };
  }

  /** Blob id of every generated file at a commit, and the paths of its trail files. */
  async generatedAt(commit: string): Promise<{ generated: Map<string, string>; trailFiles: string[] }> {
    const listing = (await git(this.#options.cacheDir, ['ls-tree', '-r', '-z', commit])).toString('utf8');
    const generated = new Map<string, string>();
    const trailFiles: string[] = [];
    // Records are `<mode> <type> <object>\t<path>\0`, in path order; a large org lists ~150,000.
    for (let start = 0; start < listing.length; ) {
      const end = listing.indexOf('\0', start);
      const stop = end < 0 ? listing.length : end;
      const typeAt = listing.indexOf(' ', start) + 1;
      const tab = listing.indexOf('\t', typeAt);
      if (listing.startsWith('blob ', typeAt)) {
        const path = listing.slice(tab + 1, stop);
        if (isGeneratedPath(path)) generated.set(path, listing.slice(typeAt + 5, tab));
        else if (isTrailFile(path)) trailFiles.push(path);
      }
      start = stop + 1;
    }
    return { generated, trailFiles: trailFiles.sort(compareCodePoints) };
  }

  async #snapshot(tip: string): Promise<DeployRepoSnapshot> {
    const { generated, trailFiles } = await this.generatedAt(tip);
    const lastTrail = trailFiles.at(-1);
    // Three independent reads, each its own git process: in parallel.
    const [registry, stateText, trailText] = await Promise.all([
      generated.has('registry.json') ? this.readFile(tip, 'registry.json') : undefined,
      this.readFile(tip, DEPLOY_STATE_PATH),
      lastTrail === undefined ? undefined : this.readFile(tip, lastTrail).then((text) => text ?? ''),
    ]);
    const state = stateText === undefined ? undefined : parseDeployState(stateText);
    if (lastTrail !== undefined && trailText !== undefined) this.#trail = { commit: tip, path: lastTrail, content: trailText };
    const last = lastTrail === undefined ? undefined : lastEntry(parseTrail([{ path: lastTrail, content: trailText ?? '' }]));
    const newestTrail = lastTrail === undefined ? undefined : { path: lastTrail, content: trailText ?? '' };
    const trust = await assessDeployTrust(this, { tip, generated, trailFiles, ...(newestTrail ? { newestTrail } : {}), ...(state ? { state } : {}) }, this.#options.allowedSignersFile ? { allowedSignersFile: this.#options.allowedSignersFile } : {});
    this.#forged = new Set(trust.forged.map((forged) => forged.commit));
    return {
      generated,
      ...(registry !== undefined ? { registry } : {}),
      ...(trust.state ? { state: trust.state } : {}),
      ...(last ? { lastEntry: last } : {}),
      ...(trust.handEdits ? { handEdits: trust.handEdits } : {}),
      ...(trust.forged.length > 0 ? { forgedDeploys: trust.forged } : {}),
    };
  }

  /** A file's text at a commit, or undefined when absent. */
  async readFile(commit: string, path: string): Promise<string | undefined> {
    const result = await runGit(this.#options.cacheDir, ['cat-file', 'blob', `${commit}:${path}`]);
    return result.code === 0 ? result.stdout.toString('utf8') : undefined;
  }

  /** Every trail file at a commit (the CLI's one trail reader over the cache clone). */
  readTrail(commit: string): Promise<TrailFile[]> {
    return trailFilesAt(this.#options.cacheDir, commit);
  }

  /** The deploy commit (first parent history of `tip`) whose trailers name `sourceSha` as deployed, if any (forged deploy commits of the last fetch excepted). */
  async findDeployOf(tip: string | undefined, sourceSha: string): Promise<string | undefined> {
    if (tip === undefined || !/^[0-9a-f]{4,64}$/i.test(sourceSha)) return undefined;
    const log = (await git(this.#options.cacheDir, ['log', '--first-parent', '--fixed-strings', `--grep=Mlops-Source-Sha: ${sourceSha}`, '--format=%H%x00%B%x00', tip])).toString('utf8');
    const parts = log.split('\0');
    for (let index = 0; index + 1 < parts.length; index += 2) {
      const link = deployCommitLink(parts[index + 1]!);
      if (link?.sourceSha === sourceSha && isDeployEvent(link.event) && !this.#forged.has(parts[index]!.trim())) return parts[index]!.trim();
    }
    return undefined;
  }

  /**
   * The deploy commit (one that landed manifests) at or before `revision` on its first-parent history,
   * with its message; undefined when `revision` is unknown or no deploy commit precedes it. Argo CD may
   * report the branch tip, which can be an audit-only commit after the deploy.
   */
  async deployCommitAt(revision: string): Promise<{ commit: string; message: string } | undefined> {
    if (!/^[0-9a-f]{40}$/.test(revision)) return undefined;
    const known = await runGit(this.#options.cacheDir, ['cat-file', '-e', `${revision}^{commit}`]);
    if (known.code !== 0) return undefined;
    const log = (await git(this.#options.cacheDir, ['log', '--first-parent', '-n', '200', '--format=%H%x00%B%x00', revision])).toString('utf8').split('\0');
    for (let index = 0; index + 1 < log.length; index += 2) {
      const message = log[index + 1]!;
      const link = deployCommitLink(message);
      if (isDeployEvent(link?.event) && link?.includedIn === undefined) return { commit: log[index]!.trim(), message };
    }
    return undefined;
  }

  /** Builds the deploy commit on `parent` (or as the first commit) in the cache; nothing is pushed. */
  async commit(parent: string | undefined, content: DeployCommitContent, time: string): Promise<string> {
    const { cacheDir } = this.#options;
    const committer = this.#options.committer ?? { name: 'Cirrus MLOps', email: 'mlops@localhost' };
    const trailPath = auditFilePath(content.entry.time);
    const cached = this.#trail;
    const trail = parent === undefined ? undefined : cached && cached.commit === parent && cached.path === trailPath ? cached.content : await this.readFile(parent, trailPath);
    const trailText = `${trail === undefined || trail === '' ? '' : trail.endsWith('\n') ? trail : `${trail}\n`}${[content.entry, ...(content.followingEntries ?? [])].map((entry) => `${serializeEntry(entry)}\n`).join('')}`;
    const chunks: Buffer[] = [];
    const text = (value: string) => chunks.push(Buffer.from(value, 'utf8'));
    const data = (value: string) => {
      const bytes = Buffer.from(value, 'utf8');
      text(`data ${bytes.length}\n`);
      chunks.push(bytes);
      text('\n');
    };
    const seconds = Math.floor(Date.parse(time) / 1000);
    text(`commit ${SCRATCH_REF}\ncommitter ${committer.name} <${committer.email}> ${seconds} +0000\n`);
    data('scratch');
    if (parent !== undefined) text(`from ${parent}\n`);
    for (const path of content.deletions) text(`D ${fastImportPath(path)}\n`);
    for (const file of content.writes) {
      text(`M 100644 inline ${fastImportPath(file.path)}\n`);
      data(file.content);
    }
    if (content.state) {
      text(`M 100644 inline ${DEPLOY_STATE_PATH}\n`);
      data(serializeDeployState(content.state));
    }
    text(`M 100644 inline ${trailPath}\n`);
    data(trailText);
    text('done\n');
    await git(cacheDir, ['-c', 'core.compression=1', 'fast-import', '--quiet', '--force', '--done'], { input: Buffer.concat(chunks) });
    // The scratch commit only carries the tree; the next import overwrites the ref.
    const tree = `${SCRATCH_REF}^{tree}`;
    const signing = this.#options.signingKey ? ['-c', 'gpg.format=ssh', '-c', `user.signingkey=${this.#options.signingKey}`] : [];
    const identity = { GIT_AUTHOR_NAME: committer.name, GIT_AUTHOR_EMAIL: committer.email, GIT_COMMITTER_NAME: committer.name, GIT_COMMITTER_EMAIL: committer.email, GIT_AUTHOR_DATE: time, GIT_COMMITTER_DATE: time };
    const args = [...signing, 'commit-tree', tree, ...(parent !== undefined ? ['-p', parent] : []), ...(this.#options.signingKey ? ['-S'] : []), '-F', '-'];
    return (await git(cacheDir, args, { input: content.message, env: identity })).toString().trim();
  }

  /** Pushes `commit` to the branch; a rejection because the branch moved is reported, any other failure thrown. */
  async push(commit: string): Promise<PushResult> {
    // No delta search: a deploy commit adds a few files, but registry.json of a large org is ~10 MiB and
    // searching a delta for it costs more than sending it compressed.
    const result = await runGit(this.#options.cacheDir, ['-c', 'pack.window=0', 'push', '--porcelain', 'origin', `${commit}:refs/heads/${this.#options.branch}`], this.#remoteOptions());
    if (result.code === 0) return { pushed: true };
    const output = `${result.stdout.toString('utf8')}\n${result.stderr}`;
    if (/non-fast-forward|fetch first|\[rejected\]|\(stale info\)|cannot lock ref|failed to update ref/i.test(output)) return { pushed: false, reason: 'non-fast-forward', detail: output.trim().split('\n').slice(-2).join(' ') };
    throw new Error(`git push to ${this.#options.url} failed: ${output.trim().split('\n').slice(-3).join(' | ')}`);
  }
}
