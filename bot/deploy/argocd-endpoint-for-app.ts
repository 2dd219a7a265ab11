/**
 * The /argocd endpoint as the bot's server mounts it: `createArgoCdEndpoint` over the bot's
 * dependencies and the GitHub App's authentication. The deploy repo is the one the operator names
 * (`MLOPS_ARGOCD_DEPLOY_REPO`, `owner/name` or `owner/name@branch`), leased from the bot's deploy
 * clones for one request at a time and fetched with its installation's token; a config repo's forge
 * and tree use that repo's installation (looked up through the app).
 */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import { createArgoCdEndpoint, type EndpointRequest, type EndpointResponse } from './argocd-endpoint.ts';
import { parseRepositoryName } from './deploy-targets.ts';
import { OctokitDeployForge, type RequestOctokit } from './octokit-deploy-forge.ts';

/** Settings of the endpoint. */
export interface ArgoCdEndpointSettings {
  /** The shared secret (`MLOPS_ARGOCD_TOKEN`). */
  readonly token: string;
  readonly deployRepo: RepositoryName;
  readonly branch: string;
}

/** `owner/name` or `owner/name@branch` as settings, undefined when malformed. */
export function parseDeployRepoSetting(text: string): { readonly deployRepo: RepositoryName; readonly branch: string } | undefined {
  const [name, branch = 'main', ...rest] = text.split('@');
  const deployRepo = parseRepositoryName(name ?? '');
  if (!deployRepo || rest.length > 0 || branch.startsWith('-') || !/^[A-Za-z0-9._/-]+$/.test(branch)) return undefined;
  return { deployRepo, branch };
}

/** An installation's Octokit and token for a repository, through the app's JWT. */
async function installationOf(probot: Probot, repository: RepositoryName): Promise<{ octokit: RequestOctokit; token: string | undefined }> {
  const app = await probot.auth();
  const { data } = await app.request('GET /repos/{owner}/{repo}/installation', { owner: repository.owner, repo: repository.repo });
  const octokit = await probot.auth(data.id);
  const auth = (await octokit.auth({ type: 'installation' })) as { token?: string };
  return { octokit: octokit as unknown as RequestOctokit, token: auth.token };
}

/** The request handler of /argocd. */
export function argoCdEndpointForApp(probot: Probot, dependencies: BotDependencies, settings: ArgoCdEndpointSettings): (request: EndpointRequest) => Promise<EndpointResponse> {
  return async (request) => {
    const releases: (() => void)[] = [];
    const endpoint = createArgoCdEndpoint({
      token: settings.token,
      clock: dependencies.clock,
      async deployTarget() {
        const { token } = await installationOf(probot, settings.deployRepo);
        const lease = await dependencies.deployTargets.lease(settings.deployRepo, settings.branch, token);
        releases.push(lease.release);
        return lease.target;
      },
      async forgeFor(repository) {
        return new OctokitDeployForge((await installationOf(probot, repository)).octokit, repository);
      },
      async sourceTreeAt(repository, sha) {
        await dependencies.git.ensureCommits(repository, [{ sha }], (await installationOf(probot, repository)).token);
        return dependencies.git.sourceTreeAt(repository, sha);
      },
    });
    try {
      return await endpoint(request);
    } finally {
      for (const release of releases) release();
    }
  };
}
