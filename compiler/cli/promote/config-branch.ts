/**
 * Writes a promotion or rollback into the local config repo as a new branch with one commit that
 * changes one file, with git plumbing (a temporary index): the working tree, the index and HEAD are
 * left as they are.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { simpleGit } from 'simple-git';
import { UsageError } from '../command.ts';

/** Where the config repo is and what to read from it. */
export interface ConfigRepo {
  /** The config root (possibly a folder inside the git work tree). */
  readonly dir: string;
  /** The config root's path inside the repository (`''` or `config/`). */
  readonly prefix: string;
}

/** Opens the config repo at `dir`: it must be inside a git work tree with a HEAD commit. */
export async function openConfigRepo(dir: string): Promise<ConfigRepo> {
  const git = simpleGit(dir);
  const inside = await git.revparse(['--is-inside-work-tree']).catch(() => 'false');
  if (inside.trim() !== 'true') throw new UsageError(`Not a git repository: ${dir}`);
  await git.revparse(['--verify', 'HEAD^{commit}']).catch(() => {
    throw new UsageError(`The config repo ${dir} has no commits.`);
  });
  return { dir, prefix: (await git.revparse(['--show-prefix'])).trim() };
}

/** The text of `path` (relative to the config root) at commit `sha`, or undefined when it did not exist there. */
export async function readFileAt(repo: ConfigRepo, sha: string, path: string): Promise<string | undefined> {
  const git = simpleGit(repo.dir);
  const known = await git.raw(['cat-file', '-t', `${sha}^{commit}`]).then(
    () => true,
    () => false,
  );
  if (!known || !/^[0-9a-f]{4,64}$/i.test(sha)) throw new UsageError(`The config repo has no commit ${sha} (the deploy's source); fetch it first.`);
  return git.show([`${sha}:${repo.prefix}${path}`]).catch(() => undefined);
}

const execGit = promisify(execFile);

/** Runs git with its own index file (simple-git will not set GIT_INDEX_FILE); arguments are never parsed by a shell. */
async function gitWithIndex(dir: string, indexFile: string, args: readonly string[]): Promise<string> {
  const { stdout } = await execGit('git', [...args], { cwd: dir, env: { ...process.env, GIT_INDEX_FILE: indexFile }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Creates `branch` at a new commit on top of HEAD that sets `path` to `content`; returns the commit SHA. Refuses an existing branch. */
export async function commitOnNewBranch(repo: ConfigRepo, branch: string, path: string, content: string, message: string): Promise<string> {
  const git = simpleGit(repo.dir);
  const exists = await git.raw(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}`]).then(
    (out) => out.trim() !== '',
    () => false,
  );
  if (exists) throw new UsageError(`Branch ${branch} already exists in the config repo; delete it or merge its pull request first.`);
  await git.raw(['check-ref-format', '--branch', branch]).catch(() => {
    throw new UsageError(`Not a valid branch name: ${branch}`);
  });
  const scratch = await mkdtemp(join(tmpdir(), 'mlops-promote-'));
  try {
    const index = join(scratch, 'index');
    const head = (await git.revparse(['HEAD'])).trim();
    const contentFile = join(scratch, 'content');
    await writeFile(contentFile, content);
    const blob = (await git.raw(['hash-object', '-w', '--no-filters', contentFile])).trim();
    await gitWithIndex(repo.dir, index, ['read-tree', head]);
    const repoPath = `${repo.prefix}${path}`;
    const mode = (await git.raw(['ls-tree', head, '--', repoPath])).split(' ')[0] || '100644';
    await gitWithIndex(repo.dir, index, ['update-index', '--add', '--cacheinfo', `${mode},${blob},${repoPath}`]);
    const tree = (await gitWithIndex(repo.dir, index, ['write-tree'])).trim();
    const commit = (await git.raw(['commit-tree', tree, '-p', head, '-m', message]).catch((error: Error) => {
      throw new UsageError(`git could not commit in the config repo: ${error.message.split('\n')[0]}`);
    })).trim();
    await git.raw(['update-ref', `refs/heads/${branch}`, commit, '0'.repeat(40)]);
    return commit;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
