/** Deployment changes per environment: promotions, canary and A/B traffic shifts, scale and resources. */
import type { ResolvedOrg, ResolvedPlacement, ResolvedTeam } from '../../resolve/resolved-org.ts';
import type { RolloutAspect, RolloutChange, ServingState } from './ml-model.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';

interface EnvironmentRollout {
  readonly team: string;
  readonly deployment: string;
  readonly model: string;
  readonly riskTier: 'low' | 'medium' | 'high';
  readonly environment: string;
  readonly tier: ResolvedPlacement['tier'];
  readonly clusters: string[];
  readonly state: ServingState;
}

function servingState(placement: ResolvedPlacement): ServingState {
  return {
    stable: placement.stable.version,
    ...(placement.canary ? { canary: { version: placement.canary.version, traffic: placement.canary.traffic } } : {}),
    ...(placement.abTest
      ? { abTest: { strategy: placement.abTest.strategy, variants: placement.abTest.variants.map((variant) => ({ name: variant.name, model: variant.model, version: variant.version, traffic: variant.traffic })) } }
      : {}),
    replicas: { min: placement.replicas.min, max: placement.replicas.max },
    resources: { cpu: placement.resources.cpu, memory: placement.resources.memory, gpu: placement.resources.gpu },
  };
}

function riskTierOf(team: ResolvedTeam, model: string): 'low' | 'medium' | 'high' {
  return team.models.find((candidate) => candidate.name === model)?.riskTier ?? 'low';
}

/** Placements of an org grouped by team/deployment/environment, keyed `team\0deployment\0environment`. */
function environmentRollouts(org: ResolvedOrg | undefined): Map<string, EnvironmentRollout> {
  const rollouts = new Map<string, EnvironmentRollout>();
  for (const team of org?.teams ?? []) {
    for (const deployment of team.deployments) {
      for (const placement of deployment.placements) {
        const key = `${team.name}\u0000${deployment.name}\u0000${placement.environment}`;
        const existing = rollouts.get(key);
        if (existing) {
          existing.clusters.push(placement.cluster.name);
          continue;
        }
        rollouts.set(key, {
          team: team.name,
          deployment: deployment.name,
          model: deployment.model,
          riskTier: riskTierOf(team, deployment.model),
          environment: placement.environment,
          tier: placement.tier,
          clusters: [placement.cluster.name],
          state: servingState(placement),
        });
      }
    }
  }
  return rollouts;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function aspects(before: EnvironmentRollout, after: EnvironmentRollout): RolloutAspect[] {
  const found: RolloutAspect[] = [];
  if (before.state.stable !== after.state.stable) found.push('version');
  if (!same([before.state.canary, before.state.abTest], [after.state.canary, after.state.abTest])) found.push('traffic');
  if (!same(before.state.replicas, after.state.replicas)) found.push('replicas');
  if (!same(before.state.resources, after.state.resources)) found.push('resources');
  if (!same([...before.clusters].sort(), [...after.clusters].sort())) found.push('clusters');
  return found;
}

/** Deployment changes per environment, in head environment order, then team and deployment. */
export function rolloutChanges(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined): RolloutChange[] {
  const before = environmentRollouts(base);
  const after = environmentRollouts(head);
  const changes: RolloutChange[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const old = before.get(key);
    const current = after.get(key);
    const subject = (current ?? old)!;
    const common = {
      team: subject.team,
      deployment: subject.deployment,
      model: subject.model,
      riskTier: subject.riskTier,
      environment: subject.environment,
      tier: subject.tier,
      clusters: [...new Set([...(old?.clusters ?? []), ...(current?.clusters ?? [])])].sort(),
      clustersBefore: [...(old?.clusters ?? [])].sort(),
      clustersAfter: [...(current?.clusters ?? [])].sort(),
    };
    const promotion = current ? promotedFrom(head, after, current) : {};
    if (!old) changes.push({ ...common, action: 'added', after: current!.state, aspects: [], ...promotion });
    else if (!current) changes.push({ ...common, action: 'removed', before: old.state, aspects: [] });
    else {
      const changed = aspects(old, current);
      if (changed.length > 0) changes.push({ ...common, action: 'changed', before: old.state, after: current.state, aspects: changed, ...(changed.includes('version') ? promotion : {}) });
    }
  }
  const order = (head ?? base)?.platform.environments.map((environment) => environment.name) ?? [];
  const rank = (environment: string) => (order.indexOf(environment) === -1 ? order.length : order.indexOf(environment));
  return changes.sort((a, b) => rank(a.environment) - rank(b.environment) || compareCodePoints(a.team, b.team) || compareCodePoints(a.deployment, b.deployment));
}

/** `{ promotedFrom }` when the head serves the rollout's stable version in its promotion source environment. */
function promotedFrom(head: ResolvedOrg | undefined, rollouts: Map<string, EnvironmentRollout>, rollout: EnvironmentRollout): { promotedFrom?: string } {
  const from = head?.platform.environments.find((environment) => environment.name === rollout.environment)?.promotion?.from;
  if (from === undefined) return {};
  const source = rollouts.get(`${rollout.team}\u0000${rollout.deployment}\u0000${from}`);
  return source?.state.stable === rollout.state.stable ? { promotedFrom: from } : {};
}

