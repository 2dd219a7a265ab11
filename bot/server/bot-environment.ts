/**
 * The environment variables the bot reads (Probot's names), and the check that the ones it cannot run
 * without are present. Documented in docs/bot-operations.md.
 */

import { deployReposOf } from '../deploy/argocd-deploy-repos.ts';

/** One environment variable the bot reads. */
export interface BotEnvironmentVariable {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

/** Every variable `npm run bot` reads, in the order the operations guide lists them. */
export const botEnvironmentVariables: readonly BotEnvironmentVariable[] = [
  { name: 'APP_ID', required: true, description: 'The GitHub App ID (from the app settings page).' },
  { name: 'PRIVATE_KEY', required: false, description: 'The app private key (PEM, or base64 of it); or PRIVATE_KEY_PATH.' },
  { name: 'PRIVATE_KEY_PATH', required: false, description: 'Path of the private key .pem file; or PRIVATE_KEY.' },
  { name: 'WEBHOOK_SECRET', required: true, description: 'The webhook secret set on the app; deliveries without its signature are rejected.' },
  { name: 'GHE_HOST', required: false, description: 'GitHub Enterprise Server host name (API at https://GHE_HOST/api/v3); unset for github.com.' },
  { name: 'GHE_PROTOCOL', required: false, description: 'Protocol of GHE_HOST (default https).' },
  { name: 'PORT', required: false, description: 'Port of the HTTP server (default 3000).' },
  { name: 'HOST', required: false, description: 'Address to listen on (default 0.0.0.0).' },
  { name: 'WEBHOOK_PATH', required: false, description: 'Path that receives deliveries (default /api/github/webhooks).' },
  { name: 'LOG_LEVEL', required: false, description: 'trace, debug, info, warn, error, fatal or silent (default info).' },
  { name: 'MLOPS_BOT_CACHE_DIR', required: false, description: 'Root of the per-repository git clone cache (default: a folder in the system temp dir; an emptyDir in Kubernetes).' },
  { name: 'MLOPS_BOT_CLONE_URL', required: false, description: 'Clone URL template of config repos, with {host}, {owner} and {repo} (default https://{host}/{owner}/{repo}.git, host from GHE_HOST or github.com).' },
  { name: 'MLOPS_BOT_WRITE_INTERVAL_MS', required: false, description: 'Milliseconds between content-creating GitHub requests per installation (default 1000, as GitHub asks; 0 turns pacing off).' },
  { name: 'MLOPS_ARGOCD_TOKEN', required: false, description: 'Shared secret Argo CD Notifications sends as a bearer token to /argocd (argocd-notifications-secret mlops-argocd-token); unset turns the endpoint off.' },
  { name: 'MLOPS_ARGOCD_DEPLOY_REPOS', required: false, description: 'The deploy repos Argo CD syncs from, comma-separated owner/name or owner/name@branch (branch default main); each notification is routed by its Application\'s repoURL. This or MLOPS_ARGOCD_DEPLOY_REPO is required with MLOPS_ARGOCD_TOKEN.' },
  { name: 'MLOPS_ARGOCD_DEPLOY_REPO', required: false, description: 'One deploy repo (owner/name or owner/name@branch), served like those of MLOPS_ARGOCD_DEPLOY_REPOS and also receiving notifications that name no repoURL (a notifications ConfigMap rendered before the field).' },
  { name: 'LOG_FORMAT', required: false, description: 'json (one JSON object per line, for containers) or pretty (default json).' },
];

/** What is missing or unsafe in `env`, one line per problem; empty when the bot can start. */
export function botEnvironmentProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  if (!env.APP_ID || !/^\d+$/.test(env.APP_ID)) problems.push('APP_ID must be the numeric ID of the GitHub App');
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) problems.push('PRIVATE_KEY or PRIVATE_KEY_PATH must give the app private key');
  if (!env.WEBHOOK_SECRET) problems.push('WEBHOOK_SECRET must be set: without it Probot would accept deliveries signed with "development"');
  if (env.PORT !== undefined && !/^\d{1,5}$/.test(env.PORT)) problems.push(`PORT must be a port number, not ${JSON.stringify(env.PORT)}`);
  if (env.MLOPS_ARGOCD_TOKEN) {
    const served = deployReposOf(env);
    if ('problems' in served) problems.push(...served.problems);
  }
  return problems;
}
