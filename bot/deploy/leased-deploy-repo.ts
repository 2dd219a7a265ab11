/**
 * The deploy repo a config tree names (platform.yaml `gitops.deployRepo` and `gitops.branch`), leased
 * from the bot's deploy clones and fetched with the event's token, its HEAD pointed at the fetched
 * tip so readers of "the deploy repo at HEAD" (the report, the trail readers) see the branch. Release
 * it when done; until then no other user of this process touches the clone.
 */
import { git } from '../../compiler/cli/deploy/git-command.ts';
import { deployBranchOf } from '../../compiler/deploy/deploy-branch.ts';
import { deployRepoOf } from '../../compiler/deploy/platform-settings.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import type { EventRun } from '../core/event-run.ts';
import { parseRepositoryName } from './deploy-targets.ts';

/** A fetched, leased deploy repo clone. */
export interface LeasedDeployRepo {
  /** The bare clone (HEAD at the branch tip once there is one). */
  readonly dir: string;
  /** `owner/name` as platform.yaml declares it. */
  readonly name: string;
  /** The branch tip; undefined for an empty deploy repo. */
  readonly tip?: string;
  release(): void;
}

/** Leases and fetches the deploy repo of `tree`; undefined when the tree declares none. */
export async function leaseDeployRepoOf(run: EventRun, tree: SourceTree): Promise<LeasedDeployRepo | undefined> {
  const name = deployRepoOf(tree);
  const repository = name === undefined ? undefined : parseRepositoryName(name);
  if (name === undefined || !repository) return undefined;
  const branch = deployBranchOf(tree);
  const lease = await run.dependencies.deployTargets.lease(repository, branch, run.token);
  try {
    const fetched = await lease.target.fetch();
    if (fetched.tip !== undefined) await git(lease.target.cacheDir, ['symbolic-ref', 'HEAD', `refs/remotes/origin/${branch}`]);
    return { dir: lease.target.cacheDir, name, ...(fetched.tip !== undefined ? { tip: fetched.tip } : {}), release: lease.release };
  } catch (error) {
    lease.release();
    throw error;
  }
}
