/**
 * Appends one audit entry to the deploy repo in a commit of its own (audit/ only, so no Argo CD
 * Application syncs): for `synced`/`degraded` reports from Argo CD and for `deploy-failed` records of
 * deploys that could not land. Chained after the newest entry; a rejected push is retried from a
 * fresh fetch, like a deploy.
 */
import { type AuditEntry, chainEntry, type UnchainedAuditEntry } from '../../audit/audit-entry.ts';
import { deployCommitMessage } from '../../deploy/commit-trailers.ts';
import type { DeployRepoSnapshot } from '../../deploy/deploy-model.ts';
import type { GitDeployTarget } from './git-deploy-target.ts';
import { DeployRaceLostError } from './run-deploy.ts';

/** Options of `appendAuditEntry`. */
export interface AppendOptions {
  /** Attempts in all. @default 5 */
  readonly attempts?: number;
  /** Wait before retry n, in ms. @default 100 ms × 2^(n-1) */
  readonly backoff?: (retry: number) => number;
}

/**
 * Builds the entry from the fetched repo (undefined: nothing to record, e.g. already recorded), chains
 * it, commits and pushes. Returns the entry and commit, or undefined when `build` declined.
 */
export async function appendAuditEntry(target: GitDeployTarget, build: (repo: DeployRepoSnapshot, tip: string | undefined) => Promise<UnchainedAuditEntry | undefined>, options: AppendOptions = {}): Promise<{ entry: AuditEntry; commit: string } | undefined> {
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, (options.backoff ?? ((retry) => 100 * 2 ** (retry - 1)))(attempt - 1)));
    const fetched = await target.fetch();
    const unchained = await build(fetched.snapshot, fetched.tip);
    if (!unchained) return undefined;
    const entry = chainEntry(unchained, fetched.snapshot.lastEntry);
    const commit = await target.commit(fetched.tip, { writes: [], deletions: [], entry, message: deployCommitMessage(entry) }, entry.time);
    if ((await target.push(commit)).pushed) return { entry, commit };
  }
  throw new DeployRaceLostError(`Recording an audit entry in ${target.url} was rejected ${attempts} times.`);
}
