/** ml/high-risk-canary: high-risk models reach production through a small canary. */
import type { ResolvedOrg, ResolvedTeam } from '../../../resolve/resolved-org.ts';
import type { ConfigRule, RuleFinding } from '../../rule.ts';
import { placementsPerEnvironment } from './served-versions.ts';

/** The platform's canary ceiling, the default when unset. */
export const DEFAULT_MAX_CANARY_TRAFFIC = 20;

/** The canary ceiling for a team: the org's, or the team's own when it is lower. */
export function maxCanaryTraffic(org: ResolvedOrg, team: ResolvedTeam): number {
  const orgMax = org.platform.policies.maxCanaryTraffic ?? DEFAULT_MAX_CANARY_TRAFFIC;
  const teamMax = team.policies.maxCanaryTraffic;
  return teamMax !== undefined ? Math.min(orgMax, teamMax) : orgMax;
}

/** The rule. */
export const highRiskCanary: ConfigRule = {
  id: 'ml/high-risk-canary',
  scope: 'config',
  title: 'High-risk models roll out by canary',
  description: 'For a `riskTier: high` model in production, a canary may take at most `policies.maxCanaryTraffic` percent of traffic (default 20; a team may set a lower ceiling). When the base of a change is known, a new stable version must have been the canary before — it cannot go straight to 100 %.',
  fix: 'Lower `canary.traffic`, or first ship the new version as `canary` and promote it to `version` in a later change.',
  defaultMode: 'enforce',
  check({ org, base }) {
    const findings: RuleFinding[] = [];
    for (const team of org.teams) {
      const highRisk = new Set(team.models.filter((model) => model.riskTier === 'high').map((model) => model.name));
      const limit = maxCanaryTraffic(org, team);
      const baseTeam = base?.teams.find((candidate) => candidate.name === team.name);
      for (const placement of placementsPerEnvironment(team)) {
        if (placement.tier !== 'production' || !highRisk.has(placement.stable.model)) continue;
        const path = ['deployments', placement.deployment, 'environments', placement.environment];
        const common = { team: team.name, subject: `deployments/${placement.deployment}`, environment: placement.environment };
        if (placement.canary && placement.canary.traffic > limit) {
          findings.push({ ...common, message: `High-risk model ${placement.stable.model} sends ${placement.canary.traffic} % of ${placement.environment} traffic to its canary; at most ${limit} % is allowed.`, source: { file: team.file, path: [...path, 'canary', 'traffic'] } });
        }
        if (!base) continue;
        const before = baseTeam?.deployments.find((deployment) => deployment.name === placement.deployment)?.placements.find((candidate) => candidate.environment === placement.environment);
        const wasServed = before && (before.stable.version === placement.stable.version || before.canary?.version === placement.stable.version);
        if (!wasServed) {
          findings.push({ ...common, message: `High-risk model ${placement.stable.model} ${placement.stable.version} becomes the stable version in ${placement.environment} without having been its canary.`, source: { file: team.file, path: [...path, 'version'] } });
        }
      }
    }
    return findings;
  },
};
