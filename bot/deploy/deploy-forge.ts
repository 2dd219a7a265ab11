/**
 * The GitHub side of deploys behind one small interface (renovate-style): GitHub Deployments per
 * environment and their statuses, the merged PR's reviews, its reviewers' team memberships and
 * comments, and commit ancestry. The
 * Octokit implementation is `OctokitDeployForge`; tests and other forges implement the same.
 */
import type { ReviewRecord } from '../forge/forge.ts';

/** `owner/name` split. */
export interface RepositoryRef {
  readonly owner: string;
  readonly repo: string;
}

/** The merged pull request of a commit, as the deploy records it. */
export interface MergedPullRequest {
  readonly number: number;
  readonly author: string;
  /** The PR's last head commit: approvals given on a commit whose config differs from it do not count. */
  readonly headSha: string;
  readonly labels: readonly string[];
  readonly openedAt?: string;
  readonly mergedAt?: string;
  readonly mergedBy?: string;
}

/** A GitHub Deployment of a source commit to one environment. */
export interface ForgeDeployment {
  readonly id: number;
  readonly environment: string;
  /** The clusters of the environment when it was created (from its payload). */
  readonly clusters: readonly string[];
}

/** A Deployment status. */
export type DeploymentState = 'in_progress' | 'success' | 'failure';

/** What the deploy needs from GitHub, for one config repo. */
export interface DeployForge {
  /** Every review of a PR (which count is decided by bot/approvals/collect-approvals.ts, as for the check). */
  reviews(pullRequest: number): Promise<ReviewRecord[]>;
  /** True when `user` is an active member of the team `org/teamSlug`. */
  isTeamMember(org: string, teamSlug: string, user: string): Promise<boolean>;
  /** The merged PR that brought `sha` to the default branch, when there is one. */
  mergedPullRequestOf(sha: string): Promise<MergedPullRequest | undefined>;
  /** True when `ancestor` is `descendant` or behind it; undefined when GitHub cannot tell. */
  isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined>;
  /** Creates a Deployment of `sha` to `environment`. */
  createDeployment(request: { readonly sha: string; readonly environment: string; readonly description: string; readonly payload: { readonly deployCommit?: string; readonly auditSeq: number; readonly clusters: readonly string[] } }): Promise<ForgeDeployment>;
  /** The Deployments of `sha`. */
  deploymentsOf(sha: string): Promise<ForgeDeployment[]>;
  /** Adds a status to a Deployment. */
  setDeploymentStatus(deployment: number, state: DeploymentState, description: string): Promise<void>;
  /** Comments on a PR (or issue). */
  comment(issue: number, body: string): Promise<void>;
}
