/**
 * Test support: nock scopes for the GitHub REST API whose every interception is checked against
 * GitHub's official OpenAPI description (`@octokit/openapi`).
 *
 * - Requests: the method and path must name an operation; path and query parameters and the JSON body
 *   must validate against its schemas (checked on nock's `request` event, so even `replyWithError`
 *   interceptions are checked).
 * - Mocked responses: the status must be documented (5xx and 429 are always allowed: any endpoint can
 *   fail) and the body must validate against that status's schema (checked by wrapping `reply`, so
 *   reply functions are checked with what they actually return).
 * - `POST …/graphql` is not part of the REST description: its body must carry a `query` string.
 *
 * Violations are collected per process; `useGitHubApiChecks()` fails any test that leaves one, or
 * leaves a mock unused.
 *
 * GitHub's own response examples (`githubResponseExample`) make complete mocks; a few of them lag behind
 * their schema (e.g. `pulls.get`'s `requested_teams[].type`), and the checker names the field to add.
 */
import nock from 'nock';
import { afterEach } from 'vitest';
import { checkRequest, checkResponse, type TrafficProblem } from './github-openapi/check-traffic.ts';
import { type GitHubFlavour, type Operation, openApiDescription } from './github-openapi/openapi-description.ts';

export type { GitHubFlavour } from './github-openapi/openapi-description.ts';
export { introducedWebhookPayloadViolations, webhookPayloadViolations } from './github-openapi/webhook-payloads.ts';

/** Options of `githubApi`. */
export interface GitHubApiOptions {
  /**
   * Which description to check against.
   * @default 'api.github.com' for https://api.github.com, else 'ghes-3.19'
   */
  flavour?: GitHubFlavour;
}

type ReplyBody = unknown;
type ReplyFunction = (this: nock.ReplyFnContext, uri: string, body: nock.Body) => unknown;

const violations: string[] = [];

