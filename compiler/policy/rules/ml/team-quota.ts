/**
 * ml/team-quota: a team's serving requests fit its quota in every environment namespace.
 * Counted per cluster (a namespace's quota is per cluster) as minimum replicas × per-replica
 * requests, once for the stable predictor, once more for a canary, once per A/B variant: that is
 * what must be schedulable at rest. Autoscaling above the minimum and pipeline pods are bounded by
 * the emitted ResourceQuota at run time, not by this check.
 */
import type { Quota } from '../../../config/types.generated.ts';
import type { ResolvedOrg, ResolvedPlacement } from '../../../resolve/resolved-org.ts';
import { formatQuantity, parseQuantity } from '../../quantity.ts';
import type { ConfigRule, RuleFinding } from '../../rule.ts';

type QuotaResource = 'cpu' | 'memory' | 'gpu' | 'pods';

/** The quota of a team, when the platform sets one. */
export function teamQuota(org: ResolvedOrg, team: string): Quota | undefined {
  return org.platform.quotas.teams[team] ?? org.platform.quotas.perTeam;
}

/** What one placement needs at its minimum scale. */
export function placementRequests(placement: ResolvedPlacement): Record<QuotaResource, number> {
  const predictors = placement.abTest ? placement.abTest.variants.length : placement.canary ? 2 : 1;
  const pods = placement.replicas.min * predictors;
  return {
    cpu: (parseQuantity(placement.resources.cpu) ?? 0) * pods,
    memory: (parseQuantity(placement.resources.memory) ?? 0) * pods,
    gpu: placement.resources.gpu * pods,
    pods,
  };
}

/** The rule. */
export const teamQuotaRule: ConfigRule = {
  id: 'ml/team-quota',
  scope: 'config',
  title: 'Requests fit the team quota',
  description:
    'The sum over a team\'s deployments on one cluster of minimum replicas × per-replica requests (doubled for a canary, once per A/B variant) must fit `quotas.perTeam` (or `quotas.teams.<team>`) for CPU, memory, GPUs and pods; otherwise the emitted ResourceQuota rejects pods at deploy time.',
  fix: 'Lower `replicas.min` or `resources`, or ask the platform team to raise the quota.',
  defaultMode: 'enforce',
  check({ org }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      const quota = teamQuota(org, team.name);
      if (!quota) continue;
      const limits: [QuotaResource, number | undefined][] = [
        ['cpu', quota.cpu !== undefined ? parseQuantity(quota.cpu) : undefined],
        ['memory', quota.memory !== undefined ? parseQuantity(quota.memory) : undefined],
        ['gpu', quota.gpu],
        ['pods', quota.pods],
      ];
      const totals = new Map<string, Record<QuotaResource, number>>();
      const reported = new Set<string>();
      for (const deployment of team.deployments) {
        for (const placement of deployment.placements) {
          const total = totals.get(placement.cluster.name) ?? { cpu: 0, memory: 0, gpu: 0, pods: 0 };
          const needs = placementRequests(placement);
          for (const resource of ['cpu', 'memory', 'gpu', 'pods'] as const) total[resource] += needs[resource];
          totals.set(placement.cluster.name, total);
          for (const [resource, limit] of limits) {
            const key = `${placement.cluster.name}\u0000${resource}`;
            if (limit === undefined || total[resource] <= limit + 1e-9 || reported.has(key)) continue;
            reported.add(key);
            findings.push({
              message: `Team ${team.name} needs ${formatQuantity(total[resource], resource)} ${resource} in ${placement.environment} at minimum scale (through ${placement.deployment}); its quota is ${formatQuantity(limit, resource)}.`,
              team: team.name,
              subject: 'team',
              environment: placement.environment,
              source: placement.source,
            });
          }
        }
      }
    }
    return findings;
  },
};
