import { describe, expect, it } from 'vitest';
import { emitPipelines } from '../../../compiler/emit/pipelines/emit-pipelines.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';
import { contextFor, EXAMPLE_PLATFORM, EXAMPLE_TEAM, emitWith, objectOf, resolveExample } from './example-org.ts';

type Template = Record<string, unknown> & { name: string };
const stepTemplates = (object: Record<string, unknown>) => (object.spec as { templates: Template[] }).templates.filter((template) => template.container);

describe('pipeline step retries, deadlines and GPU placement', () => {
  it('gives every step OnError retries with backoff and a 24h deadline by default', () => {
    const dev = emitWith(emitPipelines, contextFor(resolveExample(), 'fraud', 'dev-eu'));
    for (const template of stepTemplates(objectOf(dev, 'WorkflowTemplate', 'train-fraud'))) {
      expect(template.activeDeadlineSeconds, template.name).toBe(86_400);
      expect(template.retryStrategy, template.name).toEqual({ backoff: { cap: '10m', duration: '1m', factor: 2 }, limit: 2, retryPolicy: 'OnError' });
    }
  });

  it('tolerates the nvidia.com/gpu taint on GPU steps only, by default', () => {
    const dev = emitWith(emitPipelines, contextFor(resolveExample(), 'fraud', 'dev-eu'));
    const [extract, train] = stepTemplates(objectOf(dev, 'WorkflowTemplate', 'train-fraud'));
    expect(extract).not.toHaveProperty('tolerations');
    expect(extract).not.toHaveProperty('nodeSelector');
    expect(train!.tolerations).toEqual([{ effect: 'NoSchedule', key: 'nvidia.com/gpu', operator: 'Exists' }]);
    expect(train).not.toHaveProperty('nodeSelector');
  });

  it('takes per-step overrides and platform scheduling.gpu, merged with the cluster placement', () => {
    const platform = EXAMPLE_PLATFORM.replace(
      '  dev:     { clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }] }',
      '  dev:     { clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443", nodeSelector: { zone: a }, tolerations: [{ key: spot, effect: NoSchedule }] }] }',
    ) + 'scheduling:\n  gpu:\n    nodeSelector: { "nvidia.com/gpu.present": "true" }\n    tolerations: [{ key: gpu-pool, value: a100, effect: NoSchedule }]\n';
    const team = EXAMPLE_TEAM.replace('        secretRef: warehouse-credentials\n', '        secretRef: warehouse-credentials\n        retries: 0\n        timeout: 90m\n');
    const dev = emitWith(emitPipelines, contextFor(resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': team }), 'fraud', 'dev-eu'));
    const template = objectOf(dev, 'WorkflowTemplate', 'train-fraud');
    const [extract, train] = stepTemplates(template);
    expect(extract!.activeDeadlineSeconds).toBe(5_400);
    expect(extract).not.toHaveProperty('retryStrategy');
    expect(extract).not.toHaveProperty('nodeSelector');
    expect(train!.nodeSelector).toEqual({ 'nvidia.com/gpu.present': 'true', zone: 'a' });
    expect(train!.tolerations).toEqual([
      { effect: 'NoSchedule', key: 'spot', operator: 'Exists' },
      { effect: 'NoSchedule', key: 'gpu-pool', operator: 'Equal', value: 'a100' },
    ]);
    expect((template.spec as Record<string, unknown>).nodeSelector).toEqual({ zone: 'a' });
    expect(validateKubernetesObjects(dev)).toEqual([]);
  });
});
