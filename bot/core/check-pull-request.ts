/**
 * Checks a pull request end to end: reads its current state from the API (never trusting an event's
 * possibly stale payload), reads the change through git, claims the three check runs (when config
 * changed; otherwise three successes follow at once), judges the change,
 * collects the approvals that count, renders, re-reads the head, and publishes the sticky comment
 * and the check runs. Results computed for a head that moved meanwhile are posted on that older
 * commit only, never as the pull request's current plan. Any error becomes three failed checks.
 */
import { evaluateApprovals } from '../../compiler/plan/approvals/evaluate-approvals.ts';
import { collectApprovals } from '../approvals/collect-approvals.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import type { WantedCommit } from '../git/repo-cache.ts';
import { claimChecks, publishChecks, type CheckTarget } from '../publish/publish-checks.ts';
import { publishComment } from '../publish/publish-comment.ts';
import { ALL_CHECK_NAMES } from '../render/check-names.ts';
import { approvalsCheck, type CheckResult, crashedChecks, noConfigChecks, policyCheck, validateCheck } from '../render/check-results.ts';
import { COMMENT_MARKER, noConfigComment, planComment } from '../render/plan-comment.ts';
import { evaluateChange, touchesConfig } from './evaluate-change.ts';
import type { EventRun } from './event-run.ts';
import { readChange } from './read-change.ts';
import { rolloutEvidenceFor } from './rollout-evidence.ts';

/** How a check of a pull request ended. */
export type PullRequestOutcome = 'checked' | 'no-config' | 'closed' | 'outdated' | 'crashed';

/** The commits an event's payload names: fetched while the pull request's current state is read. */
export interface PayloadCommits {
  readonly headSha: string;
  readonly baseSha: string;
  readonly baseRef: string;
}

/**
 * Checks pull request `number` of `repository` at its current head. With `payload`, the payload's
 * commits are fetched alongside the API read of the current state; only that read decides what is
 * checked (a payload may be stale), so a stale payload costs a fetch, never a wrong result.
 */
export function checkPullRequest(run: EventRun, repository: RepositoryName, number: number, payload?: PayloadCommits): Promise<PullRequestOutcome> {
  const key = `${repository.owner}/${repository.repo}#${number}`.toLowerCase();
  return run.dependencies.locks.run(key, () => checkUnlocked(run, repository, number, payload));
}

async function checkUnlocked(run: EventRun, repository: RepositoryName, number: number, payload: PayloadCommits | undefined): Promise<PullRequestOutcome> {
  const { forge, dependencies } = run;
  // A failed early fetch is retried below for the commits the API names, and reported from there.
  if (payload) void dependencies.git.ensureCommits(repository, changeCommits(number, payload), run.token).catch(() => undefined);
  const pullRequest = await forge.getPullRequest(repository, number);
  if (pullRequest.state === 'closed') return 'closed';
  const target: CheckTarget = { forge, repository, headSha: pullRequest.headSha, subject: `pr=${number}` };
  try {
    // The reads that do not depend on each other go out together: git, the check runs, the reviews.
    const runs = forge.listCheckRuns(repository, pullRequest.headSha, ALL_CHECK_NAMES);
    const reviews = forge.listReviews(repository, number);
    runs.catch(() => undefined);
    reviews.catch(() => undefined);
    const change = await readChange(dependencies.git, { repository, headSha: pullRequest.headSha, headRef: `refs/pull/${number}/head`, baseSha: pullRequest.baseSha, baseRef: `refs/heads/${pullRequest.baseRef}`, author: pullRequest.author }, run.token);
    const configTouched = touchesConfig(change);
    if (configTouched) await claimChecks(target, ALL_CHECK_NAMES, runs);
    const rolloutEvidence = configTouched ? await rolloutEvidenceFor(run, change) : undefined;
    const evaluation = evaluateChange(rolloutEvidence ? { ...change, rolloutEvidence } : change, dependencies.compiler, dependencies.clock());
    let results: CheckResult[];
    let body: string;
    if (!evaluation.configChanged || !evaluation.plan) {
      results = noConfigChecks();
      body = noConfigComment(pullRequest.headSha);
    } else {
      const evidence = await collectApprovals({ forge, git: dependencies.git, repository, number, headSha: pullRequest.headSha, author: pullRequest.author, token: run.token, reviews }, evaluation.plan.approvals);
      const status = evaluateApprovals(evaluation.plan.approvals, evidence.approvals);
      results = [validateCheck(evaluation), policyCheck(evaluation), approvalsCheck(evaluation.plan.approvals, status, evidence.ignored)];
      body = planComment(evaluation.plan, await dependencies.templates(), change.mergeBase, pullRequest.headSha);
    }
    // Re-read the head before posting; the two searches that posting needs go out alongside.
    const comments = forge.findComments(repository, number, COMMENT_MARKER);
    const current = forge.listCheckRuns(repository, pullRequest.headSha, ALL_CHECK_NAMES);
    comments.catch(() => undefined);
    current.catch(() => undefined);
    const now = await forge.getPullRequest(repository, number);
    if (now.headSha !== pullRequest.headSha) {
      await publishChecks(target, results, current);
      return 'outdated';
    }
    const comment = await publishComment({ forge, repository, number, marker: COMMENT_MARKER }, body, evaluation.configChanged, comments);
    await publishChecks({ ...target, ...(comment ? { detailsUrl: comment.url } : {}) }, results, current);
    return evaluation.configChanged ? 'checked' : 'no-config';
  } catch (error) {
    run.log.error({ err: error, repository, number }, 'checking the pull request failed');
    await publishChecks(target, crashedChecks((error as Error).message ?? String(error)));
    return 'crashed';
  }
}

/** The head and base commits of pull request `number`, with the refs that reach them (fork PRs: `refs/pull/N/head`). */
function changeCommits(number: number, commits: PayloadCommits): WantedCommit[] {
  return [
    { sha: commits.headSha, ref: `refs/pull/${number}/head` },
    { sha: commits.baseSha, ref: `refs/heads/${commits.baseRef}` },
  ];
}
