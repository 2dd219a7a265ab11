/**
 * The approvals of a pull request that count for `mlops/approvals` — and, on merge, for the audit
 * entry of its deploy, so both record the same thing: the latest approving review of each reviewer but
 * the author (dismissed reviews never count), still current — an approval given on a commit whose
 * config differs from the head's (a later push changed the config, or the approved commit is gone
 * after a force push) no longer counts — with the reviewer's membership of the teams the rules name,
 * resolved through the API (one request per approving reviewer and team).
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

/** What `countApprovals` asks of the forge and of git, whoever calls it (the check, the deploy). */
export interface ApprovalReaders {
  /** True when the config at `reviewedSha` is the config at the PR's head (no config-changing push came after). */
  configUnchangedSince(reviewedSha: string): Promise<boolean>;
  /** True when `user` is an active member of the team `org/teamSlug`. */
  isTeamMember(org: string, teamSlug: string, user: string): Promise<boolean>;
}

/** True when no config path differs between `reviewedSha` and `headSha` (false when either commit cannot be read). */
export async function configUnchangedBetween(git: GitRepositoryCache, repository: RepositoryName, token: string | undefined, reviewedSha: string, headSha: string): Promise<boolean> {
  if (reviewedSha === headSha) return true;
  try {
    await git.ensureCommits(repository, [{ sha: reviewedSha }, { sha: headSha }], token);
    const changed = await git.changedPaths(repository, reviewedSha, headSha);
    return !changed.some(isConfigPath);
  } catch {
    return false;
  }
}

/**
 * The approvals among `reviews` (of a PR by `author`) that count against `required`: each reviewer's
 * latest decisive review, an approval, not the author's, given on a commit whose config is the head's,
 * with the reviewer's memberships of the teams the rules name.
 */
export async function countApprovals(reviews: readonly ReviewRecord[], author: string, readers: ApprovalReaders, required: RequiredApprovals): Promise<ApprovalEvidence> {
  const verdicts = reviewVerdicts(reviews, author);
  const ignored: IgnoredReview[] = [...verdicts.ignored];
  const current = [];
  const freshness = new Map<string, Promise<boolean>>();
  for (const review of verdicts.approvals) {
    let fresh = freshness.get(review.commitId);
    if (!fresh) {
      fresh = readers.configUnchangedSince(review.commitId);
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
      if (await readers.isTeamMember(org, team, review.reviewer)) memberOf.push(`@${org}/${team}`);
    }
    approvals.push({ reviewer: review.reviewer, memberOf });
  }
  return { approvals, ignored: ignored.sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0)) };
}

/** Collects the approvals of an open pull request that count against `required` (the `mlops/approvals` check). */
export async function collectApprovals(source: ApprovalSource, required: RequiredApprovals): Promise<ApprovalEvidence> {
  const reviews = await (source.reviews ?? source.forge.listReviews(source.repository, source.number));
  return countApprovals(reviews, source.author, {
    configUnchangedSince: (reviewedSha) => configUnchangedBetween(source.git, source.repository, source.token, reviewedSha, source.headSha),
    isTeamMember: (org, team, user) => source.forge.isTeamMember(org, team, user),
  }, required);
}
