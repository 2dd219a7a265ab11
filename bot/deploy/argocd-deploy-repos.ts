/**
 * The deploy repos the bot's /argocd endpoint serves, and which one a notification is about. Argo CD
 * Notifications sends the Application's `spec.source.repoURL` (see
 * compiler/emit/gitops/argocd-notifications.ts); its last two path segments name the deploy repo
 * (`https://github.com/acme/mlops-deploy.git`, `git@github.com:acme/mlops-deploy`,
 * `ssh://git@github.com/acme/mlops-deploy.git`), matched case-insensitively, as GitHub does, against
 * the repos the operator configured (`MLOPS_ARGOCD_DEPLOY_REPOS`, plus `MLOPS_ARGOCD_DEPLOY_REPO`,
 * which also serves notifications without a repoURL — those of a notifications ConfigMap rendered
 * before the field existed). Any other repo is refused: the bot never writes to a repo it was not
 * told to serve. Pure.
 */
import type { RepositoryName } from '../git/clone-url.ts';
import { parseRepositoryName } from './deploy-targets.ts';

/** One served deploy repo and the branch Argo CD syncs from. */
export interface ArgoCdDeployRepo {
  readonly deployRepo: RepositoryName;
  readonly branch: string;
}

/** The served deploy repos. */
export interface ArgoCdDeployRepos {
  readonly repos: readonly ArgoCdDeployRepo[];
  /** The repo of a notification that names none (`MLOPS_ARGOCD_DEPLOY_REPO`). */
  readonly fallback?: ArgoCdDeployRepo;
}

/** `owner/name` or `owner/name@branch` (branch default main), undefined when malformed. */
export function parseDeployRepoSetting(text: string): ArgoCdDeployRepo | undefined {
  const [name, branch = 'main', ...rest] = text.trim().split('@');
  const deployRepo = parseRepositoryName(name ?? '');
  if (!deployRepo || rest.length > 0 || branch.startsWith('-') || !/^[A-Za-z0-9._/-]+$/.test(branch)) return undefined;
  return { deployRepo, branch };
}

/** The served repos from the environment, or the settings that are malformed. */
export function deployReposOf(env: NodeJS.ProcessEnv): { readonly repos: ArgoCdDeployRepos } | { readonly problems: readonly string[] } {
  const problems: string[] = [];
  const repos: ArgoCdDeployRepo[] = [];
  for (const text of (env.MLOPS_ARGOCD_DEPLOY_REPOS ?? '').split(/[\s,]+/).filter((item) => item !== '')) {
    const repo = parseDeployRepoSetting(text);
    if (repo) repos.push(repo);
    else problems.push(`MLOPS_ARGOCD_DEPLOY_REPOS: ${JSON.stringify(text)} is not owner/name or owner/name@branch`);
  }
  const single = env.MLOPS_ARGOCD_DEPLOY_REPO;
  const fallback = single === undefined || single === '' ? undefined : parseDeployRepoSetting(single);
  if (single !== undefined && single !== '' && !fallback) problems.push('MLOPS_ARGOCD_DEPLOY_REPO must name the deploy repo (owner/name or owner/name@branch)');
  if (fallback && !repos.some((repo) => sameRepository(repo.deployRepo, fallback.deployRepo))) repos.push(fallback);
  if (problems.length === 0 && repos.length === 0) problems.push('MLOPS_ARGOCD_DEPLOY_REPOS (or MLOPS_ARGOCD_DEPLOY_REPO) must name the deploy repos Argo CD syncs from when MLOPS_ARGOCD_TOKEN is set');
  return problems.length > 0 ? { problems } : { repos: { repos, ...(fallback ? { fallback } : {}) } };
}

function sameRepository(a: RepositoryName, b: RepositoryName): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** The `owner/name` a git URL points at (its last two path segments, `.git` dropped); undefined when it has none. */
export function repositoryOfRepoURL(url: string): RepositoryName | undefined {
  const scp = /^[^/@:\s]+@[^/:\s]+:(.+)$/.exec(url);
  let path: string;
  if (scp) path = scp[1]!;
  else {
    try {
      path = new URL(url).pathname;
    } catch {
      return undefined;
    }
  }
  const parts = path.replace(/\/+$/, '').replace(/\.git$/, '').split('/').filter((part) => part !== '');
  return parts.length < 2 ? undefined : parseRepositoryName(parts.slice(-2).join('/'));
}

/** Why a notification cannot be routed: an HTTP status and one sentence. */
export interface RouteRefusal {
  readonly status: 400 | 422;
  readonly error: string;
}

/** The served repo a notification's `repoURL` names (the fallback without one), or why there is none. */
export function routeNotification(served: ArgoCdDeployRepos, repoURL: string | undefined): ArgoCdDeployRepo | RouteRefusal {
  const list = served.repos.map((repo) => `${repo.deployRepo.owner}/${repo.deployRepo.repo}`).join(', ');
  if (repoURL === undefined) {
    return served.fallback ?? { status: 400, error: `the notification names no repoURL and MLOPS_ARGOCD_DEPLOY_REPO is not set; redeploy so Argo CD loads the current notifications ConfigMap (served deploy repos: ${list})` };
  }
  const repository = repositoryOfRepoURL(repoURL);
  if (!repository) return { status: 400, error: `repoURL ${JSON.stringify(repoURL)} does not name a repository` };
  const repo = served.repos.find((candidate) => sameRepository(candidate.deployRepo, repository));
  return repo ?? { status: 422, error: `${repository.owner}/${repository.repo} is not a deploy repo this bot serves (MLOPS_ARGOCD_DEPLOY_REPOS: ${list})` };
}
