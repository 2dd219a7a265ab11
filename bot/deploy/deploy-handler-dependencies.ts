/** What the deploy handlers are given by the app that mounts them (the bot core's git cache, the deploy repo, the forge). */
import type { GitDeployTarget } from '../../compiler/cli/deploy/git-deploy-target.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import type { DeployForge, RepositoryRef } from './deploy-forge.ts';
import type { RequestOctokit } from './octokit-deploy-forge.ts';

/** Where a config repo deploys to. */
export interface DeployTargetRequest {
  readonly source: RepositoryRef;
  /** platform.yaml `gitops.deployRepo` at the merged commit, when declared. */
  readonly deployRepo?: string;
  /** platform.yaml `gitops.branch` (default `main`). */
  readonly branch: string;
}

/** Injected into `registerDeployHandlers`. */
export interface DeployHandlerDependencies {
  /** The config tree at a commit (the bot core's git cache: `sourceTreeAt(repository, sha)`). */
  readonly sourceTreeAt: (repository: RepositoryRef, sha: string) => Promise<SourceTree>;
  /**
   * The deploy repo of a config repo (a cache clone authenticated for pushing). The app decides
   * whether to trust `deployRepo` from the config or to pin it in its own settings. Deploys of one
   * config repo are serialised in the process, but a cache dir must not be shared with other users
   * (the /argocd endpoint, another config repo) at the same time.
   */
  readonly deployTarget: (request: DeployTargetRequest) => Promise<GitDeployTarget>;
  /**
   * True when no config file differs between two commits of the config repo (an approval given on
   * `reviewedSha` still counts for `headSha`); false when either cannot be read. The app passes its
   * git cache's diff. @default the two config trees (`sourceTreeAt`) compared file by file
   */
  readonly configUnchanged?: (repository: RepositoryRef, reviewedSha: string, headSha: string) => Promise<boolean>;
  /** @default new OctokitDeployForge(octokit, repository) */
  readonly forge?: (octokit: RequestOctokit, repository: RepositoryRef) => DeployForge;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** Push attempts per deploy. @default 5 */
  readonly attempts?: number;
  /** Wait before retry n, in ms. */
  readonly backoff?: (retry: number) => number;
  /** Where handler failures are logged. @default console.error */
  readonly log?: (message: string) => void;
}
