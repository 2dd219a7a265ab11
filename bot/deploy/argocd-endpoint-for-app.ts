/**
 * The /argocd endpoint as the bot's server mounts it: `createArgoCdEndpoint` over the bot's
 * dependencies and the GitHub App's authentication. The deploy repo is the served one the
 * notification's `repoURL` names (see argocd-deploy-repos.ts), leased from the bot's deploy clones for
 * one request at a time and fetched with its own installation's token; a config repo's forge and tree
 * use that repo's installation (looked up through the app).
 */
import type { Probot } from 'probot';
import type { BotDependencies } from '../bot-dependencies.ts';
import type { RepositoryName } from '../git/clone-url.ts';
import { type ArgoCdDeployRepos, routeNotification } from './argocd-deploy-repos.ts';
import { createArgoCdEndpoint, type EndpointRequest, type EndpointResponse } from './argocd-endpoint.ts';
import { OctokitDeployForge, type RequestOctokit } from './octokit-deploy-forge.ts';

/** Settings of the endpoint. */
export interface ArgoCdEndpointSettings {
  /** The shared secret (`MLOPS_ARGOCD_TOKEN`). */
  readonly token: string;
  /** The deploy repos served (`MLOPS_ARGOCD_DEPLOY_REPOS`, `MLOPS_ARGOCD_DEPLOY_REPO`). */
  readonly deployRepos: ArgoCdDeployRepos;
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
      async deployTarget(repoURL) {
        const served = routeNotification(settings.deployRepos, repoURL);
        if (!('deployRepo' in served)) return served;
        const { token } = await installationOf(probot, served.deployRepo);
        const lease = await dependencies.deployTargets.lease(served.deployRepo, served.branch, token);
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
