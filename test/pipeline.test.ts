import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceTree } from '../compiler/cli/fs-source.ts';
import { evaluatePolicies } from '../compiler/policy/evaluate-policies.ts';
import { REPO_ROOT } from './emit/golden/golden-cases.ts';
import { type SourceTree, sourceTreeFromRecord } from '../compiler/load/source-tree.ts';
import { type CompileBatch, compile, compileInBatches } from '../compiler/pipeline.ts';
import { syntheticOrgTree } from './support/synthetic-org.ts';

const now = new Date('2026-06-01T00:00:00Z');

function drain(tree: SourceTree) {
  const batches: CompileBatch[] = [];
  const generator = compileInBatches(tree, { now });
  let step = generator.next();
  for (; !step.done; step = generator.next()) batches.push(step.value);
  return { batches, summary: step.value };
}

describe('compile in batches', () => {
  it('yields one batch per team × cluster plus the org files, which together are exactly what compile returns', () => {
    const tree = syntheticOrgTree({ teams: 3, modelsPerTeam: 2 });
    const { batches, summary } = drain(tree);
    const whole = compile(tree, { now });
    const clusters = new Set(whole.manifests.map((manifest) => manifest.cluster));
    expect(batches).toHaveLength(3 * clusters.size + 1);
    expect(batches.at(-1)!.files.map((file) => file.path)).toEqual([
      'registry.json',
      ...[...clusters].sort().map((cluster) => `argocd/${cluster}/argocd-notifications/configmap-argocd-notifications-cm.yaml`),
      ...[...clusters].sort().flatMap((cluster) => [`argocd/${cluster}/appproject-mlops-root-${cluster}.yaml`, `argocd/${cluster}/application-mlops-root-${cluster}.yaml`, `argocd/${cluster}/platform/appproject-mlops-platform-${cluster}.yaml`, `argocd/${cluster}/platform/application-mlops-platform-${cluster}.yaml`]),
      ...[...clusters].sort().flatMap((cluster) => ['clusterstoragecontainer-cirrus-mlops-restricted', 'configmap-workflow-controller-configmap'].map((name) => `clusters/${cluster}/platform/${name}.yaml`)),
    ]);
    for (const batch of batches.slice(0, -1)) expect(new Set(batch.manifests.map((manifest) => `${manifest.cluster}/${manifest.team}`)).size).toBe(1);
    const files = batches.flatMap((batch) => batch.files.map((file) => [file.path, file.content]));
    expect(files.sort(([a], [b]) => (a! < b! ? -1 : 1))).toEqual(whole.files.map((file) => [file.path, file.content]));
    expect(summary.diagnostics).toEqual(whole.diagnostics);
    expect(summary.policy?.findings).toEqual(whole.policy?.findings);
    expect([summary.objects, summary.files]).toEqual([whole.manifests.length, whole.files.length]);
  });

  it('finds, batch by batch, exactly what policies find over all objects at once (sample-repo)', async () => {
    const tree = await readSourceTree(join(REPO_ROOT, 'sample-repo'));
    const { batches, summary } = drain(tree);
    const manifests = batches.flatMap((batch) => batch.manifests);
    const allAtOnce = evaluatePolicies(summary.org!, manifests, { now });
    expect(summary.policy!.findings.length).toBeGreaterThan(0);
    expect(summary.policy!.findings).toEqual(allAtOnce.findings);
    expect(summary.policy!.diagnostics).toEqual(allAtOnce.diagnostics);
  });

  it('runs custom rules on emitted objects batch by batch with the same findings as all at once', async () => {
    const sample = await readSourceTree(join(REPO_ROOT, 'sample-repo'));
    const rule = [
      '    - id: org/small-configmaps',
      '      match: { targets: [ConfigMap] }',
      '      expression: size(object.metadata.name) < 20',
      '      message: ConfigMap names stay short.',
      '      mode: warn',
    ].join('\n');
    const files = sample.files.map((file) => (file.path === 'platform.yaml' ? { ...file, content: String(file.content).replace('  rules:\n', `  rules:\n${rule}\n`) } : file));
    const { batches, summary } = drain({ ...sample, files });
    const allAtOnce = evaluatePolicies(summary.org!, batches.flatMap((batch) => batch.manifests), { now });
    const custom = summary.policy!.findings.filter((finding) => finding.ruleId === 'org/small-configmaps');
    expect(new Set(custom.map((finding) => finding.team)).size).toBeGreaterThan(1);
    expect(summary.policy!.findings).toEqual(allAtOnce.findings);
  });

  it('yields nothing when the config does not validate, and reports why in the summary', () => {
    const { batches, summary } = drain(sourceTreeFromRecord({ 'platform.yaml': 'environments: 3\n' }));
    expect(batches).toEqual([]);
    expect(summary.org).toBeUndefined();
    expect(summary.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
  });
});
