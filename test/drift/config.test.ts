import { describe, expect, it } from 'vitest';
import { checkDriftConfig, parseDriftConfig } from '../../drift/config.ts';
import { DriftConfigError } from '../../drift/errors.ts';
import { emittedConfig } from './support/drift-config.ts';

function problems(value: unknown): readonly string[] {
  try {
    checkDriftConfig(value);
  } catch (error) {
    if (error instanceof DriftConfigError) return error.problems;
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('drift-check config', () => {
  it('accepts the config the compiler emits, with defaults for the check’s own settings', () => {
    const { config, warnings } = parseDriftConfig(JSON.stringify(emittedConfig()));
    expect(warnings).toEqual([]);
    expect(config.inputs).toEqual({ uri: 'https://logs.example/fraud-api/requests.jsonl', format: 'auto', windowMs: undefined, columns: undefined, maxRecords: 1_000_000, minSamples: 50 });
    expect(config.bins).toBe(10);
    expect(config.push.labels).toEqual({ mlops_deployment: 'fraud-api', namespace: 'fraud-prod' });
  });

  it('reads inputs settings: window durations, format, columns, limits', () => {
    const { config } = checkDriftConfig({ ...emittedConfig(), bins: 20, inputs: { uri: '/data/logs', format: 'kserve', window: '90m', columns: ['a', 'b'], maxRecords: 10, minSamples: 5 } });
    expect(config.inputs).toEqual({ uri: '/data/logs', format: 'kserve', windowMs: 5_400_000, columns: ['a', 'b'], maxRecords: 10, minSamples: 5 });
    expect(config.bins).toBe(20);
  });

  it('warns about keys it does not know instead of failing (a newer compiler may add some)', () => {
    expect(checkDriftConfig({ ...emittedConfig(), identity: {}, inputs: { uri: 'x', extra: 1 } }).warnings).toEqual(['ignoring unknown config key "identity"', 'ignoring unknown config key inputs."extra"']);
  });

  it('says where predictions must be declared when inputs is missing', () => {
    const { inputs: _inputs, ...withoutInputs } = emittedConfig();
    expect(problems(withoutInputs)).toEqual(['inputs is missing: say where predictions are logged (inputs.uri: a path, an http(s):// URL or a directory)']);
  });

  it('explains a null baseline', () => {
    expect(problems({ ...emittedConfig(), baseline: null })).toEqual(['baseline is null: the deployed model version declares no training dataset; set monitoring.<deployment>.drift.baseline']);
  });

  it('reports every problem at once, by path', () => {
    const bad = { ...emittedConfig(), method: 'mmd', threshold: 0, features: [], bins: 1, model: { name: 'm' }, inputs: { uri: '', window: '1 hour', format: 'csv', maxRecords: 0 } };
    expect(problems(bad)).toEqual([
      'features must be a list of 1 to 1000 non-empty strings',
      'method must be one of psi, ks, kl, chi2, wasserstein, not "mmd"',
      'threshold must be a number above 0, not 0',
      'model.version must be a non-empty string (missing)',
      'inputs.uri must be a non-empty string, not ""',
      'inputs.format must be one of auto, features, kserve, not "csv"',
      'inputs.window must be a duration such as 90m, 1h or 7d, not "1 hour"',
      'inputs.maxRecords must be an integer from 1 to 100000000, not 0',
      'bins must be an integer from 2 to 1000, not 1',
    ]);
  });

  it('checks what is pushed: gateway URL, metric name, label names and values, reserved labels', () => {
    const push = { gateway: 's3://bucket', job: '', labels: { 'bad-name': 'x', feature: 'y', __meta: 'z', namespace: 7 }, metric: 'drift score' };
    expect(problems({ ...emittedConfig(), push })).toEqual([
      'push.gateway must be an http(s) URL without query, not "s3://bucket"',
      'push.job must be a non-empty string, not ""',
      'push.metric must be a Prometheus metric name, not "drift score"',
      'push.labels has an invalid label name "bad-name"',
      'push.labels may not set "feature": the check sets it on each series',
      'push.labels has an invalid label name "__meta"',
      'push.labels.namespace must be a non-empty string',
    ]);
  });

  it('refuses duplicate features and non-objects, and quotes hostile text without control characters', () => {
    expect(problems({ ...emittedConfig(), features: ['a', 'a'] })).toEqual(['features lists "a" twice']);
    expect(problems([])).toEqual(['the config must be a JSON object']);
    const [problem] = problems({ ...emittedConfig(), method: 'psi\u001b[31m\nx' });
    expect(problem).toBe('method must be one of psi, ks, kl, chi2, wasserstein, not "psi\\u001b[31m\\nx"');
  });

  it('refuses text that is not JSON with one message', () => {
    expect(() => parseDriftConfig('{"baseline": ')).toThrow(/^invalid drift-check config: not valid JSON \(/);
  });
});
