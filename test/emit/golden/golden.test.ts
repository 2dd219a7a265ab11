import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CompileResult } from '../../../compiler/pipeline.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';
import { compileCase, diagnosticsText, type GoldenCase, goldenCases, readTree } from './golden-cases.ts';

const cases = goldenCases();
const compiled = new Map<string, Promise<CompileResult>>();
const compiledCase = (golden: GoldenCase) => {
  if (!compiled.has(golden.name)) compiled.set(golden.name, compileCase(golden));
  return compiled.get(golden.name)!;
};

describe.each(cases)('golden emit: $name', (golden) => {
  it('emits exactly the checked-in tree and diagnostics (regenerate with `npm run golden`)', async () => {
    const result = await compiledCase(golden);
    const expected = readTree(golden.expected);
    const actual = new Map(result.files.map((file) => [file.path, file.content]));
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    for (const [path, content] of actual) expect(content, path).toBe(expected.get(path));
    expect(diagnosticsText(result.diagnostics)).toBe(readFileSync(golden.diagnostics, 'utf8'));
  });

  it('emits only objects that validate against their official schema', async () => {
    const result = await compiledCase(golden);
    expect(validateKubernetesObjects(result.manifests.map((manifest) => ({ ...manifest.object })))).toEqual([]);
  });
});

describe('golden emit fixtures', () => {
  it('cover every emit diagnostic, both KServe modes, edge clusters and the deployment backend', async () => {
    const codes = new Set<string>();
    const kinds = new Set<string>();
    for (const golden of cases) {
      const result = await compiledCase(golden);
      for (const diagnostic of result.diagnostics) codes.add(diagnostic.code);
      for (const manifest of result.manifests) kinds.add(manifest.object.kind);
    }
    expect([...codes].filter((code) => code.startsWith('ML5')).sort()).toEqual(['ML501', 'ML502', 'ML503', 'ML504', 'ML505', 'ML506', 'ML507']);
    for (const kind of ['InferenceService', 'TrainedModel', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget', 'HTTPRoute', 'Namespace', 'ResourceQuota', 'LimitRange', 'ServiceAccount', 'Role', 'RoleBinding', 'NetworkPolicy', 'PodMonitor', 'PrometheusRule']) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });
});
