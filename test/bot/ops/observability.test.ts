import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBotMetrics } from '../../../bot/observability/bot-metrics.ts';
import { isWrite, routeTemplate } from '../../../bot/observability/metrics-octokit-plugin.ts';
import { type BotServer, startBotServer } from '../../../bot/server/start-server.ts';
import { githubResponseExample, useGitHubApiChecks } from '../../support/github-openapi.ts';
import { minimalApp } from './support/minimal-app.ts';
import { appPrivateKey, deliver, mockInstallationToken, webhookExample } from './support/webhook-delivery.ts';

const secret = 'metrics-test-secret';
const gheBaseUrl = 'https://ghe.example.com/api/v3';

useGitHubApiChecks();

/** The value of one sample line of the Prometheus text format, or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics through the server (GitHub Enterprise Server host)', () => {
  const { appFunction } = minimalApp();
  let server: BotServer;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
    const env = { APP_ID: '7', PRIVATE_KEY: appPrivateKey(), WEBHOOK_SECRET: secret, LOG_LEVEL: 'silent', GHE_HOST: 'ghe.example.com' } as NodeJS.ProcessEnv;
    server = await startBotServer({ appFunction, port: 0, host: '127.0.0.1', env, metrics: createBotMetrics() });
  });
  afterAll(async () => {
    await server.close();
    nock.enableNetConnect();
  });

  it('counts handled events by outcome, times handlers, and counts GitHub calls and writes', async () => {
    const good = webhookExample('pull_request', 'opened');
    const installationId = (good.installation as { id: number }).id;
    const checkRun = githubResponseExample('POST', '/repos/{owner}/{repo}/check-runs', 201, 'ghes-3.19');
    mockInstallationToken(installationId, gheBaseUrl).post('/repos/Codertocat/Hello-World/check-runs').reply(201, checkRun);
    expect((await deliver(server.webhookUrl, 'pull_request', good, { secret, id: 'd1' })).status).toBe(200);

    const crash = webhookExample('pull_request', 'opened');
    (crash.pull_request as { title: string }).title = 'crash';
    expect((await deliver(server.webhookUrl, 'pull_request', crash, { secret, id: 'd2' })).status).toBe(500);

    const response = await fetch(`${server.url}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const labels = 'event="pull_request",action="opened"';
    expect(sample(text, `mlops_bot_events_handled_total{${labels},outcome="success"}`)).toBe(1);
    expect(sample(text, `mlops_bot_events_handled_total{${labels},outcome="failure"}`)).toBe(1);
    expect(sample(text, `mlops_bot_handler_duration_seconds_count{${labels}}`)).toBe(2);
    expect(sample(text, 'mlops_bot_github_requests_total{method="POST",route="/repos/{owner}/{repo}/check-runs",status="201"}')).toBe(1);
    const token = 'mlops_bot_github_requests_total{method="POST",route="/app/installations/{installation_id}/access_tokens",status="201"}';
    expect(sample(text, token)).toBe(1);
    expect(sample(text, 'mlops_bot_github_request_duration_seconds_count{method="POST",route="/repos/{owner}/{repo}/check-runs"}')).toBe(1);
    expect(sample(text, 'mlops_bot_github_writes_per_event_sum{event="pull_request"}')).toBe(1);
    expect(sample(text, 'mlops_bot_github_writes_per_event_count{event="pull_request"}')).toBe(2);
  });

  it('does not count a forged delivery', async () => {
    const before = await (await fetch(`${server.url}/metrics`)).text();
    const forged = await deliver(server.webhookUrl, 'pull_request', webhookExample('pull_request', 'opened'), { secret: 'wrong', id: 'd3' });
    expect(forged.status).toBe(401);
    const after = await (await fetch(`${server.url}/metrics`)).text();
    const series = 'mlops_bot_handler_duration_seconds_count{event="pull_request",action="opened"}';
    expect(sample(after, series)).toBe(sample(before, series));
  });
});

describe('routeTemplate', () => {
  it('keeps templates and turns concrete URLs into templates', () => {
    expect(routeTemplate('/repos/{owner}/{repo}/check-runs')).toBe('/repos/{owner}/{repo}/check-runs');
    expect(routeTemplate('https://ghe.example.com/api/v3/repos/acme/config/pulls/12/reviews?per_page=100')).toBe(
      '/repos/{owner}/{repo}/pulls/{number}/reviews',
    );
    expect(routeTemplate('/repos/a/b/commits/0123456789abcdef0123456789abcdef01234567/check-runs')).toBe(
      '/repos/{owner}/{repo}/commits/{sha}/check-runs',
    );
    expect(routeTemplate('/orgs/acme/teams/ml/memberships/octocat')).toBe('/orgs/{name}/teams/ml/memberships/octocat');
  });
});

describe('isWrite', () => {
  it('counts changes, not reads or token exchanges', () => {
    expect(isWrite('PATCH', '/repos/{owner}/{repo}/check-runs/{check_run_id}')).toBe(true);
    expect(isWrite('GET', '/repos/{owner}/{repo}/pulls')).toBe(false);
    expect(isWrite('POST', '/app/installations/{installation_id}/access_tokens')).toBe(false);
  });
});

describe('createBotMetrics', () => {
  it('keeps each bot’s metrics on its own registry', async () => {
    const first = createBotMetrics();
    const second = createBotMetrics();
    first.eventsHandled.inc({ event: 'push', action: '', outcome: 'success' });
    expect(await second.registry.metrics()).not.toContain('event="push"');
    expect(await first.registry.metrics()).toContain('mlops_bot_events_handled_total{event="push",action="",outcome="success"} 1');
  });
});
