/**
 * The lineage of an org as a graph: dataset → pipeline → model version → deployment per environment.
 * Pure data, rendered by `lineage-graph.ts`; nodes and edges come out in a deterministic order.
 */
import type { ResolvedOrg, ResolvedPlacement, ResolvedTeam } from '../resolve/resolved-org.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';

/** What a node stands for. */
export type LineageNodeKind = 'dataset' | 'pipeline' | 'model-version' | 'deployment';

/** One node; `key` identifies it uniquely. */
export interface LineageNode {
  readonly key: string;
  readonly kind: LineageNodeKind;
  readonly label: string;
  /** Owning team; undefined for datasets, which teams may share. */
  readonly team?: string;
}

/** A directed edge between node keys, with an optional label (run id, traffic share). */
export interface LineageEdge {
  readonly from: string;
  readonly to: string;
  readonly label?: string;
}

/** The graph. */
export interface Lineage {
  readonly nodes: readonly LineageNode[];
  readonly edges: readonly LineageEdge[];
}

/** Options of `buildLineage`. */
export interface LineageOptions {
  /** Only this team. @default every team */
  readonly team?: string;
}

const datasetKey = (uri: string) => `dataset:${uri}`;
const pipelineKey = (team: string, pipeline: string) => `pipeline:${team}/${pipeline}`;
const versionKey = (team: string, model: string, version: string) => `version:${team}/${model}@${version}`;
const deploymentKey = (team: string, deployment: string, environment: string) => `deployment:${team}/${deployment}/${environment}`;

function servedEdges(team: string, placement: ResolvedPlacement): LineageEdge[] {
  const to = deploymentKey(team, placement.deployment, placement.environment);
  const edges: LineageEdge[] = [];
  const canary = placement.canary;
  const variants = placement.abTest?.variants ?? [];
  // Under an A/B test the stable version's traffic is its variant's share: draw only the variant edge.
  const stableIsVariant = variants.some((variant) => variant.model === placement.stable.model && variant.version === placement.stable.version);
  if (!stableIsVariant) edges.push({ from: versionKey(team, placement.stable.model, placement.stable.version), to, label: canary ? `stable ${100 - canary.traffic}%` : 'stable' });
  if (canary) edges.push({ from: versionKey(team, canary.model, canary.version), to, label: `canary ${canary.traffic}%` });
  for (const variant of variants) edges.push({ from: versionKey(team, variant.model, variant.version), to, label: `${variant.name} ${variant.traffic}%` });
  return edges;
}

function teamLineage(team: ResolvedTeam, environmentOrder: readonly string[], nodes: Map<string, LineageNode>, edges: LineageEdge[]): void {
  for (const pipeline of team.pipelines) nodes.set(pipelineKey(team.name, pipeline.name), { key: pipelineKey(team.name, pipeline.name), kind: 'pipeline', label: `pipeline ${pipeline.name}`, team: team.name });
  for (const model of team.models) {
    for (const version of model.versions) {
      const key = versionKey(team.name, model.name, version.version);
      nodes.set(key, { key, kind: 'model-version', label: `${model.name} ${version.version}`, team: team.name });
      const { dataset, trainedBy } = version.config;
      if (dataset) nodes.set(datasetKey(dataset.uri), { key: datasetKey(dataset.uri), kind: 'dataset', label: dataset.uri });
      if (trainedBy) {
        const pipeline = pipelineKey(team.name, trainedBy.pipeline);
        if (!nodes.has(pipeline)) nodes.set(pipeline, { key: pipeline, kind: 'pipeline', label: `pipeline ${trainedBy.pipeline}`, team: team.name });
        if (dataset) edges.push({ from: datasetKey(dataset.uri), to: pipeline });
        edges.push({ from: pipeline, to: key, ...(trainedBy.run ? { label: trainedBy.run } : {}) });
      } else if (dataset) {
        edges.push({ from: datasetKey(dataset.uri), to: key });
      }
    }
  }
  for (const deployment of team.deployments) {
    const byEnvironment = new Map<string, ResolvedPlacement[]>();
    for (const placement of deployment.placements) byEnvironment.set(placement.environment, [...(byEnvironment.get(placement.environment) ?? []), placement]);
    for (const environment of environmentOrder) {
      const placements = byEnvironment.get(environment);
      if (!placements) continue;
      const key = deploymentKey(team.name, deployment.name, environment);
      const clusters = placements.map((placement) => placement.cluster.name).join(', ');
      nodes.set(key, { key, kind: 'deployment', label: `${deployment.name} · ${environment} (${clusters})`, team: team.name });
      // Clusters of one environment serve the same versions, so the first placement speaks for all.
      edges.push(...servedEdges(team.name, placements[0]!));
    }
  }
}

const KIND_ORDER: Record<LineageNodeKind, number> = { dataset: 0, pipeline: 1, 'model-version': 2, deployment: 3 };

/** Builds the lineage graph of the org (or of one team). */
export function buildLineage(org: ResolvedOrg, options: LineageOptions = {}): Lineage {
  const nodes = new Map<string, LineageNode>();
  const edges: LineageEdge[] = [];
  const environmentOrder = org.platform.environments.map((environment) => environment.name);
  for (const team of org.teams) {
    if (options.team === undefined || team.name === options.team) teamLineage(team, environmentOrder, nodes, edges);
  }
  const unique = new Map(edges.map((edge) => [`${edge.from}\u0000${edge.to}\u0000${edge.label ?? ''}`, edge]));
  // Teams, pipelines, models, versions and deployments were visited in sorted (deployments: environment)
  // order; datasets, shared between teams, are sorted by URI. The sort is stable.
  const byDataset = (a: LineageNode, b: LineageNode) => (a.kind === 'dataset' && b.kind === 'dataset' ? compareCodePoints(a.key, b.key) : 0);
  const sortedNodes = [...nodes.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || byDataset(a, b));
  const order = new Map(sortedNodes.map((node, index) => [node.key, index]));
  const sortedEdges = [...unique.values()]
    .filter((edge) => order.has(edge.from) && order.has(edge.to))
    .sort((a, b) => order.get(a.from)! - order.get(b.from)! || order.get(a.to)! - order.get(b.to)! || ((a.label ?? '') < (b.label ?? '') ? -1 : 1));
  return { nodes: sortedNodes, edges: sortedEdges };
}
