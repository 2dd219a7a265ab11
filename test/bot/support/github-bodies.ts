/**
 * Complete GitHub response bodies for the bot tests (promote/rollback, deploy, Argo CD endpoint):
 * GitHub's own OpenAPI examples (`githubResponseExample`) with the fields a test cares about set on top,
 * so every mocked response validates against the description the checked scopes use.
 */
import { githubResponseExample } from '../../support/github-openapi.ts';

const REPOS = '/repos/{owner}/{repo}';

/** `GET …/git/commits/{sha}` (200): the commit `sha` whose tree is `treeSha`. */
export function gitCommitBody(sha: string, treeSha: string): Record<string, unknown> {
  const example = githubResponseExample('GET', `${REPOS}/git/commits/{commit_sha}`, 200);
  return { ...example, sha, tree: { ...(example.tree as object), sha: treeSha } };
}

/** `POST …/git/commits` (201): the created commit `sha` with tree `treeSha`. */
export function createdCommitBody(sha: string, treeSha: string): Record<string, unknown> {
  const example = githubResponseExample('POST', `${REPOS}/git/commits`, 201);
  return { ...example, sha, tree: { ...(example.tree as object), sha: treeSha } };
}

/** `POST …/git/blobs` (201): the created blob `sha`. */
export function createdBlobBody(sha: string): Record<string, unknown> {
  return { ...githubResponseExample('POST', `${REPOS}/git/blobs`, 201), sha };
}

/** `POST …/git/trees` (201): the created tree `sha`. */
export function createdTreeBody(sha: string): Record<string, unknown> {
  return { ...githubResponseExample('POST', `${REPOS}/git/trees`, 201), sha };
}

/** `POST …/git/refs` (201): the created `ref` pointing at commit `sha`. */
export function createdRefBody(ref: string, sha: string): Record<string, unknown> {
  const example = githubResponseExample('POST', `${REPOS}/git/refs`, 201);
  return { ...example, ref, object: { ...(example.object as object), type: 'commit', sha } };
}

/** GitHub's pull request examples lag their schema: `requested_teams[]` lack the required `type`. */
function withTypedTeams(pull: Record<string, unknown>): Record<string, unknown> {
  const requestedTeams = (pull.requested_teams as Record<string, unknown>[] | undefined)?.map((team) => ({ ...team, type: 'organization' }));
  return requestedTeams ? { ...pull, requested_teams: requestedTeams } : pull;
}

/** The first element of an operation's example when it is a list. */
function firstOf(method: string, template: string, status: number): Record<string, unknown> {
  const example = githubResponseExample(method, template, status) as unknown as Record<string, unknown>[];
  return example[0]!;
}

/** `POST …/pulls` (201): the opened pull request `number` at `htmlUrl`. */
export function createdPullBody(number: number, htmlUrl: string): Record<string, unknown> {
  return { ...withTypedTeams(githubResponseExample('POST', `${REPOS}/pulls`, 201)), number, html_url: htmlUrl };
}

/** What a test says about a pull request listed by `GET …/commits/{sha}/pulls`. */
export interface PullFields {
  number: number;
  author: string;
  labels?: string[];
  createdAt: string;
  mergedAt: string | null;
  mergeCommitSha: string | null;
}

/** One element of `GET …/commits/{commit_sha}/pulls` (200): the pull request described by `fields`. */
export function commitPullBody(fields: PullFields): Record<string, unknown> {
  const example = withTypedTeams(firstOf('GET', `${REPOS}/commits/{commit_sha}/pulls`, 200));
  return {
    ...example,
    number: fields.number,
    user: { ...(example.user as object), login: fields.author },
    labels: (fields.labels ?? []).map(labelBody),
    created_at: fields.createdAt,
    merged_at: fields.mergedAt,
    merge_commit_sha: fields.mergeCommitSha,
  };
}

/** `GET …/labels/{name}` (200): the label `name`. */
export function labelBody(name: string): Record<string, unknown> {
  return { ...githubResponseExample('GET', `${REPOS}/labels/{name}`, 200), name };
}

