/**
 * A stateful GitHub for bot tests, behind nock (scopes from `githubApi()` only): pull requests,
 * reviews, check runs (annotations appended on update, as GitHub does), comments, reactions,
 * permissions and team memberships. A test installs the routes it expects to be called; each is
 * persisted and must be used (the tests assert `pendingMocks()` empty). Responses are GitHub's
 * OpenAPI examples filled with the state, so they carry every field a real response does.
 */
import type nock from 'nock';
import { githubApi } from './github-api.ts';
import { exampleOf } from './response-examples.ts';
import type { Payload } from './webhook-payloads.ts';

/** Routes of the fake. */
export type Route =
  | 'getPull'
  | 'listReviews'
  | 'teamMembership'
  | 'permission'
  | 'listCheckRuns'
  | 'createCheckRun'
  | 'updateCheckRun'
  | 'listComments'
  | 'createComment'
  | 'updateComment'
  | 'deleteComment'
  | 'reaction';

/** A check run as the fake holds it. */
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  external_id: string;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
}

/** A comment as the fake holds it. */
export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
}

/** A review as the fake holds it. */
export interface FakeReview {
  id: number;
  login: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  commit_id: string;
}

/** A pull request as the fake holds it. */
export interface FakePull {
  number: number;
  state: 'open' | 'closed';
  headSha: string;
  baseSha: string;
  baseRef: string;
  author: string;
}

