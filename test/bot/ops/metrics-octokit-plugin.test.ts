import { ProbotOctokit } from 'probot';
import { describe, expect, it } from 'vitest';
import { createBotMetrics } from '../../../bot/observability/bot-metrics.ts';
import { metricsOctokitPlugin } from '../../../bot/observability/metrics-octokit-plugin.ts';
import { githubApi, githubResponseExample, useGitHubApiChecks } from '../../support/github-openapi.ts';

useGitHubApiChecks();

const quiet = { debug() {}, info() {}, warn() {}, error() {} };

function instrumentedOctokit() {
  const metrics = createBotMetrics();
  const Octokit = ProbotOctokit.plugin(metricsOctokitPlugin(metrics));
  const octokit = new Octokit({ auth: 'an-installation-token', log: quiet, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
  return { metrics, octokit };
}

async function series(metrics: ReturnType<typeof createBotMetrics>, prefix: string): Promise<string[]> {
  return (await metrics.registry.metrics()).split('\n').filter((line) => line.startsWith(prefix));
}

describe('metricsOctokitPlugin', () => {
  it('counts a call once with its final status, and the attempts retried after a 5xx', async () => {
    const { metrics, octokit } = instrumentedOctokit();
    const commentExample = githubResponseExample('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', 201);
    githubApi()
      .post('/repos/acme/config/issues/5/comments')
      .reply(502, 'Bad gateway')
      .post('/repos/acme/config/issues/5/comments')
      .reply(201, commentExample);
    await octokit.rest.issues.createComment({ owner: 'acme', repo: 'config', issue_number: 5, body: 'plan' });
    const route = '/repos/{owner}/{repo}/issues/{issue_number}/comments';
    expect(await series(metrics, 'mlops_bot_github_requests_total')).toEqual([
      `mlops_bot_github_requests_total{method="POST",route="${route}",status="201"} 1`,
    ]);
    expect(await series(metrics, 'mlops_bot_github_retries_total')).toEqual([
      `mlops_bot_github_retries_total{method="POST",route="${route}"} 1`,
    ]);
    expect(metrics.writesBy(octokit)).toBe(1);
  });

  it('labels a call that got no response as error, and an HTTP error with its status', async () => {
    const { metrics, octokit } = instrumentedOctokit();
    githubApi()
      .get('/repos/acme/config/pulls/9')
      .reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
      .get('/repos/acme/config/pulls/10')
      .replyWithError('socket hang up');
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: 9 })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.rest.pulls.get({ owner: 'acme', repo: 'config', pull_number: 10 })).rejects.toThrow();
    const route = '/repos/{owner}/{repo}/pulls/{pull_number}';
    expect(await series(metrics, 'mlops_bot_github_requests_total')).toEqual([
      `mlops_bot_github_requests_total{method="GET",route="${route}",status="404"} 1`,
      `mlops_bot_github_requests_total{method="GET",route="${route}",status="error"} 1`,
    ]);
    expect(metrics.writesBy(octokit)).toBe(0);
  });
});
