/**
 * A local bare repository standing in for the GitHub remote (`<root>/<owner>/<repo>.git`), and a work
 * repository to commit into it: branches, `refs/pull/N/head`, force pushes.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type SimpleGit, simpleGit } from 'simple-git';

/** The remote and a work repository. */
export class GitRemote {
  readonly root: string;
  readonly bare: string;
  readonly #work: string;
  readonly #git: SimpleGit;

  private constructor(root: string, owner: string, repo: string) {
    this.root = root;
    this.bare = join(root, 'remotes', owner, `${repo}.git`);
    this.#work = join(root, 'work');
    this.#git = simpleGit();
  }

  /** Creates an empty remote in a fresh temp folder. */
  static async create(owner = 'acme', repo = 'config'): Promise<GitRemote> {
    const remote = new GitRemote(await mkdtemp(join(tmpdir(), 'mlops-bot-')), owner, repo);
    await mkdir(remote.bare, { recursive: true });
    await simpleGit(remote.bare).raw(['init', '--bare', '--quiet', '--initial-branch=main']);
    await mkdir(remote.#work, { recursive: true });
    const work = simpleGit(remote.#work);
    await work.raw(['init', '--quiet', '--initial-branch=main']);
    await work.raw(['config', 'user.email', 'test@example.com']);
    await work.raw(['config', 'user.name', 'Test']);
    return remote;
  }

  /** Clone URL template of this remote for the bot's cache. */
  get cloneUrlTemplate(): string {
    return `file://${this.root}/remotes/{owner}/{repo}.git`;
  }

  /**
   * Commits `files` (path → text; null deletes) on top of `parent` (or the work tree's current
   * commit) and returns the new SHA. Nothing is pushed.
   */
  async commit(files: Readonly<Record<string, string | null>>, parent?: string, message = 'change'): Promise<string> {
    const git = simpleGit(this.#work);
    if (parent) await git.raw(['checkout', '--quiet', '--detach', parent]);
    for (const [path, content] of Object.entries(files)) {
      const absolute = join(this.#work, path);
      if (content === null) await rm(absolute, { force: true });
      else {
        await mkdir(dirname(absolute), { recursive: true });
        await writeFile(absolute, content);
      }
    }
    await git.raw(['add', '--all']);
    await git.raw(['commit', '--quiet', '--allow-empty', '-m', message]);
    return (await git.revparse(['HEAD'])).trim();
  }

  /** Points `ref` of the remote at `sha` (a push, forced when needed). */
  async setRef(ref: string, sha: string): Promise<void> {
    await simpleGit(this.#work).raw(['push', '--quiet', '--force', this.bare, `${sha}:${ref}`]);
  }

  /** Deletes the temp folder. */
  async remove(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
  }

  /** The git of the work repository (for assertions). */
  get git(): SimpleGit {
    return this.#git;
  }
}
