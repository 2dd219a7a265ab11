/**
 * A stand-in compiler for plan tests that must not depend on emit details: the real validate stage,
 * then one small YAML file per team namespace, placement and pipeline.
 */
import { stringify } from 'yaml';
import type { Manifest, OutputFile } from '../../../compiler/emit/manifest.ts';
import type { SourceTree } from '../../../compiler/load/source-tree.ts';
import { type CompileResult, validate } from '../../../compiler/pipeline.ts';
import type { ResolvedOrg } from '../../../compiler/resolve/resolved-org.ts';

function manifest(cluster: string, team: string, kind: string, name: string, namespace: string, spec: unknown): Manifest {
  return { cluster, team, path: `clusters/${cluster}/${team}/${kind.toLowerCase()}-${name}.yaml`, object: { apiVersion: 'test/v1', kind, metadata: { name, namespace }, spec } };
}

/** Fake manifests of a resolved org. */
export function fakeManifests(org: ResolvedOrg): Manifest[] {
  const manifests: Manifest[] = [];
  for (const team of org.teams) {
    for (const environment of org.platform.environments) {
      for (const cluster of environment.clusters) {
        manifests.push(manifest(cluster.name, team.name, 'Namespace', `${team.name}-${environment.name}`, `${team.name}-${environment.name}`, { owners: team.owners, quota: org.platform.quotas.teams[team.name] ?? org.platform.quotas.perTeam ?? null }));
      }
    }
    for (const deployment of team.deployments) {
      for (const placement of deployment.placements) {
        const { stable, canary, replicas, resources } = placement;
        manifests.push(manifest(placement.cluster.name, team.name, 'InferenceService', deployment.name, placement.namespace, { stable, canary: canary ?? null, replicas, resources }));
      }
    }
    for (const pipeline of team.pipelines) {
      manifests.push(manifest(pipeline.cluster.name, team.name, pipeline.schedule ? 'CronWorkflow' : 'WorkflowTemplate', pipeline.name, pipeline.namespace, { schedule: pipeline.schedule ?? null, steps: pipeline.steps.map((step) => step.image) }));
    }
  }
  return manifests;
}

/** Renders manifests one file each. */
export function renderFiles(manifests: readonly Manifest[]): OutputFile[] {
  return manifests.map((entry) => ({ path: entry.path, content: stringify(entry.object, { sortMapEntries: true }) })).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** validate → fake emit. */
export function fakeCompile(tree: SourceTree): CompileResult {
  const validated = validate(tree);
  if (!validated.org) return { diagnostics: validated.diagnostics, manifests: [], files: [] };
  const manifests = fakeManifests(validated.org);
  return { diagnostics: validated.diagnostics, org: validated.org, manifests, files: renderFiles(manifests) };
}
