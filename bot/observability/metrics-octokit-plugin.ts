/**
 * An Octokit plugin that counts and times every GitHub REST call by method, route template and status,
 * and counts writes per Octokit instance (Probot gives each event its own `context.octokit`).
 * Plugins added to ProbotOctokit wrap its retry and throttling plugins, so a call is counted once with
 * its final status, and the attempts the retry plugin repeated are counted apart.
 * Attach it to Probot's Octokit: `ProbotOctokit.plugin(metricsOctokitPlugin(metrics))`.
 */
import type { Octokit } from '@octokit/rest';
import type { BotMetrics } from './bot-metrics.ts';

const writingMethods = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** A call that changes something on GitHub (an installation-token exchange is a POST but changes nothing). */
export function isWrite(method: string, route: string): boolean {
  return writingMethods.has(method) && !route.endsWith('/access_tokens');
}

/**
 * The route template of a request URL, so labels stay few: templates (`/repos/{owner}/{repo}/pulls`)
 * are kept; concrete URLs lose origin, API base path and query, and their owner, repository, numbers
 * and SHAs become placeholders.
 */
export function routeTemplate(url: string): string {
  let route = url.replace(/^[a-z]+:\/\/[^/]+/i, '').split('?')[0]!;
  if (route.includes('{')) return route;
  route = route.replace(/^\/api\/v3(?=\/)/, '');
  route = route.replace(/^\/repos\/[^/]+\/[^/]+/, '/repos/{owner}/{repo}');
  route = route.replace(/^\/(orgs|users)\/[^/]+/, '/$1/{name}');
  return route
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? '{number}' : /^[0-9a-f]{40}$/i.test(segment) ? '{sha}' : segment))
    .join('/');
}

/** The plugin: `(octokit) => {}` that wraps `octokit.hook('request')`. */
export function metricsOctokitPlugin(metrics: BotMetrics) {
  return (octokit: Pick<Octokit, 'hook'>): Record<string, never> => {
    octokit.hook.wrap('request', async (request, options) => {
      const method = String(options.method ?? 'GET').toUpperCase();
      const route = routeTemplate(String(options.url ?? ''));
      const stopTimer = metrics.githubRequestSeconds.startTimer({ method, route });
      if (isWrite(method, route)) metrics.countWrite(octokit);
      try {
        const response = await request(options);
        metrics.githubRequests.inc({ method, route, status: String(response.status) });
        return response;
      } catch (error) {
        // Octokit reports a network failure as status 500 without a response: label it `error`.
        const { status, response } = error as { status?: unknown; response?: unknown };
        metrics.githubRequests.inc({ method, route, status: response && typeof status === 'number' ? String(status) : 'error' });
        throw error;
      } finally {
        stopTimer();
        const retries = (options.request as { retryCount?: unknown } | undefined)?.retryCount;
        if (typeof retries === 'number' && retries > 0) metrics.githubRetries.inc({ method, route }, retries);
      }
    });
    return {};
  };
}
