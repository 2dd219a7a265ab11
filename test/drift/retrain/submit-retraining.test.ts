import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDriftConfig, type DriftConfig } from '../../../drift/config.ts';
import { DriftCheckError } from '../../../drift/errors.ts';
import { postJson } from '../../../drift/retrain/kubernetes-api.ts';
import { clusterEnvSuffix } from '../../../drift/retrain/retrain-credentials.ts';
import { retrainWorkflowName, submitRetraining } from '../../../drift/retrain/submit-retraining.ts';
import { emittedConfig } from '../support/drift-config.ts';
import { type FakeApiServer, startFakeApiServer } from '../support/fake-api-server.ts';
import { freePort } from '../support/pushgateway-process.ts';

const NOW = Date.parse('2026-12-02T10:15:00Z');
const FINDINGS = [{ feature: 'amount', score: 0.53217 }];

let api: FakeApiServer;
let serviceAccount: string;

function configWith(retrain: unknown[]): DriftConfig {
  return checkDriftConfig({ ...emittedConfig(), retrain }).config;
}

const target = (overrides: Record<string, unknown> = {}) => ({ cluster: 'dev-eu', inCluster: false, namespace: 'fraud-dev', pipeline: 'train-fraud', server: api.url, workflowTemplate: 'train-fraud', ...overrides });

async function submit(config: DriftConfig, env: Record<string, string> = {}): Promise<{ log: string[]; error?: DriftCheckError }> {
  const log: string[] = [];
  try {
    await submitRetraining(config, FINDINGS, { post: postJson, env, serviceAccountDir: serviceAccount }, NOW, (line) => log.push(line));
    return { log };
  } catch (error) {
    if (error instanceof DriftCheckError) return { log, error };
    throw error;
  }
}

beforeAll(async () => {
  api = await startFakeApiServer('remote-token');
  serviceAccount = mkdtempSync(join(tmpdir(), 'drift-sa-'));
});
afterAll(async () => {
  await api.close();
  rmSync(serviceAccount, { recursive: true, force: true });
});

describe('submitRetraining', () => {
  it('creates a Workflow from the WorkflowTemplate in the pipeline namespace, with the cluster’s token', async () => {
    api.requests.length = 0;
    const { log, error } = await submit(configWith([target()]), { MLOPS_RETRAIN_TOKEN_DEV_EU: 'remote-token\n' });
    expect(error).toBeUndefined();
    expect(api.requests).toEqual([
      {
        method: 'POST',
        path: '/apis/argoproj.io/v1alpha1/namespaces/fraud-dev/workflows',
        authorization: 'Bearer remote-token',
        body: {
          apiVersion: 'argoproj.io/v1alpha1',
          kind: 'Workflow',
          metadata: {
            name: 'train-fraud-drift-20261202',
            namespace: 'fraud-dev',
            labels: { 'app.kubernetes.io/managed-by': 'cirrus-mlops', 'mlops.cirruslabs.io/trigger': 'drift', 'mlops.cirruslabs.io/pipeline': 'train-fraud' },
            annotations: { 'mlops.cirruslabs.io/drift': 'amount psi 0.5322 > 0.2', 'mlops.cirruslabs.io/drift-source': 'prod-eu/fraud-prod/fraud-api' },
          },
          spec: { workflowTemplateRef: { name: 'train-fraud' } },
        },
      },
    ]);
    expect(log).toEqual(['retraining "train-fraud" on "dev-eu" submitted: Workflow fraud-dev/train-fraud-drift-20261202']);
  });

  it('submits once a day: a second check the same day finds the run already there (409)', async () => {
    const { log, error } = await submit(configWith([target()]), { MLOPS_RETRAIN_TOKEN: 'remote-token' });
    expect(error).toBeUndefined();
    expect(log).toEqual(['retraining "train-fraud" on "dev-eu" already submitted today: Workflow fraud-dev/train-fraud-drift-20261202']);
  });

  it('uses the pod’s service-account token for a pipeline on its own cluster', async () => {
    writeFileSync(join(serviceAccount, 'token'), 'remote-token');
    api.requests.length = 0;
    const { error } = await submit(configWith([target({ inCluster: true, cluster: 'prod-eu', workflowTemplate: 'train-fraud-2' })]));
    expect(error).toBeUndefined();
    expect(api.requests.map((request) => request.authorization)).toEqual(['Bearer remote-token']);
    rmSync(join(serviceAccount, 'token'));
  });

  it('tries every target and reports every failure in one line, without the token', async () => {
    api.requests.length = 0;
    const config = configWith([target({ workflowTemplate: 'first' }), target({ cluster: 'stg-eu', workflowTemplate: 'second' }), target({ inCluster: true, cluster: 'prod-eu', workflowTemplate: 'third' })]);
    const { error, log } = await submit(config, { MLOPS_RETRAIN_TOKEN_DEV_EU: 'wrong-secret' });
    expect(error?.message).toBe(
      [
        'retraining "train-fraud" on "dev-eu" not submitted: HTTP 401 "Unauthorized"',
        'retraining "train-fraud" on "stg-eu" not submitted: no credentials to submit retraining on cluster "stg-eu": set MLOPS_RETRAIN_TOKEN_STG_EU (or MLOPS_RETRAIN_TOKEN) in the team\'s retrain-credentials Secret',
        `retraining "train-fraud" on "prod-eu" not submitted: no service-account token in "${serviceAccount}" to submit retraining on "prod-eu": the CronJob must mount one`,
      ].join('; '),
    );
    expect(error?.message).not.toContain('wrong-secret');
    expect(log).toEqual([]);
    expect(api.requests.length).toBe(1);
  });

  it('says when the API server cannot be reached', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { error } = await submit(configWith([target({ server: closed })]), { MLOPS_RETRAIN_TOKEN: 't' });
    expect(error?.message).toBe(`retraining "train-fraud" on "dev-eu" not submitted: cannot reach "${closed}": ECONNREFUSED`);
  });
});

describe('retraining names and config', () => {
  it('names the run after the template and the UTC day, within 63 characters', () => {
    expect(retrainWorkflowName('train-fraud', NOW)).toBe('train-fraud-drift-20261202');
    const long = retrainWorkflowName(`${'a'.repeat(47)}-b`, NOW);
    expect(long).toBe(`${'a'.repeat(47)}-drift-20261202`);
    expect(long.length).toBeLessThanOrEqual(63);
    expect(clusterEnvSuffix('prod-eu.1')).toBe('PROD_EU_1');
  });

  it('checks each retraining target of the config', () => {
    expect(() => checkDriftConfig({ ...emittedConfig(), retrain: [{ cluster: 'c', inCluster: 'yes', namespace: 'Bad_NS', pipeline: 'p', server: 'ftp://x', workflowTemplate: 'T' }, 3] })).toThrow(
      'invalid drift-check config: retrain[0].inCluster must be true or false; retrain[0].server must be an http(s) URL, not "ftp://x"; retrain[0].workflowTemplate must be a Kubernetes name, not "T"; retrain[0].namespace must be a Kubernetes namespace name, not "Bad_NS"; retrain[1] must be an object',
    );
  });
});