/** Call a nock reply function, callback-style (three parameters) or not, and await its result. */
function callReply(fn: ReplyFunction, context: nock.ReplyFnContext, uri: string, body: nock.Body): Promise<unknown> {
  if (fn.length < 3) return Promise.resolve(fn.call(context, uri, body));
  return new Promise((resolve, reject) => {
    (fn as (this: unknown, ...args: unknown[]) => void).call(context, uri, body, (error: unknown, result: unknown) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** Every violation recorded since the last call, in the order seen; the list is emptied. */
export function takeGitHubApiViolations(): string[] {
  return violations.splice(0, violations.length);
}

function record(method: string, path: string, problems: TrafficProblem[]): void {
  for (const problem of problems) {
    const where = problem.pointer === '' ? problem.part : `${problem.part} ${problem.pointer}`;
    violations.push(`${method} ${path}: ${where}: ${problem.message}`);
  }
}

/** The flavour checked for a base URL when the caller does not name one. */
export function flavourForBaseUrl(baseUrl: string): GitHubFlavour {
  return new URL(baseUrl).host === 'api.github.com' ? 'api.github.com' : 'ghes-3.19';
}

interface RequestLike {
  method?: string;
  path?: string;
}

/**
 * A nock scope for `baseUrl` (github.com or a GHES `https://host/api/v3`) whose every interception
 * is checked against GitHub's OpenAPI description. Interceptor paths are relative to the base URL's
 * path, as with any nock scope.
 */
export function githubApi(baseUrl = 'https://api.github.com', options: GitHubApiOptions = {}): nock.Scope {
  const url = new URL(baseUrl);
  const basePath = url.pathname.replace(/\/$/, '');
  const description = openApiDescription(options.flavour ?? flavourForBaseUrl(baseUrl));
  const operations = new WeakMap<object, Operation>();
  const seen = new WeakSet<object>();
  const scope = nock(`${url.origin}${basePath}`);

  const apiPathOf = (fullPath: string) => {
    const pathname = fullPath.split('?')[0]!;
    return pathname.startsWith(basePath) ? pathname.slice(basePath.length) || '/' : undefined;
  };

  scope.on('request', (req: RequestLike, _interceptor: unknown, bodyText: string) => {
    seen.add(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const fullPath = req.path ?? '/';
    const pathname = fullPath.split('?')[0]!;
    if (method === 'POST' && pathname.endsWith('/graphql')) {
      const query = (() => {
        try {
          return (JSON.parse(bodyText) as { query?: unknown }).query;
        } catch {
          return undefined;
        }
      })();
      if (typeof query !== 'string') record(method, pathname, [{ part: 'body', pointer: '/query', message: 'a GraphQL request needs a query string' }]);
      return;
    }
    const apiPath = apiPathOf(fullPath);
    if (apiPath === undefined) {
      record(method, pathname, [{ part: 'path', pointer: '', message: `is outside the API base path ${basePath}` }]);
      return;
    }
    const lookup = description.lookup(method, apiPath);
    if (lookup.kind === 'unknown-path') {
      record(method, pathname, [{ part: 'path', pointer: '', message: `matches no operation of ${description.flavour}` }]);
      return;
    }
    if (lookup.kind === 'wrong-method') {
      const allowed = lookup.allowedMethods.join(', ');
      record(method, pathname, [{ part: 'method', pointer: '', message: `${lookup.template} allows only ${allowed}` }]);
      return;
    }
    operations.set(req, lookup.operation);
    const query = new URLSearchParams(fullPath.includes('?') ? fullPath.slice(fullPath.indexOf('?') + 1) : '');
    record(method, pathname, checkRequest(description, lookup.operation, lookup.pathParameters, query, bodyText ?? ''));
  });

  const checkReply = (req: RequestLike | undefined, status: number, body: ReplyBody) => {
    if (!req || !seen.has(req)) {
      // Never silent: if nock stops emitting 'request' before replying, every response goes unchecked.
      violations.push(`${req?.method ?? '?'} ${req?.path ?? '?'}: response ${status}: the checker never saw this request`);
      return;
    }
    const operation = operations.get(req);
    if (!operation) return; // the request itself was already reported, or it is GraphQL
    record(operation.method, (req.path ?? '').split('?')[0]!, checkResponse(description, operation, status, body));
  };

  const intercept = scope.intercept.bind(scope);
  scope.intercept = (...args: Parameters<nock.Scope['intercept']>) => {
    const interceptor = intercept(...args);
    const reply = interceptor.reply.bind(interceptor) as (...replyArgs: unknown[]) => nock.Scope;
    (interceptor as { reply: unknown }).reply = (...replyArgs: unknown[]) => {
      const [first, second, headers] = replyArgs;
      if (typeof first === 'function') {
        const full = first as ReplyFunction;
        return reply(async function (this: nock.ReplyFnContext, uri: string, requestBody: nock.Body) {
          const result = (await callReply(full, this, uri, requestBody)) as [number, ReplyBody?, unknown?];
          checkReply(this.req, result[0], result[1]);
          return result;
        });
      }
      const status = (first as number | undefined) ?? 200;
      const bodyOf = typeof second === 'function' ? (second as ReplyFunction) : () => second;
      return reply(
        status,
        async function (this: nock.ReplyFnContext, uri: string, requestBody: nock.Body) {
          const body = await callReply(bodyOf, this, uri, requestBody);
          checkReply(this.req, status, body);
          return body as nock.Body;
        },
        headers,
      );
    };
    return interceptor;
  };
  return scope;
}

/**
 * Fail (throw, listing every problem) if any GitHub API violation was recorded or any nock mock was left
 * unused; either way, empty the violations and clean all nock interceptors for the next test.
 */
export function assertGitHubApiClean(): void {
  const found = takeGitHubApiViolations();
  const pending = nock.pendingMocks();
  nock.cleanAll();
  const report = [
    ...(found.length > 0 ? ['Requests or mocked responses that do not match GitHub’s OpenAPI description:', ...found] : []),
    ...(pending.length > 0 ? ['Nock mocks that were never requested:', ...pending] : []),
  ];
  if (report.length > 0) throw new Error(report.join('\n  '));
}

/** Vitest setup: `assertGitHubApiClean()` after each test. Call once at the top of a test file. */
export function useGitHubApiChecks(): void {
  afterEach(assertGitHubApiClean);
}

/**
 * The first example body GitHub's description gives for an operation's response, e.g.
 * `githubResponseExample('POST', '/repos/{owner}/{repo}/check-runs', 201)`: a complete, valid response
 * to build mocks from (a fresh copy: adjust the fields a test cares about). Arrays come back as arrays.
 */
export function githubResponseExample(method: string, template: string, status: number, flavour: GitHubFlavour = 'api.github.com'): Record<string, unknown> {
  const description = openApiDescription(flavour);
  const lookup = description.lookup(method, template);
  if (lookup.kind !== 'found' || lookup.operation.template !== template) {
    throw new Error(`${method} ${template} is not an operation of ${flavour}`);
  }
  const content = lookup.operation.responses[String(status)]?.content?.['application/json'];
  const examples = Object.values(content?.examples ?? {});
  if (examples.length === 0) throw new Error(`${method} ${template} has no example for status ${status}`);
  const example = description.resolve(examples[0] as { value: Record<string, unknown> });
  return structuredClone(example.value);
}
