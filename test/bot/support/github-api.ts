/**
 * The one place bot tests create nock scopes for GitHub's REST API, so every test can be switched to
 * the OpenAPI-validating checker at once.
 */
import nock from 'nock';

/** A nock scope for api.github.com. */
export function githubApi(): nock.Scope {
  return nock('https://api.github.com');
}
