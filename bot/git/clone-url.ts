/**
 * Where the bot fetches a repository from: a template with `{host}`, `{owner}` and `{repo}`, by default
 * `https://{host}/{owner}/{repo}.git` with the host from `GHE_HOST` (GitHub Enterprise Server) or
 * github.com. Tests point it at local bare repositories (`file:///tmp/…/{owner}/{repo}.git`).
 */

/** The default template. */
export const DEFAULT_CLONE_URL_TEMPLATE = 'https://{host}/{owner}/{repo}.git';

/** A repository on the forge. */
export interface RepositoryName {
  readonly owner: string;
  readonly repo: string;
}

const SAFE_NAME = /^[A-Za-z0-9_.-]+$/;

/** True for owner and repo names GitHub allows (no `/`, no `..`, nothing a URL or path could abuse). */
export function isSafeRepositoryName(repository: RepositoryName): boolean {
  return [repository.owner, repository.repo].every((part) => SAFE_NAME.test(part) && part !== '.' && part !== '..');
}

/** The clone URL of a repository. Throws on a name GitHub would never send (a bug or a forged payload). */
export function cloneUrl(repository: RepositoryName, template: string = DEFAULT_CLONE_URL_TEMPLATE, host = 'github.com'): string {
  if (!isSafeRepositoryName(repository)) throw new Error(`Refusing to fetch an oddly named repository: ${JSON.stringify(repository)}`);
  return template.replaceAll('{host}', host).replaceAll('{owner}', repository.owner).replaceAll('{repo}', repository.repo);
}
