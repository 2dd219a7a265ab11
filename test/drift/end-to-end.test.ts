/**
 * The drift check end to end: the program bundled as its image bundles it (esbuild, `drift/Dockerfile`),
 * run as a child process on generated data with known drift (`amount` shifted by 3 σ, `tenure_days` and
 * `country` unshifted), pushing to a real Pushgateway on 127.0.0.1 whose `/metrics` the test reads back.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emittedConfig } from './support/drift-config.ts';
import { startFakeApiServer } from './support/fake-api-server.ts';
import { freePort, parseExposition, type PushgatewayProcess, startPushgateway } from './support/pushgateway-process.ts';
import { featureRows, jsonLines, requestEvent, responseEvent } from './support/synthetic-logs.ts';

const run = promisify(execFile);
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOW = Date.now();

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let folder: string;
let bundle: string;
let gateway: PushgatewayProcess;
let logServer: Server;
let logsUrl: string;

async function driftCheck(args: readonly string[], env: Record<string, string> = {}): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bundle, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function writeConfig(name: string, overrides: Record<string, unknown>): string {
  const path = join(folder, `${name}.json`);
  writeFileSync(path, JSON.stringify({ ...emittedConfig(), retrain: [], ...overrides }));
  return path;
}

async function pushed(deployment: string): Promise<Map<string, { score?: number; baseline?: number; inputs?: number }>> {
  const byFeature = new Map<string, { score?: number; baseline?: number; inputs?: number }>();
  for (const sample of parseExposition(await gateway.metrics())) {
    if (sample.labels.mlops_deployment !== deployment || sample.labels.job !== 'mlops-drift-check') continue;
    const feature = sample.labels.feature;
    if (!feature) continue;
    const entry = byFeature.get(feature) ?? {};
    if (sample.name === 'mlops_drift_score') entry.score = sample.value;
    if (sample.name === 'mlops_drift_check_samples') entry[sample.labels.source as 'baseline' | 'inputs'] = sample.value;
    byFeature.set(feature, entry);
  }
  return byFeature;
}

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'drift-e2e-'));
  bundle = join(folder, 'drift-check.mjs');
  await run(join(REPO_ROOT, 'node_modules', '.bin', 'esbuild'), [join(REPO_ROOT, 'drift', 'bin.ts'), '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${bundle}`, '--log-level=warning']);
  gateway = await startPushgateway();
  // Baseline: 4,000 feature maps in a local file.
  writeFileSync(join(folder, 'baseline.jsonl'), jsonLines(featureRows(4000, 1)));
  // Logged inputs, served over HTTP as payload-logger CloudEvents: 300 requests of 5 rows in the last hour
  // (amount shifted by 3 σ) with their responses, and 100 requests from three hours ago whose tenure is far off
  // (outside the 1 h window: they must be ignored).
  const recent = featureRows(1500, 2, 3);
  const old = featureRows(500, 3).map((row) => ({ ...row, tenure_days: 400 }));
  const events = [
    ...Array.from({ length: 100 }, (_, index) => requestEvent(old.slice(index * 5, index * 5 + 5), new Date(NOW - 3 * 3_600_000), `old-${index}`)),
    ...Array.from({ length: 300 }, (_, index) => [requestEvent(recent.slice(index * 5, index * 5 + 5), new Date(NOW - 1_800_000 + index * 1000), `r-${index}`), responseEvent(new Date(NOW - 1_800_000 + index * 1000), `r-${index}`)]).flat(),
  ];
  const body = jsonLines(events);
  logServer = createServer((request, response) => {
    if (request.url === '/fraud-api/requests.jsonl?sig=s3cr3t') response.writeHead(200).end(body);
    else response.writeHead(403).end('signature mismatch');
  });
  await new Promise<void>((resolve) => logServer.listen(0, '127.0.0.1', resolve));
  logsUrl = `http://127.0.0.1:${(logServer.address() as AddressInfo).port}/fraud-api/requests.jsonl?sig=s3cr3t`;
  // Feature maps in a local folder, for the KS check.
  mkdirSync(join(folder, 'logs', '2026-12-02'), { recursive: true });
  writeFileSync(join(folder, 'logs', '2026-12-02', '10.jsonl'), jsonLines(featureRows(1000, 4, 3)));
  writeFileSync(join(folder, 'logs', '2026-12-02', '11.jsonl'), jsonLines(featureRows(1000, 5, 3)));
}, 60_000);

afterAll(async () => {
  await gateway?.stop();
  if (gateway) expect(() => process.kill(gateway.pid, 0), 'the Pushgateway process is gone').toThrow();
  await new Promise<void>((resolve) => (logServer ? logServer.close(() => resolve()) : resolve()));
  rmSync(folder, { recursive: true, force: true });
});

const FEATURES = ['amount', 'tenure_days', 'country'];

describe('drift check, end to end', () => {
  it('pushes PSI per feature from KServe CloudEvents over HTTP: the shifted feature above the threshold, the others below', async () => {
    const config = writeConfig('psi', { features: FEATURES, baseline: join(folder, 'baseline.jsonl'), inputs: { uri: logsUrl, window: '1h' }, push: { ...(emittedConfig().push as object), gateway: gateway.url } });
    const outcome = await driftCheck(['--config', config]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).not.toContain('s3cr3t');
    const scores = await pushed('fraud-api');
    expect(scores.get('amount')!.score).toBeGreaterThan(0.2);
    expect(scores.get('amount')!.score).toBeGreaterThan(2);
    expect(scores.get('tenure_days')!.score).toBeLessThan(0.2);
    expect(scores.get('country')!.score).toBeLessThan(0.2);
    // Only the 1,500 rows inside the window were read; responses were skipped.
    expect(Object.fromEntries([...scores].map(([feature, entry]) => [feature, [entry.baseline, entry.inputs]]))).toEqual({ amount: [4000, 1500], tenure_days: [4000, 1500], country: [4000, 1500] });
    expect(outcome.stderr).toContain('(skipped lines: 100 outside-window, 300 response)');
    const lastSuccess = parseExposition(await gateway.metrics()).find((sample) => sample.name === 'mlops_drift_check_last_success_timestamp_seconds' && sample.labels.mlops_deployment === 'fraud-api');
    expect(lastSuccess?.value).toBeGreaterThanOrEqual(Math.floor(NOW / 1000) - 1);
    expect(lastSuccess?.labels).toMatchObject({ job: 'mlops-drift-check', namespace: 'fraud-prod' });
  });

  it('pushes KS from a folder of feature maps under its own grouping key, the labels the alert selects on', async () => {
    const push = { gateway: gateway.url, job: 'mlops-drift-check', labels: { mlops_deployment: 'home-feed', namespace: 'recsys-prod' }, metric: 'mlops_drift_score' };
    const config = writeConfig('ks', { deployment: 'home-feed', namespace: 'recsys-prod', method: 'ks', threshold: 0.1, features: FEATURES, baseline: join(folder, 'baseline.jsonl'), inputs: { uri: join(folder, 'logs'), format: 'features' }, push });
    const outcome = await driftCheck(['--config', config]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const samples = parseExposition(await gateway.metrics()).filter((sample) => sample.name === 'mlops_drift_score' && sample.labels.mlops_deployment === 'home-feed');
    expect(samples.map((sample) => sample.labels).sort((a, b) => (a.feature! < b.feature! ? -1 : 1))).toEqual(
      ['amount', 'country', 'tenure_days'].map((feature) => ({ feature, instance: '', job: 'mlops-drift-check', method: 'ks', mlops_deployment: 'home-feed', namespace: 'recsys-prod' })),
    );
    const scores = await pushed('home-feed');
    expect(scores.get('amount')!.score).toBeGreaterThan(0.8);
    expect(scores.get('tenure_days')!.score).toBeLessThan(0.1);
    expect(scores.get('country')!.score).toBeLessThan(0.1);
    expect(scores.get('amount')!.inputs).toBe(2000);
    // The PSI push of fraud-api is still there: each deployment has its own group.
    expect((await pushed('fraud-api')).get('amount')!.score).toBeGreaterThan(2);
  });

  it('replaces its previous push: a score withheld for lack of samples disappears', async () => {
    const config = writeConfig('sparse', { features: FEATURES, baseline: join(folder, 'baseline.jsonl'), inputs: { uri: logsUrl, window: '1h', minSamples: 2000 }, push: { ...(emittedConfig().push as object), gateway: gateway.url } });
    const outcome = await driftCheck(['--config', config]);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toContain('amount: 1500 logged values, fewer than inputs.minSamples (2000); no score pushed');
    const scores = await pushed('fraud-api');
    expect(scores.get('amount')).toEqual({ baseline: 4000, inputs: 1500 });
  });

  it('submits a retraining run when a feature drifts, and none when nothing does', async () => {
    const api = await startFakeApiServer('retrain-token');
    try {
      const retrain = [{ cluster: 'dev-eu', inCluster: false, namespace: 'fraud-dev', pipeline: 'train-fraud', server: api.url, workflowTemplate: 'train-fraud' }];
      const common = { baseline: join(folder, 'baseline.jsonl'), inputs: { uri: join(folder, 'logs') }, push: { ...(emittedConfig().push as object), gateway: gateway.url } };
      const steady = await driftCheck(['--config', writeConfig('steady', { ...common, features: ['tenure_days'], retrain })], { MLOPS_RETRAIN_TOKEN_DEV_EU: 'retrain-token' });
      expect(steady.code, steady.stderr).toBe(0);
      expect(api.requests).toEqual([]);
      const drifting = await driftCheck(['--config', writeConfig('drifting', { ...common, features: ['amount', 'tenure_days'], retrain })], { MLOPS_RETRAIN_TOKEN_DEV_EU: 'retrain-token' });
      expect(drifting.code, drifting.stderr).toBe(0);
      expect(api.requests.map((request) => [request.path, (request.body.spec as { workflowTemplateRef: unknown }).workflowTemplateRef])).toEqual([['/apis/argoproj.io/v1alpha1/namespaces/fraud-dev/workflows', { name: 'train-fraud' }]]);
      expect(drifting.stderr).toMatch(/drift-check: retraining "train-fraud" on "dev-eu" submitted: Workflow fraud-dev\/train-fraud-drift-\d{8}\n/);
      const refused = await driftCheck(['--config', writeConfig('refused', { ...common, features: ['amount'], retrain })], { MLOPS_RETRAIN_TOKEN_DEV_EU: 'stale-token' });
      expect(refused.code).toBe(1);
      expect(refused.stderr.trimEnd().split('\n').at(-1)).toBe('drift-check: retraining "train-fraud" on "dev-eu" not submitted: HTTP 401 "Unauthorized"');
    } finally {
      await api.close();
    }
  });

  it('prints the exposition without pushing in a dry run', async () => {
    const config = writeConfig('dry', { features: ['amount'], baseline: join(folder, 'baseline.jsonl'), inputs: { uri: join(folder, 'logs') }, push: { ...(emittedConfig().push as object), gateway: 'http://127.0.0.1:9' } });
    const outcome = await driftCheck(['--config', config, '--dry-run']);
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/^# HELP mlops_drift_score .*\n# TYPE mlops_drift_score gauge\nmlops_drift_score\{feature="amount",method="psi"\} \d+\.\d+\n/);
  });

  it('exits 1 with one line, and no stack trace, on its own errors', async () => {
    const badConfig = writeConfig('bad', { method: 'mmd', inputs: undefined });
    const unreachable = writeConfig('unreachable', { features: ['amount'], baseline: join(folder, 'baseline.jsonl'), inputs: { uri: join(folder, 'logs') }, push: { ...(emittedConfig().push as object), gateway: `http://127.0.0.1:${await freePort()}` } });
    const missingBaseline = writeConfig('missing', { features: ['amount'], baseline: join(folder, 'nope.jsonl'), inputs: { uri: join(folder, 'logs') } });
    const cases: [string[], RegExp][] = [
      [['--config', badConfig], /^drift-check: invalid drift-check config: method must be one of psi, ks, kl, chi2, wasserstein, not "mmd"; inputs is missing: .*\n$/],
      [['--config', join(folder, 'absent.json')], /^drift-check: cannot read config ".*absent\.json": ENOENT\n$/],
      [['--config', missingBaseline], /^drift-check: cannot read ".*nope\.jsonl": ENOENT\n$/],
    ];
    for (const [args, message] of cases) {
      const outcome = await driftCheck(args);
      expect(outcome.code, args.join(' ')).toBe(1);
      expect(outcome.stderr).toMatch(message);
    }
    const refused = await driftCheck(['--config', unreachable]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trimEnd().split('\n').at(-1)).toMatch(/^drift-check: push to "http:\/\/127\.0\.0\.1:\d+" failed: ECONNREFUSED$/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on bad arguments and prints the stack trace only with DEBUG', async () => {
    const usage = await driftCheck(['--config']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^drift-check: .*usage: drift-check --config <drift-check\.json> \[--dry-run\]\n$/);
    expect((await driftCheck([])).stderr).toBe('drift-check: --config is required; usage: drift-check --config <drift-check.json> [--dry-run]\n');
    const debug = await driftCheck(['--config', join(folder, 'absent.json')], { DEBUG: '1' });
    expect(debug.code).toBe(1);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });
});
