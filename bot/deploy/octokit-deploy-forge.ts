/** `DeployForge` over an installation's Octokit (REST routes only, so any Octokit with `request` will do). */
import { type GitHubReview, isActiveTeamMember, reviewRecords } from '../approvals/github-review-reads.ts';
import type { ReviewRecord } from '../forge/forge.ts';
import type { DeployForge, DeploymentState, ForgeDeployment, MergedPullRequest, RepositoryRef } from './deploy-forge.ts';

/** The part of Octokit the forge uses. */
export interface RequestOctokit {
  request(route: string, parameters?: Record<string, unknown>): Promise<{ readonly data: unknown }>;
}

interface DeploymentData {
  readonly id: number;
  readonly environment: string;
  readonly payload?: unknown;
}

/** GitHub description fields take at most 140 characters. */
function description(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function clustersOf(payload: unknown): string[] {
  const parsed = typeof payload === 'string' ? (() => {
    try {
      return JSON.parse(payload) as unknown;
    } catch {
      return undefined;
    }
  })() : payload;
  const clusters = (parsed as { clusters?: unknown } | undefined)?.clusters;
  return Array.isArray(clusters) ? clusters.filter((cluster): cluster is string => typeof cluster === 'string') : [];
}

function toDeployment(data: DeploymentData): ForgeDeployment {
  return { id: data.id, environment: data.environment, clusters: clustersOf(data.payload) };
}

/** The Octokit forge of one repository. */
export class OctokitDeployForge implements DeployForge {
  constructor(
    private readonly octokit: RequestOctokit,
    private readonly repository: RepositoryRef,
  ) {}

  async reviews(pullRequest: number): Promise<ReviewRecord[]> {
    const reviews: GitHubReview[] = [];
    for (let page = 1; ; page++) {
      const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { ...this.repository, pull_number: pullRequest, per_page: 100, page });
      const batch = data as GitHubReview[];
      reviews.push(...batch);
      if (batch.length < 100) return reviewRecords(reviews);
    }
  }

  isTeamMember(org: string, teamSlug: string, user: string): Promise<boolean> {
    return isActiveTeamMember(this.octokit, org, teamSlug, user);
  }

  async mergedPullRequestOf(sha: string): Promise<MergedPullRequest | undefined> {
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls', { ...this.repository, commit_sha: sha });
    type Pull = { number: number; head: { sha: string }; user?: { login?: string } | null; labels?: { name?: string }[]; created_at?: string; merged_at?: string | null; merge_commit_sha?: string | null };
    const pull = (data as Pull[]).find((candidate) => candidate.merged_at && candidate.merge_commit_sha === sha) ?? (data as Pull[]).find((candidate) => candidate.merged_at);
    if (!pull) return undefined;
    return {
      number: pull.number,
      author: pull.user?.login ?? 'unknown',
      headSha: pull.head.sha,
      labels: (pull.labels ?? []).map((label) => label.name ?? '').filter((name) => name !== ''),
      ...(pull.created_at ? { openedAt: pull.created_at } : {}),
      ...(pull.merged_at ? { mergedAt: pull.merged_at } : {}),
    };
  }

  async isAncestor(ancestor: string, descendant: string): Promise<boolean | undefined> {
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', { ...this.repository, basehead: `${ancestor}...${descendant}`, per_page: 1 });
    const status = (data as { status?: string }).status;
    if (status === 'ahead' || status === 'identical') return true;
    if (status === 'behind' || status === 'diverged') return false;
    return undefined;
  }

  async createDeployment(request: Parameters<DeployForge['createDeployment']>[0]): Promise<ForgeDeployment> {
    const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/deployments', {
      ...this.repository,
      ref: request.sha,
      environment: request.environment,
      description: description(request.description),
      payload: request.payload,
      auto_merge: false,
      required_contexts: [],
    });
    return toDeployment(data as DeploymentData);
  }

  async deploymentsOf(sha: string): Promise<ForgeDeployment[]> {
    const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/deployments', { ...this.repository, sha, per_page: 100 });
    return (data as DeploymentData[]).map(toDeployment);
  }

  async setDeploymentStatus(deployment: number, state: DeploymentState, text: string): Promise<void> {
    await this.octokit.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { ...this.repository, deployment_id: deployment, state, description: description(text), auto_inactive: state === 'success' });
  }

  async comment(issue: number, body: string): Promise<void> {
    await this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { ...this.repository, issue_number: issue, body });
  }
}
