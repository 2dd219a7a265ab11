/** The check with injected readers (the `SourceReader` port): limits, withheld scores, failures. */
import { describe, expect, it } from 'vitest';
import { checkDriftConfig, type DriftConfig } from '../../drift/config.ts';
import { DriftCheckError } from '../../drift/errors.ts';
import { runDriftCheck } from '../../drift/run-check.ts';
import type { SourceLine, SourceReader } from '../../drift/sources/source-reader.ts';
import { emittedConfig } from './support/drift-config.ts';

/** Serves sources from memory under the `mem://` scheme. */
class MemoryReader implements SourceReader {
  constructor(private readonly sources: Readonly<Record<string, readonly unknown[]>>) {}

  handles(uri: string): boolean {
    return uri.startsWith('mem://');
  }

  async *lines(uri: string): AsyncIterable<SourceLine> {
    const rows = this.sources[uri];
    if (!rows) throw new DriftCheckError(`no source ${uri}`);
    for (const [index, row] of rows.entries()) yield { text: JSON.stringify(row), origin: `${uri}:${index + 1}` };
  }
}

const rows = (count: number, make: (index: number) => Record<string, unknown>) => Array.from({ length: count }, (_, index) => make(index));

function config(overrides: Record<string, unknown>): DriftConfig {
  return checkDriftConfig({ ...emittedConfig(), retrain: [], features: ['x'], baseline: 'mem://baseline', inputs: { uri: 'mem://inputs', minSamples: 3 }, ...overrides }).config;
}

async function check(sources: Record<string, readonly unknown[]>, settings: DriftConfig) {
  const log: string[] = [];
  const dependencies = { readers: [new MemoryReader(sources)], fetch, now: () => Date.parse('2026-12-02T10:00:00Z'), log: (line: string) => log.push(line), retrain: { post: async () => ({ status: 500, body: '' }), env: {}, serviceAccountDir: '/nonexistent' } };
  const result = await runDriftCheck(settings, dependencies, { dryRun: true });
  return { result, log };
}

describe('runDriftCheck', () => {
  it('scores each feature and renders what it would push', async () => {
    const { result, log } = await check({ 'mem://baseline': rows(10, (i) => ({ x: i })), 'mem://inputs': rows(10, (i) => ({ x: i + 2 })) }, config({ bins: 5 }));
    expect(result.features).toEqual([{ feature: 'x', kind: 'numeric', baselineValues: 10, inputValues: 10, score: expect.closeTo(1.6580498377744515, 12) }]);
    expect(result.exposition).toContain('mlops_drift_score{feature="x",method="psi"} 1.658049837774');
    expect(result.exposition).toContain('mlops_drift_check_last_success_timestamp_seconds 1796205600\n');
    expect(log).toContain('x: psi 1.6580 (above threshold 0.2; 10 baseline and 10 logged values)');
  });

  it('reads at most inputs.maxRecords records of each source and says so', async () => {
    const settings = config({ inputs: { uri: 'mem://inputs', maxRecords: 4, minSamples: 1 } });
    const { result, log } = await check({ 'mem://baseline': rows(10, (i) => ({ x: i })), 'mem://inputs': rows(10, (i) => ({ x: i })) }, settings);
    expect(result.features[0]).toMatchObject({ baselineValues: 4, inputValues: 4 });
    expect(log).toContain('inputs: read the first 4 records of "mem://inputs" (inputs.maxRecords); ignoring the rest');
  });

  it('withholds the score of a feature with fewer logged values than inputs.minSamples', async () => {
    const { result, log } = await check({ 'mem://baseline': rows(10, (i) => ({ x: i })), 'mem://inputs': [{ x: 1 }, { x: null }, { y: 2 }] }, config({}));
    expect(result.features[0]).toMatchObject({ inputValues: 1, score: undefined });
    expect(result.exposition).not.toMatch(/^mlops_drift_score\{/m);
    expect(result.exposition).toContain('mlops_drift_check_samples{feature="x",source="inputs"} 1\n');
    expect(log).toContain('x: 1 logged values, fewer than inputs.minSamples (3); no score pushed');
  });

  it('fails when a feature has no value in the baseline, or a source has no reader', async () => {
    await expect(check({ 'mem://baseline': [{ y: 1 }], 'mem://inputs': [] }, config({}))).rejects.toThrow(new DriftCheckError('feature "x" has no value in the baseline "mem://baseline"'));
    await expect(check({}, config({ baseline: 's3://bucket/baseline' }))).rejects.toThrow(/^no reader for "s3:\/\/bucket\/baseline"/);
  });

  it('says it would submit retraining in a dry run, without calling the API', async () => {
    const retrain = [{ cluster: 'dev-eu', inCluster: false, namespace: 'fraud-dev', pipeline: 'train-fraud', server: 'https://dev.example', workflowTemplate: 'train-fraud' }];
    const { log } = await check({ 'mem://baseline': rows(10, (i) => ({ x: i })), 'mem://inputs': rows(10, (i) => ({ x: i + 50 })) }, config({ retrain }));
    expect(log.at(-1)).toBe('drift above the threshold: would submit 1 retraining run(s)');
  });
});
