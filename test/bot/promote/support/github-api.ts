/** The GitHub API as the promote/rollback bot tests see it: a nock scope on api.github.com (the lead swaps in an OpenAPI-validating checker). */
import nock from 'nock';

/** A scope for GitHub REST calls; tests assert `pendingMocks()` is empty at the end. */
export function githubApi(): nock.Scope {
  return nock('https://api.github.com');
}
