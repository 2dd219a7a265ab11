/** Opens a deploy repo given on the command line (a path or URL) through a bare cache clone in a temp dir, removed afterwards. */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { isSafeBranch } from '../../deploy/deploy-branch.ts';
import { UsageError } from '../command.ts';
import { DeployRepoUnreachableError, GitDeployTarget, type GitDeployTargetOptions } from './git-deploy-target.ts';

/** A URL git understands (`https://…`, `ssh://…`, `git@host:owner/name`), as opposed to a local path. */
function isUrl(location: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(location) || /^[^/\\]+@[^/\\:]+:/.test(location);
}

/** Resolves a deploy repo argument: URLs as given, paths against `cwd`. */
export function deployRepoLocation(location: string, cwd: string): string {
  if (location === '' || location.startsWith('-')) throw new UsageError(`Not a deploy repo: "${location}".`);
  return isUrl(location) || isAbsolute(location) ? location : resolve(cwd, location);
}

/** Checks a `--branch` value. */
export function branchOption(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !isSafeBranch(value)) throw new UsageError(`--branch must be a plain branch name; got "${String(value)}".`);
  return value;
}

/**
 * Runs `work` with a target over a temp cache clone, and removes the clone. A local deploy repo that
 * is not there, or a repo git cannot fetch, is a usage error naming `shown` (the argument as given).
 */
export async function withDeployRepo<T>(options: Omit<GitDeployTargetOptions, 'cacheDir'>, work: (target: GitDeployTarget) => Promise<T>, shown: string = options.url): Promise<T> {
  if (!isUrl(options.url)) {
    const info = await stat(options.url).catch(() => undefined);
    if (!info?.isDirectory()) throw new UsageError(`No such deploy repo: ${shown} (a git repo folder, a bare repo will do, or a git URL).`);
  }
  const cacheDir = await mkdtemp(join(tmpdir(), 'mlops-deploy-cache-'));
  try {
    return await work(new GitDeployTarget({ ...options, cacheDir }));
  } catch (error) {
    if (error instanceof DeployRepoUnreachableError) throw new UsageError(error.message.replace(error.url, shown));
    throw error;
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}
