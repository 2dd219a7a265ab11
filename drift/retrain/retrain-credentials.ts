/**
 * Credentials for submitting a retraining run. On the check's own cluster: the pod's service-account
 * token and CA (the CronJob mounts them when it submits runs; a Role lets it create Workflows). On
 * another cluster: a token (and optionally a CA) from the environment, which the CronJob fills from the
 * Secret `<team>-retrain-credentials` the platform team provisions:
 * `MLOPS_RETRAIN_TOKEN_<CLUSTER>` / `MLOPS_RETRAIN_CA_<CLUSTER>` (cluster name upper-cased, other
 * characters as `_`), falling back to `MLOPS_RETRAIN_TOKEN` / `MLOPS_RETRAIN_CA`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RetrainTarget } from '../config.ts';
import { DriftCheckError, quote } from '../errors.ts';
import type { ApiCredentials } from './kubernetes-api.ts';

/** Where Kubernetes mounts a pod's service-account token and CA. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The environment-variable suffix of a cluster: `prod-eu` → `PROD_EU`. */
export function clusterEnvSuffix(cluster: string): string {
  return cluster.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

async function optionalFile(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new DriftCheckError(`cannot read ${quote(path)}: ${error.code ?? error.message}`);
  });
}

/** The credentials for one target; throws `DriftCheckError` saying what to provide when there are none. */
export async function retrainCredentials(target: RetrainTarget, env: Readonly<Record<string, string | undefined>>, serviceAccountDir: string): Promise<ApiCredentials> {
  if (target.inCluster) {
    const token = (await optionalFile(join(serviceAccountDir, 'token')))?.trim();
    if (!token) throw new DriftCheckError(`no service-account token in ${quote(serviceAccountDir)} to submit retraining on ${quote(target.cluster)}: the CronJob must mount one`);
    const ca = await optionalFile(join(serviceAccountDir, 'ca.crt'));
    return { token, ...(ca ? { ca } : {}) };
  }
  const suffix = clusterEnvSuffix(target.cluster);
  const token = (env[`MLOPS_RETRAIN_TOKEN_${suffix}`] ?? env.MLOPS_RETRAIN_TOKEN)?.trim();
  if (!token) throw new DriftCheckError(`no credentials to submit retraining on cluster ${quote(target.cluster)}: set MLOPS_RETRAIN_TOKEN_${suffix} (or MLOPS_RETRAIN_TOKEN) in the team's retrain-credentials Secret`);
  const ca = env[`MLOPS_RETRAIN_CA_${suffix}`] ?? env.MLOPS_RETRAIN_CA;
  return { token, ...(ca ? { ca } : {}) };
}
