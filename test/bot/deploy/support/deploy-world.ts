/** A config repo, a bare deploy repo and the dependencies the deploy handlers need, for bot tests. */
import { generateKeyPairSync } from 'node:crypto';
import { LocalConfigSource } from '../../../../compiler/cli/deploy/config-source.ts';
import { GitDeployTarget } from '../../../../compiler/cli/deploy/git-deploy-target.ts';
import type { DeployHandlerDependencies } from '../../../../bot/deploy/deploy-handler-dependencies.ts';
import { smallOrg } from '../../../plan/support/small-org.ts';
import { bareRepo, configRepo, tempDir } from '../../../cli/deploy/support/git-repos.ts';

/** A test private key for the GitHub App (never used outside tests). */
export const PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

/** The config repo the payloads name (`Codertocat/Hello-World` in @octokit/webhooks-examples). */
export const REPOSITORY = { owner: 'Codertocat', repo: 'Hello-World' };

/** Builds the world. */
export async function deployWorld() {
  const config = await configRepo(smallOrg(['fraud', 'search']));
  const deployRepo = await bareRepo();
  const source = new LocalConfigSource(config.dir);
  const target = async () => new GitDeployTarget({ url: deployRepo, branch: 'main', cacheDir: await tempDir('bot-cache') });
  const dependencies: DeployHandlerDependencies = {
    sourceTreeAt: (_repository, sha) => source.treeAt(sha),
    deployTarget: () => target(),
    clock: () => new Date('2026-12-02T08:00:00.000Z'),
    backoff: () => 1,
    log: () => undefined,
  };
  return { config, deployRepo, source, target, dependencies };
}
