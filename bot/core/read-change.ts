/**
 * Reads a change through the clone cache: fetches base and head (by ref, then by SHA), finds their
 * merge base, and reads both config trees and the base tip's platform.yaml — no per-file API calls.
 */
import type { RepositoryName } from '../git/clone-url.ts';
import type { GitRepositoryCache } from '../git/repo-cache.ts';
import type { ChangeInputs } from './evaluate-change.ts';

/** A change to read: head and base commits, with refs that reach them on the remote. */
export interface ChangeRefs {
  readonly repository: RepositoryName;
  readonly headSha: string;
  /** e.g. `refs/pull/7/head` (fork PRs are reachable there) or a merge-queue branch. */
  readonly headRef: string;
  readonly baseSha: string;
  /** e.g. `refs/heads/main`. */
  readonly baseRef: string;
  readonly author?: string;
}

/** The trees of a change, and the merge base the plan starts from. */
export interface ReadChange extends ChangeInputs {
  readonly mergeBase: string;
}

/** Reads a change; `token` authenticates the fetch. */
export async function readChange(git: GitRepositoryCache, refs: ChangeRefs, token: string | undefined): Promise<ReadChange> {
  await git.ensureCommits(refs.repository, [{ sha: refs.headSha, ref: refs.headRef }, { sha: refs.baseSha, ref: refs.baseRef }], token);
  const [found, head, basePlatform] = await Promise.all([
    git.mergeBase(refs.repository, refs.baseSha, refs.headSha),
    git.sourceTreeAt(refs.repository, refs.headSha),
    git.fileAt(refs.repository, refs.baseSha, 'platform.yaml'),
  ]);
  const mergeBase = found ?? refs.baseSha;
  const base = await git.sourceTreeAt(refs.repository, mergeBase);
  return { mergeBase, base, head, ...(basePlatform ? { basePlatform } : {}), ...(refs.author !== undefined ? { author: refs.author } : {}) };
}
