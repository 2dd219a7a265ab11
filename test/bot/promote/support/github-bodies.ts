/**
 * Complete GitHub response bodies for the promote/rollback bot tests: GitHub's own OpenAPI examples
 * (`githubResponseExample`) with the fields a test cares about set on top, so every mocked response
 * validates against the description the checked scopes use.
 */
import { githubResponseExample } from '../../../support/github-openapi.ts';

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

/** `POST …/pulls` (201): the opened pull request `number` at `htmlUrl`. */
export function createdPullBody(number: number, htmlUrl: string): Record<string, unknown> {
  const example = githubResponseExample('POST', `${REPOS}/pulls`, 201);
  // GitHub's example lags its schema: `requested_teams[]` lack the required `type`.
  const requestedTeams = (example.requested_teams as Record<string, unknown>[]).map((team) => ({ ...team, type: 'organization' }));
  return { ...example, requested_teams: requestedTeams, number, html_url: htmlUrl };
}

/** `POST …/issues/{issue_number}/comments` (201): the created comment `id`. */
export function createdCommentBody(id: number): Record<string, unknown> {
  return { ...githubResponseExample('POST', `${REPOS}/issues/{issue_number}/comments`, 201), id };
}

/** A 4xx error body as GitHub sends it (`basic-error` / `validation-error`). */
export function errorBody(message: string): Record<string, unknown> {
  return { message, documentation_url: 'https://docs.github.com/rest' };
}
