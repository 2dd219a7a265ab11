/**
 * The emit stage: one cdk8s App per team × cluster (one App over the whole org is super-linear), with
 * one Chart per environment the cluster serves plus a GitOps chart, rendered to a deterministic tree:
 * `clusters/<cluster>/<team>/<kind>-<name>.yaml`, `argocd/<cluster>/<team>/…`, each cluster's root
 * Application `argocd/<cluster>/application-mlops-root-<cluster>.yaml` and `registry.json`.
 * Builders add constructs; synthesis turns each App's ApiObjects into plain objects; render.ts places
 * and renders them.
 */
import { ApiObject, App, Chart } from 'cdk8s';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import type { KubernetesObject, Manifest, OutputFile } from './manifest.ts';
import { notificationsFiles } from './gitops/argocd-notifications.ts';
import { emitGitOps } from './gitops/emit-gitops.ts';
import { rootFiles } from './gitops/root-application.ts';
import { emitMonitoring } from './monitoring/emit-monitoring.ts';
import { emitPipelines } from './pipelines/emit-pipelines.ts';
import { platformBootstrapFiles } from './platform-bootstrap/emit-platform-bootstrap.ts';
import { emitRegistryConfigMap } from './registry/emit-registry-config-map.ts';
import { registryCatalog } from './registry/registry-catalog.ts';
import { fastObjectJson } from './fast-object-json.ts';
import { type OutputFormat, type PlacedChart, placeObjects, renderManifests } from './render.ts';
import { emitServing } from './serving/emit-serving.ts';
import type { TeamClusterContext } from './team-cluster-context.ts';
import { emitTenancy } from './tenancy/emit-tenancy.ts';
import { teamRunsIn } from './tenancy/team-presence.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import { constructId } from './construct-id.ts';

/** Adds objects for one team × environment × cluster to a chart; may return the diagnostics it found. */
export type ChartBuilder = (chart: Chart, context: TeamClusterContext) => unknown;

/** Builders of each environment chart, in order. */
export const ENVIRONMENT_BUILDERS: readonly ChartBuilder[] = [emitTenancy, emitServing, emitPipelines, emitMonitoring, emitRegistryConfigMap];

/** Builders of the GitOps chart (Argo CD objects, in the Argo CD namespace). */
export const GITOPS_BUILDERS: readonly ChartBuilder[] = [emitGitOps];

/** Org-wide files beside the manifests (the catalog; each cluster's Argo CD notifications wiring, root Application and platform bootstrap). */
export const ORG_FILE_BUILDERS: readonly ((org: ResolvedOrg, options: EmitOptions) => OutputFile | readonly OutputFile[])[] = [registryCatalog, notificationsFiles, rootFiles, platformBootstrapFiles];

