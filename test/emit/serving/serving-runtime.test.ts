import { describe, expect, it } from 'vitest';
import { pinnedRuntime, RUNTIME_TEMPLATES, servingRuntimeSpec } from '../../../compiler/emit/serving/serving-runtime.ts';
import { BUILTIN_RUNTIME_METRICS, KSERVE_RUNTIME_BY_FRAMEWORK, resolveRuntimeMetrics } from '../../../compiler/resolve/serving-runtimes.ts';

const platform = (images: Record<string, string>, runtimes = resolveRuntimeMetrics(undefined)) => ({ serving: { defaultBackend: 'kserve' as const, kserveDeploymentMode: 'Standard' as const, images, runtimes } });

describe('pinnedRuntime', () => {
  it('pins a framework with a platform image to mlops-<framework>', () => {
    const runtime = pinnedRuntime(platform({ xgboost: 'ghcr.io/acme/xgb:2' }), { framework: 'xgboost' });
    expect(runtime).toMatchObject({ name: 'mlops-xgboost', image: 'ghcr.io/acme/xgb:2', metrics: BUILTIN_RUNTIME_METRICS['kserve-xgbserver'] });
  });

  it('leaves models with their own runtime, frameworks without an image and `custom` to KServe', () => {
    expect(pinnedRuntime(platform({ xgboost: 'ghcr.io/acme/xgb:2' }), { framework: 'xgboost', runtime: 'team-xgb' })).toBeUndefined();
    expect(pinnedRuntime(platform({}), { framework: 'xgboost' })).toBeUndefined();
    expect(pinnedRuntime(platform({ custom: 'ghcr.io/acme/custom:1' }), { framework: 'custom' })).toBeUndefined();
  });

  it('reads metrics from `serving.runtimes.mlops-<framework>`, then `<framework>`, then the KServe runtime it stands in for', () => {
    const both = resolveRuntimeMetrics({ 'mlops-pytorch': { metrics: { port: 9200 } }, pytorch: { metrics: { port: 9100 } } });
    expect(pinnedRuntime(platform({ pytorch: 'ghcr.io/acme/ts:1' }, both), { framework: 'pytorch' })!.metrics).toEqual({ port: 9200, path: '/metrics' });
    const runtimes = resolveRuntimeMetrics({ pytorch: { metrics: { port: 9100, path: '/stats' } } });
    const runtime = pinnedRuntime(platform({ pytorch: 'ghcr.io/acme/ts:1' }, runtimes), { framework: 'pytorch' })!;
    expect(runtime.metrics).toEqual({ port: 9100, path: '/stats' });
    expect(servingRuntimeSpec(runtime).annotations).toEqual({ 'prometheus.kserve.io/path': '/stats', 'prometheus.kserve.io/port': '9100' });
  });
});

describe('RUNTIME_TEMPLATES', () => {
  it('stand in for the runtime KServe auto-selects for each framework, listing that framework', () => {
    for (const [framework, template] of Object.entries(RUNTIME_TEMPLATES)) {
      expect(template.kserveRuntime).toBe(KSERVE_RUNTIME_BY_FRAMEWORK[framework as keyof typeof KSERVE_RUNTIME_BY_FRAMEWORK]);
      expect(template.modelFormats.map((format) => format.name)).toContain(framework);
      expect(BUILTIN_RUNTIME_METRICS[template.kserveRuntime]?.port).toBe(template.metricsPort);
    }
  });
});