/** One element of `GET …/pulls/{pull_number}/reviews` (200): a review by `login` in `state` (e.g. `APPROVED`). */
export function reviewBody(login: string, state: string): Record<string, unknown> {
  const example = firstOf('GET', `${REPOS}/pulls/{pull_number}/reviews`, 200);
  return { ...example, user: { ...(example.user as object), login }, state };
}

/** `GET …/compare/{basehead}` (200): a comparison whose `status` is `ahead`, `behind`, `diverged` or `identical`. */
export function comparisonBody(status: string): Record<string, unknown> {
  return { ...githubResponseExample('GET', `${REPOS}/compare/{basehead}`, 200), status };
}

/** What a test says about a deployment. */
export interface DeploymentFields {
  id: number;
  environment: string;
  payload?: Record<string, unknown>;
  /** The deployed commit (GitHub's example's otherwise). */
  sha?: string;
}

/** A deployment as `POST …/deployments` (201) and each element of `GET …/deployments` (200) return it. */
export function deploymentBody(fields: DeploymentFields): Record<string, unknown> {
  const example = githubResponseExample('POST', `${REPOS}/deployments`, 201);
  return { ...example, id: fields.id, environment: fields.environment, payload: fields.payload ?? {}, ...(fields.sha ? { sha: fields.sha } : {}), url: `https://api.github.com/repos/octocat/example/deployments/${fields.id}` };
}

/** `POST …/deployments/{deployment_id}/statuses` (201): the created status, in `state`. */
export function createdDeploymentStatusBody(state: string): Record<string, unknown> {
  return { ...githubResponseExample('POST', `${REPOS}/deployments/{deployment_id}/statuses`, 201), state };
}

/** `POST /app/installations/{installation_id}/access_tokens` (201): `token`, valid until 2099. */
export function installationTokenBody(token: string): Record<string, unknown> {
  return { ...githubResponseExample('POST', '/app/installations/{installation_id}/access_tokens', 201), token, expires_at: '2099-01-01T00:00:00Z' };
}

/**
 * `GET /repos/{owner}/{repo}` (200): the repository `owner/name` whose default branch is `defaultBranch`.
 * GitHub's example lags its schema (no `language`, here or in `source`), and is of a fork: this one is not.
 */
export function repositoryBody(owner: string, name: string, defaultBranch: string): Record<string, unknown> {
  const { source: _source, parent: _parent, ...example } = githubResponseExample('GET', REPOS, 200);
  return { ...example, language: null, fork: false, name, full_name: `${owner}/${name}`, owner: { ...(example.owner as object), login: owner }, default_branch: defaultBranch };
}

/** `GET …/branches/{branch}` (200): the branch `name` at commit `sha`. */
export function branchBody(name: string, sha: string): Record<string, unknown> {
  const example = githubResponseExample('GET', `${REPOS}/branches/{branch}`, 200);
  return { ...example, name, commit: { ...(example.commit as object), sha } };
}

/** `GET …/installation` (200): the app's installation `id` on the repository. */
export function installationBody(id: number): Record<string, unknown> {
  return { ...githubResponseExample('GET', `${REPOS}/installation`, 200), id, access_tokens_url: `https://api.github.com/app/installations/${id}/access_tokens` };
}

/** `POST …/issues/{issue_number}/comments` (201): the created comment `id`. */
export function createdCommentBody(id: number): Record<string, unknown> {
  return { ...githubResponseExample('POST', `${REPOS}/issues/{issue_number}/comments`, 201), id };
}

/** A 4xx error body as GitHub sends it (`basic-error` / `validation-error`). */
export function errorBody(message: string): Record<string, unknown> {
  return { message, documentation_url: 'https://docs.github.com/rest' };
}

/** `GET /orgs/{org}/teams/{team_slug}/memberships/{username}` (200): an active member. */
export function teamMembershipBody(): Record<string, unknown> {
  return { ...githubResponseExample('GET', '/orgs/{org}/teams/{team_slug}/memberships/{username}', 200), role: 'member', state: 'active' };
}
