/**
 * The GitHub API as the deploy tests see it: a nock scope on https://api.github.com. Kept behind this
 * one function so the lead can swap in the OpenAPI-validating checker of test/bot/support/.
 */
import nock from 'nock';

/** A nock scope for api.github.com. */
export function githubApi(): nock.Scope {
  return nock('https://api.github.com');
}
