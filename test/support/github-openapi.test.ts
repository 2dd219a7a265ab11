import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  assertGitHubApiClean,
  flavourForBaseUrl,
  githubApi,
  githubResponseExample,
  takeGitHubApiViolations,
} from './github-openapi.ts';
import { openApiDescription } from './github-openapi/openapi-description.ts';

const checkRunExample = () => githubResponseExample('POST', '/repos/{owner}/{repo}/check-runs', 201);
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const octokit = new Octokit({ log: quiet });

afterEach(() => {
  nock.cleanAll();
  takeGitHubApiViolations();
});

describe('githubApi', () => {
  it('accepts a correct checks.create request and a complete response', async () => {
    const scope = githubApi().post('/repos/acme/config/check-runs').reply(201, checkRunExample());
    const response = await octokit.checks.create({
      owner: 'acme',
      repo: 'config',
      name: 'mlops/validate',
      head_sha: 'ce587453ced02b1526dfb4cb910479d431683101',
      status: 'completed',
      conclusion: 'failure',
      output: {
        title: '1 error',
        summary: 'teams/a.yaml is invalid',
        annotations: [{ path: 'teams/a.yaml', start_line: 3, end_line: 3, annotation_level: 'failure', message: 'unknown field' }],
      },
    });
    expect(response.status).toBe(201);
    expect(scope.isDone()).toBe(true);
    expect(takeGitHubApiViolations()).toEqual([]);
  });

  it('reports a path that names no operation', async () => {
    githubApi().get('/repos/acme/config/check-runz').reply(200, {});
    await octokit.request('GET /repos/acme/config/check-runz');
    expect(takeGitHubApiViolations()).toEqual([
      'GET /repos/acme/config/check-runz: path: matches no operation of api.github.com',
    ]);
  });

  it('reports a method the path does not allow', async () => {
    githubApi().delete('/repos/acme/config/check-runs').reply(204);
    await octokit.request('DELETE /repos/acme/config/check-runs');
    expect(takeGitHubApiViolations()).toEqual([
      'DELETE /repos/acme/config/check-runs: method: /repos/{owner}/{repo}/check-runs allows only POST',
    ]);
  });

  it('reports a body field outside its enum, with its JSON pointer', async () => {
    githubApi().post('/repos/acme/config/check-runs').reply(201, checkRunExample());
    await octokit.request('POST /repos/{owner}/{repo}/check-runs', {
      owner: 'acme',
      repo: 'config',
      name: 'mlops/validate',
      head_sha: 'abc',
      output: { title: 't', summary: 's', annotations: [{ path: 'a.yaml', start_line: 1, end_line: 1, annotation_level: 'fatal', message: 'm' }] },
    } as never);
    expect(takeGitHubApiViolations()).toEqual([
      'POST /repos/acme/config/check-runs: body /output/annotations/0/annotation_level: must be one of "notice", "warning", "failure"',
    ]);
  });

  it('reports a missing required body field', async () => {
    githubApi().post('/repos/acme/config/check-runs').reply(201, checkRunExample());
    await octokit.request('POST /repos/{owner}/{repo}/check-runs', { owner: 'acme', repo: 'config', name: 'mlops/validate' } as never);
    expect(takeGitHubApiViolations()).toEqual(['POST /repos/acme/config/check-runs: body /head_sha: is required but missing']);
  });

  it('reports a mocked response that lacks a required field, from a static body or a reply function', async () => {
    const { head_sha: _omitted, ...incomplete } = checkRunExample();
    githubApi()
      .post('/repos/acme/config/check-runs')
      .reply(201, incomplete)
      .patch('/repos/acme/config/check-runs/4')
      .reply(() => [200, incomplete]);
    await octokit.checks.create({ owner: 'acme', repo: 'config', name: 'n', head_sha: 'abc' });
    await octokit.checks.update({ owner: 'acme', repo: 'config', check_run_id: 4, status: 'in_progress' });
    expect(takeGitHubApiViolations()).toEqual([
      'POST /repos/acme/config/check-runs: response 201 /head_sha: is required but missing',
      'PATCH /repos/acme/config/check-runs/4: response 200 /head_sha: is required but missing',
    ]);
  });

  it('reports invalid path and unknown query parameters, and an undocumented status', async () => {
    githubApi().get('/repos/acme/config/pulls/abc').query({ colour: 'red' }).reply(418, {});
    await octokit.request('GET /repos/acme/config/pulls/abc?colour=red').catch(() => undefined);
    expect(takeGitHubApiViolations()).toEqual([
      'GET /repos/acme/config/pulls/abc: path /pull_number: must be integer',
      'GET /repos/acme/config/pulls/abc: query /colour: is not a known property',
      'GET /repos/acme/config/pulls/abc: response 418: status 418 is not documented (documented: 200, 304, 404, 406, 500, 503)',
    ]);
  });

  it('lets any operation answer 5xx and checks the request of a replyWithError interception', async () => {
    githubApi()
      .get('/repos/acme/config/pulls/7')
      .reply(502, 'Bad gateway')
      .get('/repos/acme/config/pullz/7')
      .replyWithError('connection reset');
    await octokit.pulls.get({ owner: 'acme', repo: 'config', pull_number: 7 }).catch(() => undefined);
    await octokit.request('GET /repos/acme/config/pullz/7').catch(() => undefined);
    expect(takeGitHubApiViolations()).toEqual(['GET /repos/acme/config/pullz/7: path: matches no operation of api.github.com']);
  });

  it('checks a GitHub Enterprise Server base URL against the GHES description', async () => {
    const baseUrl = 'https://ghe.example.com/api/v3';
    expect(flavourForBaseUrl(baseUrl)).toBe('ghes-3.19');
    const ghes = new Octokit({ baseUrl, log: quiet });
    const example = githubResponseExample('POST', '/repos/{owner}/{repo}/check-runs', 201, 'ghes-3.19');
    githubApi(baseUrl).post('/repos/acme/config/check-runs').reply(201, example).get('/repos/acme/config/nothing').reply(200, {});
    await ghes.checks.create({ owner: 'acme', repo: 'config', name: 'mlops/policy', head_sha: 'abc' });
    await ghes.request('GET /repos/acme/config/nothing');
    expect(takeGitHubApiViolations()).toEqual(['GET /api/v3/repos/acme/config/nothing: path: matches no operation of ghes-3.19']);
  });

  it('accepts GraphQL queries and rejects a GraphQL body without one', async () => {
    githubApi().post('/graphql').twice().reply(200, { data: {} });
    await octokit.graphql('query { viewer { login } }');
    await octokit.request('POST /graphql', { variables: {} });
    expect(takeGitHubApiViolations()).toEqual(['POST /graphql: body /query: a GraphQL request needs a query string']);
  });

  it('matches file paths with slashes and prefers literal segments over parameters', async () => {
    githubApi()
      .get('/repos/acme/config/git/ref/heads/feature/x')
      .reply(200, githubResponseExample('GET', '/repos/{owner}/{repo}/git/ref/{ref}', 200))
      .get('/repos/acme/config/pulls/comments')
      .reply(200, []);
    await octokit.request('GET /repos/acme/config/git/ref/heads/feature/x');
    await octokit.pulls.listReviewCommentsForRepo({ owner: 'acme', repo: 'config' });
    expect(takeGitHubApiViolations()).toEqual([]);
  });
});

describe('openApiDescription', () => {
  it('loads each description once per process', () => {
    expect(openApiDescription('api.github.com')).toBe(openApiDescription('api.github.com'));
    expect(openApiDescription('api.github.com').loadMilliseconds).toBeGreaterThan(0);
  });
});

describe('assertGitHubApiClean', () => {
  it('passes when every mock was used and matched the description', async () => {
    githubApi().post('/repos/acme/config/check-runs').reply(201, checkRunExample());
    await octokit.checks.create({ owner: 'acme', repo: 'config', name: 'mlops/approvals', head_sha: 'abc' });
    expect(() => assertGitHubApiClean()).not.toThrow();
  });

  it('fails on a violation, and leaves nothing behind for the next test', async () => {
    githubApi().get('/repos/acme/config/check-runz').reply(200, {});
    await octokit.request('GET /repos/acme/config/check-runz');
    expect(() => assertGitHubApiClean()).toThrow(/check-runz: path: matches no operation/);
    expect(takeGitHubApiViolations()).toEqual([]);
  });

  it('fails on a mock that was never requested', () => {
    githubApi().get('/repos/acme/config/pulls/1').reply(200, {});
    expect(() => assertGitHubApiClean()).toThrow(/never requested/);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
