import { describe, expect, it } from 'vitest';
import { deployReposOf, repositoryOfRepoURL, routeNotification } from '../../../bot/deploy/argocd-deploy-repos.ts';
import { parseNotification } from '../../../bot/deploy/argocd-endpoint.ts';

describe('Argo CD deploy repo routing', () => {
  it('reads owner/name from the URL forms Argo CD accepts', () => {
    for (const url of ['https://github.com/acme/mlops-deploy.git', 'https://github.com/acme/mlops-deploy', 'https://ghe.example.com/acme/mlops-deploy/', 'git@github.com:acme/mlops-deploy.git', 'ssh://git@github.com:22/acme/mlops-deploy.git']) {
      expect(repositoryOfRepoURL(url), url).toEqual({ owner: 'acme', repo: 'mlops-deploy' });
    }
    expect(repositoryOfRepoURL('https://github.com/acme')).toBeUndefined();
    expect(repositoryOfRepoURL('not a url')).toBeUndefined();
  });

  it('serves the configured repos, with MLOPS_ARGOCD_DEPLOY_REPO as the fallback for notifications without repoURL', () => {
    const served = deployReposOf({ MLOPS_ARGOCD_DEPLOY_REPOS: 'acme/deploy-eu@live acme/deploy-us', MLOPS_ARGOCD_DEPLOY_REPO: 'acme/deploy-eu@live' });
    if (!('repos' in served)) throw new Error('unreachable');
    expect(served.repos.repos.map((repo) => `${repo.deployRepo.repo}@${repo.branch}`)).toEqual(['deploy-eu@live', 'deploy-us@main']);
    expect(routeNotification(served.repos, 'https://github.com/ACME/Deploy-US.git')).toEqual({ deployRepo: { owner: 'acme', repo: 'deploy-us' }, branch: 'main' });
    expect(routeNotification(served.repos, undefined)).toEqual({ deployRepo: { owner: 'acme', repo: 'deploy-eu' }, branch: 'live' });
    expect(routeNotification(served.repos, 'https://github.com/other/deploy-us.git')).toEqual({ status: 422, error: 'other/deploy-us is not a deploy repo this bot serves (MLOPS_ARGOCD_DEPLOY_REPOS: acme/deploy-eu, acme/deploy-us)' });
    expect(routeNotification(served.repos, 'https://github.com/')).toEqual({ status: 400, error: 'repoURL "https://github.com/" does not name a repository' });
  });

  it('keeps the repoURL of a notification; an empty one (an Application without spec.source) counts as absent', () => {
    const body = { event: 'sync-succeeded', app: 'fraud-dev-eu', revision: 'a'.repeat(40), cluster: 'dev-eu' };
    expect(parseNotification(JSON.stringify({ ...body, repoURL: 'https://github.com/acme/d.git' }))?.repoURL).toBe('https://github.com/acme/d.git');
    expect(parseNotification(JSON.stringify({ ...body, repoURL: '' }))).toEqual(body);
    expect(parseNotification(JSON.stringify({ ...body, repoURL: 'has space' }))).toBeUndefined();
  });
});