/** One request the bot made. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

const BOT = 'cirrus-mlops[bot]';
const ALL_ROUTES: readonly Route[] = ['getPull', 'listReviews', 'teamMembership', 'permission', 'listCheckRuns', 'createCheckRun', 'updateCheckRun', 'listComments', 'createComment', 'updateComment', 'deleteComment', 'reaction'];

/** The fake. */
export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly pulls = new Map<number, FakePull>();
  readonly reviews = new Map<number, FakeReview[]>();
  readonly checkRuns: FakeCheckRun[] = [];
  readonly comments: FakeComment[] = [];
  readonly reactions: { commentId: number; content: string }[] = [];
  readonly permissions: Record<string, string> = {};
  /** `org/team` → member logins. */
  readonly teams: Record<string, string[]> = {};
  readonly requests: RecordedRequest[] = [];
  /** Replies to send instead of the normal one, per route, in order. */
  readonly failures = new Map<Route, { status: number; message: string; headers?: Record<string, string> }[]>();
  /** Called after each request is answered (tests use it to interleave events). */
  onRequest?: (route: Route, request: RecordedRequest) => void;
  #nextId = 1000;

  constructor(owner = 'acme', repo = 'config') {
    this.owner = owner;
    this.repo = repo;
  }

  /**
   * Installs the routes; returns the scope (persisted). Tests use the OpenAPI-checked scope; the
   * benchmark passes a plain `nock` scope, so it measures the bot and not the checker.
   */
  install(routes: readonly Route[] = ALL_ROUTES, scopeFor: () => nock.Scope = githubApi): nock.Scope {
    const scope = scopeFor().persist();
    const repoPath = `/repos/${this.owner}/${this.repo}`;
    const on = (route: Route, interceptor: nock.Interceptor, reply: (path: string, body: Payload) => [number, unknown]) => {
      if (!routes.includes(route)) return;
      interceptor.reply((path, body) => {
        const request = { method: (interceptor as unknown as { method: string }).method, path, body };
        this.requests.push(request);
        const failure = this.failures.get(route)?.shift();
        const result = failure ? ([failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' }, failure.headers ?? {}] as const) : [...reply(path, body as Payload), {}];
        this.onRequest?.(route, request);
        return [result[0], result[1] as nock.Body, result[2]];
      });
    };
    const number = (path: string, after: string) => Number(path.split(after)[1]!.split(/[/?]/)[0]);
    on('getPull', scope.get(new RegExp(`^${repoPath}/pulls/\\d+$`)), (path) => this.#pull(number(path, '/pulls/')));
    on('listReviews', scope.get(new RegExp(`^${repoPath}/pulls/\\d+/reviews(\\?.*)?$`)), (path) => [200, (this.reviews.get(number(path, '/pulls/')) ?? []).map((review) => exampleOf('pull-request-review', { id: review.id, state: review.state, commit_id: review.commit_id, user: { ...exampleOf<{ user: object }>('pull-request-review').user, login: review.login } }))]);
    on('teamMembership', scope.get(/^\/orgs\/[^/]+\/teams\/[^/]+\/memberships\/[^/]+$/), (path) => {
      const [, , org, , team, , user] = path.split('/');
      // GitHub documents this operation's 404 ("not a member") without a body.
      return (this.teams[`${org}/${team}`] ?? []).includes(user!) ? [200, exampleOf('team-membership-response-if-user-is-a-team-maintainer', { role: 'member', state: 'active' })] : [404, ''];
    });
    on('permission', scope.get(new RegExp(`^${repoPath}/collaborators/[^/]+/permission$`)), (path) => {
      const user = path.split('/')[5]!;
      const permission = this.permissions[user] ?? 'read';
      const example = exampleOf<{ user: Record<string, unknown> }>('repository-collaborator-permission-response-if-user-has-admin-permissions');
      // The example's `user` lacks `role_name`, which the collaborator schema requires.
      return [200, { ...example, permission: permission === 'maintain' ? 'write' : permission, role_name: permission, user: { ...example.user, login: user, role_name: permission } }];
    });
    on('listCheckRuns', scope.get(new RegExp(`^${repoPath}/commits/[0-9a-f]+/check-runs(\\?.*)?$`)), (path) => {
      const sha = path.split('/commits/')[1]!.split('/')[0]!;
      const runs = this.checkRuns.filter((run) => run.head_sha === sha);
      return [200, { total_count: runs.length, check_runs: runs.map((run) => this.#checkRun(run)) }];
    });
    on('createCheckRun', scope.post(`${repoPath}/check-runs`), (_path, body) => {
      const run: FakeCheckRun = { id: this.#nextId++, name: body.name, head_sha: body.head_sha, status: body.status ?? 'queued', conclusion: body.conclusion ?? null, external_id: body.external_id ?? '', details_url: body.details_url ?? null, output: { title: null, summary: null, text: null }, annotations: [] };
      this.#applyRun(run, body);
      this.checkRuns.push(run);
      return [201, this.#checkRun(run)];
    });
    on('updateCheckRun', scope.patch(new RegExp(`^${repoPath}/check-runs/\\d+$`)), (path, body) => {
      const run = this.checkRuns.find((candidate) => candidate.id === number(path, '/check-runs/'));
      if (!run) return [404, { message: 'Not Found' }];
      this.#applyRun(run, body);
      return [200, this.#checkRun(run)];
    });
    on('listComments', scope.get(new RegExp(`^${repoPath}/issues/\\d+/comments(\\?.*)?$`)), (path) => [200, this.comments.filter((comment) => comment.issue === number(path, '/issues/')).map((comment) => this.#comment(comment))]);
    on('createComment', scope.post(new RegExp(`^${repoPath}/issues/\\d+/comments$`)), (path, body) => {
      const comment: FakeComment = { id: this.#nextId++, issue: number(path, '/issues/'), body: body.body, login: BOT, type: 'Bot' };
      this.comments.push(comment);
      return [201, this.#comment(comment)];
    });
    on('updateComment', scope.patch(new RegExp(`^${repoPath}/issues/comments/\\d+$`)), (path, body) => {
      const comment = this.comments.find((candidate) => candidate.id === number(path, '/issues/comments/'));
      if (!comment) return [404, { message: 'Not Found' }];
      comment.body = body.body;
      return [200, this.#comment(comment)];
    });
    on('deleteComment', scope.delete(new RegExp(`^${repoPath}/issues/comments/\\d+$`)), (path) => {
      const index = this.comments.findIndex((candidate) => candidate.id === number(path, '/issues/comments/'));
      if (index < 0) return [404, { message: 'Not Found' }];
      this.comments.splice(index, 1);
      return [204, ''];
    });
    on('reaction', scope.post(new RegExp(`^${repoPath}/issues/comments/\\d+/reactions$`)), (path, body) => {
      this.reactions.push({ commentId: number(path, '/issues/comments/'), content: body.content });
      return [201, exampleOf('reaction', { content: body.content })];
    });
    return scope;
  }

  /** Makes the next requests of a route fail (5xx, secondary rate limit…). */
  failNext(route: Route, status: number, message: string, headers?: Record<string, string>): void {
    const queue = this.failures.get(route) ?? [];
    queue.push({ status, message, ...(headers ? { headers } : {}) });
    this.failures.set(route, queue);
  }

  /** Adds a review. */
  review(number: number, login: string, state: FakeReview['state'], commitId: string): FakeReview {
    const review = { id: this.#nextId++, login, state, commit_id: commitId };
    this.reviews.set(number, [...(this.reviews.get(number) ?? []), review]);
    return review;
  }

  /** The bot's runs of a name on a commit. */
  runs(name: string, headSha: string): FakeCheckRun[] {
    return this.checkRuns.filter((run) => run.name === name && run.head_sha === headSha);
  }

  /** Content-creating requests made. */
  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method !== 'GET');
  }

  #applyRun(run: FakeCheckRun, body: Payload): void {
    if (body.status) run.status = body.status;
    if (body.conclusion) {
      run.conclusion = body.conclusion;
      run.status = 'completed';
    }
    if (body.external_id !== undefined) run.external_id = body.external_id;
    if (body.details_url !== undefined) run.details_url = body.details_url;
    if (body.output) {
      run.output = { title: body.output.title ?? run.output.title, summary: body.output.summary ?? run.output.summary, text: body.output.text ?? run.output.text };
      run.annotations.push(...(body.output.annotations ?? []));
    }
  }

  #pull(number: number): [number, unknown] {
    const pull = this.pulls.get(number);
    if (!pull) return [404, { message: 'Not Found' }];
    const example = exampleOf<Payload>('pull-request');
    // The example's `requested_teams[]` lack `type`, which the team schema requires.
    const requestedTeams = (example.requested_teams as Record<string, unknown>[]).map((team) => ({ ...team, type: 'organization' }));
    return [200, { ...example, requested_teams: requestedTeams, number, state: pull.state, html_url: `https://github.com/${this.owner}/${this.repo}/pull/${number}`, user: { ...example.user, login: pull.author }, head: { ...example.head, sha: pull.headSha, ref: `feature-${number}` }, base: { ...example.base, sha: pull.baseSha, ref: pull.baseRef } }];
  }

  #checkRun(run: FakeCheckRun): unknown {
    const example = exampleOf<Payload>('check-run');
    return { ...example, id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion, external_id: run.external_id, details_url: run.details_url, output: { ...example.output, ...run.output, annotations_count: run.annotations.length }, pull_requests: [] };
  }

  #comment(comment: FakeComment): unknown {
    const example = exampleOf<Payload>('issue-comment');
    return { ...example, id: comment.id, body: comment.body, html_url: `https://github.com/${this.owner}/${this.repo}/pull/${comment.issue}#issuecomment-${comment.id}`, user: { ...example.user, login: comment.login, type: comment.type } };
  }
}
