/**
 * ML349: a team's serving demand at maximum scale on one cluster — for every pod set of every
 * placement there (placement-pods.ts), maximum replicas × per-replica requests — against the team's
 * quota for CPU, memory and GPUs. The ResourceQuota is per namespace and so per cluster; above it the
 * API server refuses new pods and the autoscaler stops short of `replicas.max`. A warning: the
 * minimum-scale fit is the `ml/team-quota` policy's. Pinned to the autoscaling entry of the placement
 * that asks for the most, once per team, environment and resource, naming the clusters affected.
 */
import type { Quota } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { quantityAmount } from '../semantic/value-formats.ts';
import type { ResolvedOrg, ResolvedPlacement, ResolvedTeam } from '../../resolve/resolved-org.ts';
import { placementPods } from './placement-pods.ts';
import { resolvedDiagnostic } from './resolved-diagnostic.ts';

type ScaledResource = 'cpu' | 'memory' | 'gpu';
const RESOURCES: readonly ScaledResource[] = ['cpu', 'memory', 'gpu'];

/** An amount for messages: cores and GPUs as numbers, memory in the largest binary unit (`12Gi`). */
function formatAmount(value: number, resource: ScaledResource): string {
  if (resource !== 'memory') return String(Math.round(value * 1000) / 1000);
  for (const [suffix, factor] of [['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (value >= factor) return `${Math.round((value / factor) * 100) / 100}${suffix}`;
  }
  return String(value);
}

/** What one placement requests at maximum scale. */
export function maxScaleDemand(placement: ResolvedPlacement, org: ResolvedOrg): Record<ScaledResource, number> {
  const replicas = placementPods(placement, org.platform).reduce((sum, pods) => sum + pods.maxReplicas, 0);
  return {
    cpu: (quantityAmount(placement.resources.cpu) ?? 0) * replicas,
    memory: (quantityAmount(placement.resources.memory) ?? 0) * replicas,
    gpu: placement.resources.gpu * replicas,
  };
}

function quotaLimit(quota: Quota, resource: ScaledResource): number | undefined {
  if (resource === 'gpu') return quota.gpu;
  const value = quota[resource];
  return value === undefined ? undefined : quantityAmount(value);
}

/** One cluster's total and the placement contributing most, per resource. */
interface ClusterDemand {
  readonly cluster: string;
  readonly environment: string;
  readonly total: Record<ScaledResource, number>;
  readonly largest: Partial<Record<ScaledResource, { placement: ResolvedPlacement; amount: number }>>;
}

function clusterDemands(team: ResolvedTeam, org: ResolvedOrg): ClusterDemand[] {
  const byCluster = new Map<string, ClusterDemand>();
  for (const deployment of team.deployments) {
    for (const placement of deployment.placements) {
      const key = `${placement.environment}\u0000${placement.cluster.name}`;
      const demand = byCluster.get(key) ?? { cluster: placement.cluster.name, environment: placement.environment, total: { cpu: 0, memory: 0, gpu: 0 }, largest: {} };
      const needs = maxScaleDemand(placement, org);
      for (const resource of RESOURCES) {
        demand.total[resource] += needs[resource];
        const largest = demand.largest[resource];
        if (needs[resource] > 0 && (!largest || needs[resource] > largest.amount)) demand.largest[resource] = { placement, amount: needs[resource] };
      }
      byCluster.set(key, demand);
    }
  }
  return [...byCluster.values()];
}

/** ML349 for every team, environment and resource whose maximum-scale demand exceeds the quota on some cluster. */
export function maxScaleQuotaDiagnostics(org: ResolvedOrg): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const team of org.teams) {
    const quota = org.platform.quotas.teams[team.name] ?? org.platform.quotas.perTeam;
    if (!quota) continue;
    const over = new Map<string, { demand: ClusterDemand; resource: ScaledResource; limit: number; clusters: string[] }>();
    for (const demand of clusterDemands(team, org)) {
      for (const resource of RESOURCES) {
        const limit = quotaLimit(quota, resource);
        const largest = demand.largest[resource];
        if (limit === undefined || !largest || demand.total[resource] <= limit + 1e-9) continue;
        const key = `${demand.environment}\u0000${resource}\u0000${demand.total[resource]}\u0000${largest.placement.deployment}`;
        const entry = over.get(key) ?? { demand, resource, limit, clusters: [] };
        entry.clusters.push(demand.cluster);
        over.set(key, entry);
      }
    }
    for (const { demand, resource, limit, clusters } of over.values()) {
      const largest = demand.largest[resource]!;
      const where = clusters.length === 1 ? `cluster \`${clusters[0]}\`` : `each of clusters ${clusters.map((name) => `\`${name}\``).join(', ')}`;
      const unit = resource === 'cpu' ? ' CPU' : resource === 'gpu' ? ' GPUs' : ' memory';
      const message = `At maximum scale, team \`${team.name}\` requests ${formatAmount(demand.total[resource], resource)}${unit} in \`${demand.environment}\` on ${where}, ${formatAmount(largest.amount, resource)} of it for \`${largest.placement.deployment}\`; its quota is ${formatAmount(limit, resource)}, so pods above it are refused and autoscaling stops short of \`replicas.max\`.`;
      diagnostics.push(resolvedDiagnostic(org, largest.placement.source, ['autoscaling'], 'ML349', message, 'Lower `replicas.max` or `resources`, or ask the platform team to raise the quota.'));
    }
  }
  return diagnostics;
}
