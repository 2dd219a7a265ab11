/**
 * The approvals of a pull request that count for `mlops/approvals`: the latest approving review of
 * each reviewer but the author, still current — an approval given on a commit whose config differs
 * from the head's (a later push changed the config, or the approved commit is gone after a force
 * push) no longer counts — with the reviewer's membership of the teams the rules name, resolved
 * through the API (one request per approving reviewer and team).
 */
import { normalizeHandle, type RequiredApprovals, type Review } from '../../compiler/plan/approvals/approval-model.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import type { GitRepositoryCache } from '../git/repo-cache.ts';
import type { Forge, ReviewRecord } from '../forge/forge.ts';
import { isConfigPath } from '../core/config-paths.ts';
import { type IgnoredReview, reviewVerdicts, teamHandles } from './review-verdicts.ts';

/** Approvals that count, and reviews left out. */
export interface ApprovalEvidence {
  readonly approvals: readonly Review[];
  readonly ignored: readonly IgnoredReview[];
}

/** What `collectApprovals` reads. */
export interface ApprovalSource {
  readonly forge: Forge;
  readonly git: GitRepositoryCache;
  readonly repository: RepositoryName;
  readonly number: number;
  readonly headSha: string;
  readonly author: string;
  readonly token: string | undefined;
  /** The reviews, when already requested (the caller starts it early, alongside the git work). */
  readonly reviews?: Promise<ReviewRecord[]>;
}

async function configUnchanged(source: ApprovalSource, reviewedSha: string): Promise<boolean> {
  if (reviewedSha === source.headSha) return true;
  try {
    await source.git.ensureCommits(source.repository, [{ sha: reviewedSha }], source.token);
    const changed = await source.git.changedPaths(source.repository, reviewedSha, source.headSha);
    return !changed.some(isConfigPath);
  } catch {
    return false;
  }
}

/** Collects the approvals that count against `required`. */
export async function collectApprovals(source: ApprovalSource, required: RequiredApprovals): Promise<ApprovalEvidence> {
  const verdicts = reviewVerdicts(await (source.reviews ?? source.forge.listReviews(source.repository, source.number)), source.author);
  const ignored: IgnoredReview[] = [...verdicts.ignored];
  const current = [];
  const freshness = new Map<string, Promise<boolean>>();
  for (const review of verdicts.approvals) {
    let fresh = freshness.get(review.commitId);
    if (!fresh) {
      fresh = configUnchanged(source, review.commitId);
      freshness.set(review.commitId, fresh);
    }
    if (await fresh) current.push(review);
    else ignored.push({ reviewer: normalizeHandle(review.reviewer), reason: 'stale' });
  }
  const teams = teamHandles(required.rules.flatMap((rule) => rule.approvers));
  const approvals: Review[] = [];
  for (const review of current) {
    const memberOf: string[] = [];
    for (const [org, team] of teams) {
      if (await source.forge.isTeamMember(org, team, review.reviewer)) memberOf.push(`@${org}/${team}`);
    }
    approvals.push({ reviewer: review.reviewer, memberOf });
  }
  return { approvals, ignored: ignored.sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0)) };
}
