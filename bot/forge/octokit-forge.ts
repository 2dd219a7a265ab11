/**
 * The Forge over Octokit (the installation client Probot hands each event). Every content-creating
 * request goes through the write pacer and is counted; retries of 5xx and rate limits are Octokit's
 * (the retry and throttling plugins, configured in `bot-octokit.ts`).
 */
import type { ProbotOctokit } from 'probot';
import type { CheckRunRecord, CheckRunWrite, CommentRecord, Forge, ForgeStats, PermissionLevel, PullRequestRecord, Reaction, ReviewRecord } from './forge.ts';
import { isActiveTeamMember, type ReviewReadOctokit, reviewRecords } from '../approvals/github-review-reads.ts';
import { NO_PACING, type WritePacer } from './write-pacer.ts';

/** Options of the Octokit forge. */
export interface OctokitForgeOptions {
  /** Paces writes; keyed by `paceKey`. @default NO_PACING */
  readonly pacer?: WritePacer;
  /** The pacing key, normally the installation id. @default "default" */
  readonly paceKey?: string;
  /** The bot's own login (`my-app[bot]`), to recognise its comments; undefined: any Bot account. */
  readonly botLogin?: string;
}

const PERMISSIONS: readonly PermissionLevel[] = ['admin', 'maintain', 'write', 'triage', 'read', 'none'];

function checkRunBody(run: Partial<CheckRunWrite>): Record<string, unknown> {
  return {
    ...(run.name !== undefined ? { name: run.name } : {}),
    ...(run.headSha !== undefined ? { head_sha: run.headSha } : {}),
    ...(run.status !== undefined ? { status: run.status } : {}),
    ...(run.conclusion !== undefined ? { conclusion: run.conclusion } : {}),
    ...(run.detailsUrl !== undefined ? { details_url: run.detailsUrl } : {}),
    ...(run.externalId !== undefined ? { external_id: run.externalId } : {}),
    ...(run.output !== undefined ? { output: { ...run.output, ...(run.annotations && run.annotations.length > 0 ? { annotations: run.annotations } : {}) } } : {}),
  };
}

/** Creates a Forge over an installation's Octokit. */
export function octokitForge(octokit: ProbotOctokit, options: OctokitForgeOptions = {}): Forge {
  const pacer = options.pacer ?? NO_PACING;
  const paceKey = options.paceKey ?? 'default';
  let calls = 0;
  let writes = 0;
  const read = async <T>(request: () => Promise<T>): Promise<T> => {
    calls++;
    return request();
  };
  const write = <T>(request: () => Promise<T>): Promise<T> =>
    pacer.pace(paceKey, () => {
      calls++;
      writes++;
      return request();
    });
  const isBot = (user: { login: string; type?: string } | null | undefined) => (options.botLogin ? user?.login === options.botLogin : user?.type === 'Bot');

  return {
    async getPullRequest({ owner, repo }, number): Promise<PullRequestRecord> {
      const { data } = await read(() => octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', { owner, repo, pull_number: number }));
      return { number: data.number, state: data.state === 'closed' ? 'closed' : 'open', headSha: data.head.sha, baseRef: data.base.ref, baseSha: data.base.sha, author: data.user.login, url: data.html_url };
    },
    async listReviews({ owner, repo }, number): Promise<ReviewRecord[]> {
      calls++;
      return reviewRecords(await octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', { owner, repo, pull_number: number, per_page: 100 }));
    },
    isTeamMember: (org, teamSlug, user) => read(() => isActiveTeamMember(octokit as unknown as ReviewReadOctokit, org, teamSlug, user)),
    async permissionOf({ owner, repo }, user) {
      try {
        const { data } = await read(() => octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner, repo, username: user }));
        const level = (data.role_name === 'maintain' ? 'maintain' : data.permission) as PermissionLevel;
        return PERMISSIONS.includes(level) ? level : 'none';
      } catch (error) {
        if ((error as { status?: number }).status === 404) return 'none';
        throw error;
      }
    },
    async listCheckRuns({ owner, repo }, headSha, names): Promise<CheckRunRecord[]> {
      const { data } = await read(() => octokit.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', { owner, repo, ref: headSha, filter: 'all', per_page: 100 }));
      return data.check_runs
        .filter((run) => names.includes(run.name) && run.head_sha === headSha && (run.external_id ?? '').startsWith('cirrus-mlops:'))
        .map((run) => ({ id: Number(run.id), name: run.name, headSha: run.head_sha, status: run.status, conclusion: run.conclusion, externalId: run.external_id, annotationsCount: run.output.annotations_count }));
    },
    async createCheckRun({ owner, repo }, run) {
      const { data } = await write(() => octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner, repo, ...(checkRunBody(run) as { name: string; head_sha: string }) }));
      return Number(data.id);
    },
    async updateCheckRun({ owner, repo }, id, run) {
      await write(() => octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', { owner, repo, check_run_id: id, ...checkRunBody(run) }));
    },
    async findComments({ owner, repo }, number, marker): Promise<CommentRecord[]> {
      calls++;
      const comments = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number, per_page: 100 });
      return comments
        .filter((comment) => (comment.body ?? '').includes(marker))
        .map((comment) => ({ id: comment.id, body: comment.body ?? '', url: comment.html_url, byBot: isBot(comment.user) }))
        .sort((a, b) => a.id - b.id);
    },
    async createComment({ owner, repo }, number, body) {
      const { data } = await write(() => octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', { owner, repo, issue_number: number, body }));
      return { id: Number(data.id), body: data.body ?? body, url: data.html_url, byBot: true };
    },
    async updateComment({ owner, repo }, id, body) {
      await write(() => octokit.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id, body }));
    },
    async deleteComment({ owner, repo }, id) {
      await write(() => octokit.request('DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}', { owner, repo, comment_id: id }));
    },
    async reactToComment({ owner, repo }, commentId, reaction: Reaction) {
      await write(() => octokit.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', { owner, repo, comment_id: commentId, content: reaction }));
    },
    stats(): ForgeStats {
      return { calls, writes };
    },
  };
}
