/**
 * The bot's deploy repo clones: one bare cache clone per deploy repo and branch under the bot's cache
 * root (`<root>/.deploy/<owner>/<repo>@<branch>.git`, a folder no GitHub owner can be named), reached through the same clone-URL template and
 * host as config repos, fetched and pushed with the installation token (an HTTP header of those git
 * processes only). A clone is leased: whoever holds it (a deploy, the /argocd endpoint, a command
 * reading the trail) has it alone until it releases it, so no two users of one process share a cache
 * folder at the same time (the in-process keyed lock; replicas have their own folders).
 */
import { join } from 'node:path';
import { GitDeployTarget } from '../../compiler/cli/deploy/git-deploy-target.ts';
import { cloneUrl, DEFAULT_CLONE_URL_TEMPLATE, isSafeRepositoryName, type RepositoryName } from '../git/clone-url.ts';
import { KeyedLock } from '../git/keyed-lock.ts';
import { tokenEnvironment } from '../git/repo-cache.ts';

/** Where the clones live and how remotes are reached. */
export interface DeployTargetsOptions {
  /** The bot's cache root (`MLOPS_BOT_CACHE_DIR`). */
  readonly root: string;
  /** @default DEFAULT_CLONE_URL_TEMPLATE */
  readonly cloneUrlTemplate?: string;
  /** `GHE_HOST`. @default github.com */
  readonly host?: string;
}

/** A deploy target held by one user until `release()`. */
export interface DeployTargetLease {
  readonly target: GitDeployTarget;
  release(): void;
}

/** `owner/name` as a repository, undefined when it is not one. */
export function parseRepositoryName(fullName: string): RepositoryName | undefined {
  const [owner, repo, ...rest] = fullName.split('/');
  const name = owner && repo && rest.length === 0 ? { owner, repo } : undefined;
  return name && isSafeRepositoryName(name) ? name : undefined;
}

/** Leases deploy targets over the cache root. */
export class DeployTargets {
  readonly #options: DeployTargetsOptions;
  readonly #lock = new KeyedLock();

  constructor(options: DeployTargetsOptions) {
    this.#options = options;
  }

  /** The clone URL of a deploy repo (`owner/name`). */
  urlOf(deployRepo: RepositoryName): string {
    return cloneUrl(deployRepo, this.#options.cloneUrlTemplate ?? DEFAULT_CLONE_URL_TEMPLATE, this.#options.host);
  }

  /** Waits until the clone of `deployRepo`@`branch` is free, then hands it over with `token` for its fetches and pushes. */
  lease(deployRepo: RepositoryName, branch: string, token: string | undefined): Promise<DeployTargetLease> {
    const cacheDir = join(this.#options.root, '.deploy', deployRepo.owner.toLowerCase(), `${deployRepo.repo.toLowerCase()}@${branch.replaceAll('/', '+')}.git`);
    const target = new GitDeployTarget({ url: this.urlOf(deployRepo), branch, cacheDir, remoteEnv: tokenEnvironment(token) });
    return new Promise((granted) => {
      void this.#lock.run(
        cacheDir,
        () =>
          new Promise<void>((release) => {
            let released = false;
            granted({
              target,
              release: () => {
                if (released) return;
                released = true;
                release();
              },
            });
          }),
      );
    });
  }

  /** Runs `task` with the leased target and releases it afterwards. */
  async with<T>(deployRepo: RepositoryName, branch: string, token: string | undefined, task: (target: GitDeployTarget) => Promise<T>): Promise<T> {
    const lease = await this.lease(deployRepo, branch, token);
    try {
      return await task(lease.target);
    } finally {
      lease.release();
    }
  }
}
