/**
 * The one place bot tests create nock scopes for GitHub's REST API: scopes of the OpenAPI checker
 * (`test/support/github-openapi.ts`), so every request the bot sends and every response a test mocks
 * is checked against GitHub's official OpenAPI description. Importing this module in a vitest run
 * registers an `afterEach` that fails the test on any violation or unused mock.
 */
import { githubApi as checkedGitHubApi, useGitHubApiChecks } from '../../support/github-openapi.ts';
import type nock from 'nock';

// Inside vitest only: the bot benchmark (scripts/bench/bot.ts) loads the fake GitHub outside a test run.
if (process.env.VITEST) useGitHubApiChecks();

/** A checked nock scope for api.github.com (or a GitHub Enterprise Server API URL). */
export function githubApi(baseUrl = 'https://api.github.com'): nock.Scope {
  return checkedGitHubApi(baseUrl);
}
