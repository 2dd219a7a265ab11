import { App, Chart } from 'cdk8s';
import { describe, expect, it } from 'vitest';
import { emitGitOps } from '../../../compiler/emit/gitops/emit-gitops.ts';
import { emitMonitoring } from '../../../compiler/emit/monitoring/emit-monitoring.ts';
import { emitPipelines } from '../../../compiler/emit/pipelines/emit-pipelines.ts';
import { emitRegistryConfigMap } from '../../../compiler/emit/registry/emit-registry-config-map.ts';
import { registryCatalog } from '../../../compiler/emit/registry/registry-catalog.ts';
import type { TeamClusterContext } from '../../../compiler/emit/team-cluster-context.ts';
import { lineageMermaid } from '../../../compiler/graph/lineage-graph.ts';
import type { ResolvedOrg } from '../../../compiler/resolve/resolved-org.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';
import { syntheticOrg } from '../../support/synthetic-org.ts';
import { type EmittedObject, resolveExample } from './example-org.ts';

/** Runs every builder of pipelines, monitoring, registry and GitOps on every team × environment × cluster. */
function emitAll(org: ResolvedOrg): EmittedObject[] {
  const objects: EmittedObject[] = [];
  for (const team of org.teams) {
    for (const environment of org.platform.environments) {
      for (const cluster of environment.clusters) {
        const context: TeamClusterContext = { org, team, environment, cluster, namespace: `${team.name}-${environment.name}` };
        const chart = new Chart(new App(), 'test');
        emitPipelines(chart, context);
        emitMonitoring(chart, context);
        emitRegistryConfigMap(chart, context);
        emitGitOps(chart, context);
        objects.push(...(chart.toJson() as EmittedObject[]));
      }
    }
  }
  return objects;
}

describe.each([2, 4] as const)('a synthetic org at rollout phase %i', (phase) => {
  const files = syntheticOrg({ teams: 2, modelsPerTeam: 3, phase });
  const org = resolveExample(files);

  it('emits only objects that validate against their official schemas', () => {
    const objects = emitAll(org);
    expect(objects.length).toBeGreaterThan(0);
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('emits the same objects, catalog and graph on every run', () => {
    expect(JSON.stringify(emitAll(resolveExample(files)))).toBe(JSON.stringify(emitAll(org)));
    expect(registryCatalog(resolveExample(files)).content).toBe(registryCatalog(org).content);
    expect(lineageMermaid(resolveExample(files))).toBe(lineageMermaid(org));
  });

  it('keeps every object name a valid DNS name and every label value within 63 characters', () => {
    for (const object of emitAll(org)) {
      expect(object.metadata.name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
      for (const value of Object.values(object.metadata.labels ?? {})) expect(value.length).toBeLessThanOrEqual(63);
      if (object.kind === 'CronJob' || object.kind === 'CronWorkflow') expect(object.metadata.name.length).toBeLessThanOrEqual(52);
    }
  });
});
