/**
 * Checks a merge-queue entry: the same `mlops/validate` and `mlops/policy` on the queue's combined
 * head against its base (a required check that never reports blocks the queue forever), and
 * `mlops/approvals` as passed — each queued pull request needed it to enter the queue. No comment.
 */
import type { RepositoryName } from '../git/clone-url.ts';
import { claimChecks, publishChecks, type CheckTarget } from '../publish/publish-checks.ts';
import { ALL_CHECK_NAMES } from '../render/check-names.ts';
import { crashedChecks, mergeGroupApprovalsCheck, noConfigChecks, policyCheck, validateCheck } from '../render/check-results.ts';
import { evaluateChange, touchesConfig } from './evaluate-change.ts';
import type { EventRun } from './event-run.ts';
import { readChange } from './read-change.ts';
import { rolloutEvidenceFor } from './rollout-evidence.ts';

/** A merge-queue entry. */
export interface MergeGroupRefs {
  readonly headSha: string;
  /** `refs/heads/gh-readonly-queue/…`. */
  readonly headRef: string;
  readonly baseSha: string;
  /** `refs/heads/main`. */
  readonly baseRef: string;
}

/** Checks a merge-queue entry; returns its outcome. */
export async function checkMergeGroup(run: EventRun, repository: RepositoryName, group: MergeGroupRefs): Promise<'checked' | 'no-config' | 'crashed'> {
  const target: CheckTarget = { forge: run.forge, repository, headSha: group.headSha, subject: 'merge-group' };
  try {
    const change = await readChange(run.dependencies.git, { repository, ...group }, run.token);
    if (touchesConfig(change)) await claimChecks(target, ALL_CHECK_NAMES);
    const rolloutEvidence = touchesConfig(change) ? await rolloutEvidenceFor(run, change) : undefined;
    const evaluation = evaluateChange(rolloutEvidence ? { ...change, rolloutEvidence } : change, run.dependencies.compiler, run.dependencies.clock());
    await publishChecks(target, evaluation.configChanged ? [validateCheck(evaluation), policyCheck(evaluation), mergeGroupApprovalsCheck()] : noConfigChecks());
    return evaluation.configChanged ? 'checked' : 'no-config';
  } catch (error) {
    run.log.error({ err: error, repository, headSha: group.headSha }, 'checking the merge-queue entry failed');
    await publishChecks(target, crashedChecks((error as Error).message ?? String(error)));
    return 'crashed';
  }
}
