/**
 * Figures that need the resolved org of the config repo: platform adoption (teams with config and a
 * production deployment over the teams of the org) and feature usage (capabilities in use by phase). Pure.
 */
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { round } from './calendar.ts';
import { LANDED_EVENTS } from './deploy-attempts.ts';
import type { Trail } from './report-trail.ts';
import type { Measurement } from './report-model.ts';
import { notMeasurable, type ReportWindow } from './report-window.ts';

/** Teams of the org with config whose deployments reached production, in percent of the org's teams. */
export function platformAdoption(org: ResolvedOrg | undefined, { entries, times }: Pick<Trail, 'entries' | 'times'>, window: ReportWindow): Measurement {
  const method = 'teams with config whose deployments reached production (per the trail), over the teams of the org (`rollout.teamsInOrg`, default the teams with config)';
  if (!org) return notMeasurable('%', method, 'needs the config repo (--config <config-repo>)');
  const inProduction = new Set<string>();
  for (let index = 0; index < entries.length && times[index]! <= window.until; index++) {
    const entry = entries[index]!;
    if (!LANDED_EVENTS.has(entry.event)) continue;
    for (const change of entry.changes) if (change.tier === 'production' && change.action !== 'removed') inProduction.add(change.team);
  }
  const withConfig = org.teams.filter((team) => inProduction.has(team.name)).length;
  const teams = Math.max(org.platform.config.rollout?.teamsInOrg ?? 0, org.teams.length);
  if (teams === 0) return notMeasurable('%', method, 'the config repo declares no team');
  return { value: round((100 * withConfig) / teams), unit: '%', method: `${method} (${withConfig} of ${teams})`, events: teams };
}

/** A capability and the phase that unlocks it (ARCHITECTURE §5), with a test on the resolved org. */
const FEATURES: readonly { readonly title: string; readonly phase: number; readonly inUse: (org: ResolvedOrg) => boolean }[] = [
  { title: 'production serving', phase: 2, inUse: (org) => org.teams.some((team) => team.deployments.some((deployment) => deployment.placements.some((placement) => placement.tier === 'production'))) },
  { title: 'scheduled pipeline runs', phase: 2, inUse: (org) => org.teams.some((team) => team.pipelines.some((pipeline) => pipeline.schedule !== undefined)) },
  { title: 'drift detection', phase: 2, inUse: (org) => org.teams.some((team) => team.monitors.some((monitor) => monitor.drift !== undefined)) },
  { title: 'lineage', phase: 2, inUse: (org) => org.teams.some((team) => team.models.some((model) => model.versions.some((version) => version.config.trainedBy !== undefined || version.config.dataset !== undefined))) },
  { title: 'automated retraining', phase: 3, inUse: (org) => org.teams.some((team) => team.pipelines.some((pipeline) => pipeline.retrain !== undefined)) },
  { title: 'canary releases', phase: 3, inUse: (org) => org.teams.some((team) => team.deployments.some((deployment) => deployment.placements.some((placement) => placement.canary !== undefined))) },
  { title: 'A/B tests', phase: 3, inUse: (org) => org.teams.some((team) => team.deployments.some((deployment) => deployment.placements.some((placement) => placement.abTest?.strategy === 'fixed'))) },
  { title: 'multi-model serving', phase: 3, inUse: (org) => org.teams.some((team) => team.deployments.some((deployment) => deployment.additionalModels.length > 0)) },
  { title: 'edge clusters', phase: 3, inUse: (org) => org.platform.environments.some((environment) => environment.clusters.some((cluster) => cluster.edge)) },
  { title: 'multi-region', phase: 3, inUse: (org) => org.platform.environments.some((environment) => new Set(environment.clusters.map((cluster) => cluster.region)).size > 1) },
  { title: 'hyper-parameter search', phase: 4, inUse: (org) => org.teams.some((team) => team.pipelines.some((pipeline) => pipeline.hyperparameterSearch !== undefined)) },
  { title: 'bandit routing', phase: 4, inUse: (org) => org.teams.some((team) => team.deployments.some((deployment) => deployment.placements.some((placement) => placement.abTest?.strategy === 'bandit'))) },
  { title: 'explainability', phase: 4, inUse: (org) => org.teams.some((team) => team.deployments.some((deployment) => deployment.explainer !== undefined)) },
];

/** How many of the phase-gated capabilities the config uses, listed by phase. */
export function featureUsage(org: ResolvedOrg | undefined): Measurement {
  const method = 'phase-gated capabilities the config uses';
  if (!org) return notMeasurable('', method, 'needs the config repo (--config <config-repo>)');
  const used = FEATURES.filter((feature) => feature.inUse(org));
  const byPhase = [2, 3, 4].map((phase) => `phase ${phase}: ${used.filter((feature) => feature.phase === phase).map((feature) => feature.title).join(', ') || 'none'}`);
  return { value: used.length, unit: '', method: `${method} (of ${FEATURES.length}) — ${byPhase.join('; ')}`, events: FEATURES.length };
}
