import { describe, expect, it } from 'vitest';
import { BUILTIN_RUNTIME_METRICS, resolveRuntimeMetrics, servingRuntimeName } from '../../compiler/resolve/serving-runtimes.ts';

describe('serving runtimes', () => {
  it('name KServe’s built-in runtime per framework, the model’s own runtime first, and the framework on the deployment backend', () => {
    expect(servingRuntimeName('kserve', { framework: 'xgboost' })).toBe('kserve-xgbserver');
    expect(servingRuntimeName('kserve', { framework: 'onnx' })).toBe('kserve-tritonserver');
    expect(servingRuntimeName('kserve', { framework: 'custom' })).toBeUndefined();
    expect(servingRuntimeName('kserve', { framework: 'xgboost', runtime: 'team-xgb' })).toBe('team-xgb');
    expect(servingRuntimeName('deployment', { framework: 'pytorch' })).toBe('pytorch');
  });

  it('default to what KServe v0.20’s runtimes export: the Python server’s predict histogram on :8080, TorchServe and Triton only their ports', () => {
    expect(BUILTIN_RUNTIME_METRICS['kserve-sklearnserver']).toEqual({ port: 8080, path: '/metrics', latency: { histogram: 'request_predict_seconds', unit: 'seconds' } });
    expect(BUILTIN_RUNTIME_METRICS['kserve-torchserve']).toEqual({ port: 8082, path: '/metrics', throughput: { counter: 'ts_inference_requests_total' } });
    expect(BUILTIN_RUNTIME_METRICS['kserve-tritonserver']).toEqual({ port: 8002, path: '/metrics' });
    for (const metrics of Object.values(BUILTIN_RUNTIME_METRICS)) expect(metrics.requests).toBeUndefined();
  });

  it('lay platform entries over the defaults, whole', () => {
    const runtimes = resolveRuntimeMetrics({
      'kserve-xgbserver': { metrics: { requests: { counter: 'r_total', errorLabel: 'code', errorPattern: '5..' } } },
      pytorch: { metrics: { port: 8082 } },
      torchserve: { metrics: { port: 8082, throughput: { counter: 'ts_inference_requests_total' } } },
    });
    expect(runtimes['kserve-xgbserver']).toEqual({ path: '/metrics', requests: { counter: 'r_total', errorLabel: 'code', errorPattern: '5..' } });
    expect(runtimes.pytorch).toEqual({ port: 8082, path: '/metrics' });
    expect(runtimes.torchserve).toEqual({ port: 8082, path: '/metrics', throughput: { counter: 'ts_inference_requests_total' } });
    expect(runtimes['kserve-lgbserver']).toBe(BUILTIN_RUNTIME_METRICS['kserve-lgbserver']);
  });
});