/** What emit produces. */
export interface EmitResult {
  readonly manifests: Manifest[];
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/** Options narrowing what is emitted. */
export interface EmitOptions {
  readonly environments?: readonly string[];
  readonly clusters?: readonly string[];
  /** Format of the rendered files. @default 'yaml' */
  readonly format?: OutputFormat;
}

/** One App's worth of work: a team on a cluster, in every environment that cluster serves. */
export interface TeamClusterUnit {
  readonly cluster: string;
  readonly team: string;
  /** One context per environment the cluster serves, in environment order. */
  readonly contexts: readonly TeamClusterContext[];
}

/** The team × cluster units of an org where the team runs something (`teamRunsIn`), narrowed by the options; sorted by cluster, then team. */
export function teamClusterUnits(org: ResolvedOrg, options: EmitOptions = {}): TeamClusterUnit[] {
  const environments = options.environments ? new Set(options.environments) : undefined;
  const clusters = options.clusters ? new Set(options.clusters) : undefined;
  const units = new Map<string, { cluster: string; team: string; contexts: TeamClusterContext[] }>();
  for (const team of org.teams) {
    for (const environment of org.platform.environments) {
      if (environments && !environments.has(environment.name)) continue;
      for (const cluster of environment.clusters) {
        if (clusters && !clusters.has(cluster.name)) continue;
        if (!teamRunsIn(team, environment.name, cluster.name)) continue;
        const key = `${cluster.name}\u0000${team.name}`;
        const unit = units.get(key) ?? { cluster: cluster.name, team: team.name, contexts: [] };
        unit.contexts.push({ org, team, environment, cluster, namespace: `${team.name}-${environment.name}` });
        units.set(key, unit);
      }
    }
  }
  return [...units.values()].sort((a, b) => compareCodePoints(a.cluster, b.cluster) || compareCodePoints(a.team, b.team));
}

function runBuilders(builders: readonly ChartBuilder[], chart: Chart, context: TeamClusterContext, diagnostics: Diagnostic[]): void {
  for (const build of builders) {
    const found = build(chart, context);
    if (Array.isArray(found)) diagnostics.push(...(found as Diagnostic[]));
  }
}

/**
 * Synthesises every chart of an App: runs construct validation once (a failure is a compiler bug), then
 * each ApiObject's JSON (tokens resolved, patches applied; plain objects through `fastObjectJson`). Unlike
 * `chart.toJson()` this skips cdk8s's dependency ordering, which means nothing here: output is sorted by path.
 */
export function synthesizeApp(app: App, options: { readonly fastPath?: boolean } = {}): Map<Chart, KubernetesObject[]> {
  const constructs = app.node.findAll();
  const errors = constructs.flatMap((construct) => construct.node.validate().map((error) => `[${construct.node.path}] ${error}`));
  if (errors.length > 0) throw new Error(`bug: emitted constructs failed validation:\n  ${errors.join('\n  ')}`);
  const fastPath = options.fastPath ?? true;
  const objects = new Map<Chart, KubernetesObject[]>();
  for (const construct of constructs) {
    if (!(construct instanceof ApiObject)) continue;
    const chart = construct.chart;
    const list = objects.get(chart) ?? [];
    list.push((fastPath ? fastObjectJson(construct) : undefined) ?? (construct.toJson() as KubernetesObject));
    objects.set(chart, list);
  }
  return objects;
}

/** The App of one team × cluster: a chart per environment (to `clusters/…`) and a GitOps chart (to `argocd/…`). */
export function buildTeamClusterApp(unit: TeamClusterUnit, diagnostics: Diagnostic[]): { app: App; charts: { chart: Chart; folder: string }[] } {
  const app = new App({ outdir: '.' });
  const charts: { chart: Chart; folder: string }[] = [];
  for (const context of unit.contexts) {
    const chart = new Chart(app, constructId(app, `env:${context.environment.name}`), { namespace: context.namespace });
    runBuilders(ENVIRONMENT_BUILDERS, chart, context, diagnostics);
    charts.push({ chart, folder: `clusters/${unit.cluster}/${unit.team}` });
  }
  const first = unit.contexts[0];
  if (first && GITOPS_BUILDERS.length > 0) {
    const chart = new Chart(app, constructId(app, 'gitops'), { namespace: first.org.platform.gitops.argocdNamespace });
    runBuilders(GITOPS_BUILDERS, chart, first, diagnostics);
    charts.push({ chart, folder: `argocd/${unit.cluster}/${unit.team}` });
  }
  return { app, charts };
}

/** Builds and synthesises the App of one team × cluster. */
export function emitTeamCluster(unit: TeamClusterUnit, diagnostics: Diagnostic[]): PlacedChart[] {
  const { app, charts } = buildTeamClusterApp(unit, diagnostics);
  const synthesized = synthesizeApp(app);
  return charts.map(({ chart, folder }) => ({ cluster: unit.cluster, team: unit.team, folder, objects: synthesized.get(chart) ?? [] }));
}

/** What emit produces for one team × cluster. */
export interface EmittedUnit {
  readonly cluster: string;
  readonly team: string;
  /** Placed objects, sorted by path. */
  readonly manifests: Manifest[];
  /** Their (lazily rendered) files, sorted by path. */
  readonly files: OutputFile[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Emits the org one team × cluster at a time (in cluster, then team order). Each unit's output
 * folders (`clusters/<cluster>/<team>`, `argocd/<cluster>/<team>`) belong to it alone, so a consumer
 * can check, write and release a unit before the next is built: memory stays at one unit's objects.
 */
export function* emitUnits(org: ResolvedOrg, options: EmitOptions = {}): Generator<EmittedUnit, void, undefined> {
  const format = options.format ?? 'yaml';
  // The unit is yielded straight from the call that builds it: no local of the suspended generator holds it.
  for (const unit of teamClusterUnits(org, options)) yield emitUnit(org, unit, format);
}

/** Emits, places and (lazily) renders one team × cluster. */
export function emitUnit(org: ResolvedOrg, unit: TeamClusterUnit, format: OutputFormat): EmittedUnit {
  const diagnostics: Diagnostic[] = [];
  const layout = placeObjects(org, emitTeamCluster(unit, diagnostics), format);
  diagnostics.push(...layout.diagnostics);
  return { cluster: unit.cluster, team: unit.team, manifests: layout.manifests, files: renderManifests(layout.manifests, format), diagnostics };
}

/** The org-wide files beside the manifests (`registry.json`, `argocd/<cluster>/argocd-notifications/configmap-argocd-notifications-cm.yaml`). */
export function orgFiles(org: ResolvedOrg, options: EmitOptions = {}): OutputFile[] {
  return ORG_FILE_BUILDERS.flatMap((build) => build(org, options));
}

/** Emits the manifests of a resolved org, all at once, sorted by path. */
export function emitOrg(org: ResolvedOrg, options: EmitOptions = {}): EmitResult {
  const diagnostics: Diagnostic[] = [];
  const manifests: Manifest[] = [];
  const files: OutputFile[] = [];
  for (const unit of emitUnits(org, options)) {
    diagnostics.push(...unit.diagnostics);
    manifests.push(...unit.manifests);
    files.push(...unit.files);
  }
  files.push(...orgFiles(org, options));
  manifests.sort((a, b) => compareCodePoints(a.path, b.path));
  files.sort((a, b) => compareCodePoints(a.path, b.path));
  return { manifests, files, diagnostics };
}
