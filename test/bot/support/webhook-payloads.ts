/**
 * Real webhook payloads from `@octokit/webhooks-examples`, with only the repository, pull-request,
 * commit and user fields adjusted to the test's fake GitHub and git remote.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A webhook payload: JSON adjusted field by field, so typed loosely on purpose. */
// biome-ignore lint/suspicious/noExplicitAny: example payloads are plain JSON, edited by path
export type Payload = Record<string, any>;

interface ExampleGroup {
  readonly name: string;
  readonly examples: readonly Record<string, unknown>[];
}

let groups: readonly ExampleGroup[] | undefined;

/** A deep copy of the first example of `event` with `action`. */
export function examplePayload(event: string, action: string): Payload {
  groups ??= require('@octokit/webhooks-examples/api.github.com/index.json') as ExampleGroup[];
  const example = groups.find((group) => group.name === event)?.examples.find((candidate) => candidate.action === action);
  if (!example) throw new Error(`no example of ${event}.${action}`);
  return structuredClone(example) as Payload;
}

/** The repository, pull request and people a payload is adjusted to. */
export interface PayloadTarget {
  readonly owner: string;
  readonly repo: string;
  readonly installationId: number;
}

function adjustRepository(payload: Payload, target: PayloadTarget): void {
  payload.repository.name = target.repo;
  payload.repository.full_name = `${target.owner}/${target.repo}`;
  payload.repository.owner.login = target.owner;
  payload.installation = { id: target.installationId, node_id: 'MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==' };
}

/** The pull request fields a payload carries. */
export interface PullRequestFields {
  readonly number: number;
  readonly headSha: string;
  readonly baseSha: string;
  readonly baseRef: string;
  readonly author: string;
}

function adjustPullRequest(pullRequest: Payload, fields: PullRequestFields): void {
  pullRequest.number = fields.number;
  pullRequest.head.sha = fields.headSha;
  pullRequest.base.sha = fields.baseSha;
  pullRequest.base.ref = fields.baseRef;
  pullRequest.user.login = fields.author;
  pullRequest.state = 'open';
}

/** A `pull_request` payload (`edited` is the `opened` example with `changes.base`: the examples hold no `edited`). */
export function pullRequestPayload(action: 'opened' | 'synchronize' | 'reopened' | 'ready_for_review' | 'edited', target: PayloadTarget, fields: PullRequestFields): Payload {
  const payload = examplePayload('pull_request', action === 'edited' ? 'opened' : action);
  adjustRepository(payload, target);
  adjustPullRequest(payload.pull_request, fields);
  payload.number = fields.number;
  if (action === 'edited') Object.assign(payload, { action: 'edited', changes: { base: { ref: { from: 'develop' }, sha: { from: fields.baseSha } } } });
  return payload;
}

/** A `pull_request_review` payload. */
export function reviewPayload(action: 'submitted' | 'dismissed', target: PayloadTarget, fields: PullRequestFields, reviewer: string): Payload {
  const payload = examplePayload('pull_request_review', action);
  adjustRepository(payload, target);
  adjustPullRequest(payload.pull_request, fields);
  payload.review.user.login = reviewer;
  payload.review.commit_id = fields.headSha;
  return payload;
}

/** An `issue_comment.created` payload on a pull request. */
export function commentPayload(target: PayloadTarget, number: number, commenter: string, body: string, commentId: number): Payload {
  const payload = examplePayload('issue_comment', 'created');
  adjustRepository(payload, target);
  payload.issue.number = number;
  payload.issue.pull_request ??= { url: `https://api.github.com/repos/${target.owner}/${target.repo}/pulls/${number}` };
  payload.comment.id = commentId;
  payload.comment.body = body;
  payload.comment.user.login = commenter;
  payload.comment.user.type = 'User';
  return payload;
}

/** A `merge_group.checks_requested` payload. */
export function mergeGroupPayload(target: PayloadTarget, group: { headSha: string; headRef: string; baseSha: string; baseRef: string }): Payload {
  const payload = examplePayload('merge_group', 'checks_requested');
  adjustRepository(payload, target);
  Object.assign(payload.merge_group, { head_sha: group.headSha, head_ref: group.headRef, base_sha: group.baseSha, base_ref: group.baseRef });
  return payload;
}

/** A `check_run.rerequested` payload for one of the bot's runs. */
export function checkRunRerequestedPayload(target: PayloadTarget, run: { name: string; headSha: string; externalId: string }): Payload {
  const payload = examplePayload('check_run', 'rerequested');
  adjustRepository(payload, target);
  Object.assign(payload.check_run, { name: run.name, head_sha: run.headSha, external_id: run.externalId, pull_requests: [] });
  return payload;
}

/** The `pull_request.closed` example, merged into `baseRef` as `mergeSha` by `mergedBy`. */
export function mergedPullRequestPayload(target: PayloadTarget, fields: PullRequestFields, mergeSha: string, mergedBy: string): Payload {
  const payload = examplePayload('pull_request', 'closed');
  adjustRepository(payload, target);
  adjustPullRequest(payload.pull_request, fields);
  payload.number = fields.number;
  payload.repository.default_branch = fields.baseRef;
  Object.assign(payload.pull_request, { state: 'closed', merged: true, merged_at: '2026-11-27T12:00:00Z', merge_commit_sha: mergeSha, merged_by: { ...payload.pull_request.user, login: mergedBy }, labels: [] });
  return payload;
}
