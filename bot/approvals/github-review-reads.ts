/**
 * The two GitHub reads approvals rest on, shared by the check's forge (`octokit-forge.ts`) and the
 * deploy's forge (`octokit-deploy-forge.ts`), so both see reviews and team membership alike: a
 * review list as `ReviewRecord`s, and whether a user is an active member of a team.
 */
import type { ReviewRecord } from '../forge/forge.ts';

/** The part of Octokit these reads use. */
export interface ReviewReadOctokit {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ readonly data: unknown }>;
}

/** A review as GitHub returns it (the fields read). */
export interface GitHubReview {
  readonly id: number;
  readonly user?: { readonly login?: string } | null;
  readonly state?: string;
  readonly commit_id?: string | null;
}

/** GitHub's reviews as records; reviews of deleted users, or without a commit, are left out. */
export function reviewRecords(reviews: readonly GitHubReview[]): ReviewRecord[] {
  return reviews.flatMap((review) => (review.user?.login && review.commit_id ? [{ id: review.id, reviewer: review.user.login, state: review.state as ReviewRecord['state'], commitId: review.commit_id }] : []));
}

/** True when `user` is an active member of `org/teamSlug` (GitHub answers 404 for "not a member"). */
export async function isActiveTeamMember(octokit: ReviewReadOctokit, org: string, teamSlug: string, user: string): Promise<boolean> {
  try {
    const { data } = await octokit.request('GET /orgs/{org}/teams/{team_slug}/memberships/{username}', { org, team_slug: teamSlug, username: user });
    return (data as { state?: string }).state === 'active';
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
