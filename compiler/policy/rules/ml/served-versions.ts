/** Which model versions each deployment serves in each environment (one entry per environment, not per cluster). */
import type { DataPath } from '../../../load/parsed-file.ts';
import type { EnvironmentTier, ResolvedModel, ResolvedModelVersion, ResolvedOrg, ResolvedPlacement, ResolvedTeam } from '../../../resolve/resolved-org.ts';
import type { RuleFinding } from '../../rule.ts';

/** One version served by a deployment in an environment. */
export interface ServedVersionEntry {
  readonly deployment: string;
  readonly environment: string;
  readonly tier: EnvironmentTier;
  readonly model: string;
  readonly version: string;
  readonly role: 'stable' | 'canary' | 'variant';
  readonly traffic: number;
  /** Data path of the `version` value in the team file. */
  readonly path: DataPath;
}

const placementCache = new WeakMap<ResolvedTeam, ResolvedPlacement[]>();
const servedCache = new WeakMap<ResolvedTeam, ServedVersionEntry[]>();

/** The first placement of each environment of each deployment of a team (memoised per team). */
export function placementsPerEnvironment(team: ResolvedTeam): readonly ResolvedPlacement[] {
  const cached = placementCache.get(team);
  if (cached) return cached;
  const seen = new Set<string>();
  const placements: ResolvedPlacement[] = [];
  for (const deployment of team.deployments) {
    for (const placement of deployment.placements) {
      const key = `${placement.deployment}\u0000${placement.environment}`;
      if (seen.has(key)) continue;
      seen.add(key);
      placements.push(placement);
    }
  }
  placementCache.set(team, placements);
  return placements;
}

/** Every version a team serves, per deployment and environment (memoised per team). */
export function servedVersions(team: ResolvedTeam): readonly ServedVersionEntry[] {
  const cached = servedCache.get(team);
  if (cached) return cached;
  const entries: ServedVersionEntry[] = [];
  for (const placement of placementsPerEnvironment(team)) {
    const { deployment, environment, tier } = placement;
    const entry = (model: string, version: string, role: ServedVersionEntry['role'], traffic: number, ...tail: (string | number)[]): ServedVersionEntry => ({
      deployment,
      environment,
      tier,
      model,
      version,
      role,
      traffic,
      path: ['deployments', deployment, 'environments', environment, ...tail],
    });
    const canaryTraffic = placement.canary?.traffic ?? 0;
    if (!placement.abTest) entries.push(entry(placement.stable.model, placement.stable.version, 'stable', 100 - canaryTraffic, 'version'));
    if (placement.canary) entries.push(entry(placement.canary.model, placement.canary.version, 'canary', canaryTraffic, 'canary', 'version'));
    placement.abTest?.variants.forEach((variant, index) => {
      entries.push(entry(variant.model, variant.version, 'variant', variant.traffic, 'abTest', 'variants', index, 'version'));
    });
  }
  servedCache.set(team, entries);
  return entries;
}

const byVersionCache = new WeakMap<ResolvedTeam, ReadonlyMap<string, readonly ServedVersionEntry[]>>();

/** `model@version` → where it is served (memoised per team; do not modify). */
export function servedByVersion(team: ResolvedTeam): ReadonlyMap<string, readonly ServedVersionEntry[]> {
  const cached = byVersionCache.get(team);
  if (cached) return cached;
  const byVersion = new Map<string, ServedVersionEntry[]>();
  for (const entry of servedVersions(team)) {
    const key = `${entry.model}@${entry.version}`;
    const list = byVersion.get(key);
    if (list) list.push(entry);
    else byVersion.set(key, [entry]);
  }
  byVersionCache.set(team, byVersion);
  return byVersion;
}

const TIER_RANK: Readonly<Record<EnvironmentTier, number>> = { development: 0, staging: 1, production: 2 };

/** The most production-like environment among entries (selects the mode of findings about a version). */
export function mostCriticalEnvironment(entries: readonly ServedVersionEntry[] | undefined): string | undefined {
  let best: ServedVersionEntry | undefined;
  for (const entry of entries ?? []) if (!best || TIER_RANK[entry.tier] > TIER_RANK[best.tier]) best = entry;
  return best?.environment;
}

/** The tier of an environment by name. */
export function tierOf(org: ResolvedOrg, environment: string): EnvironmentTier | undefined {
  return org.platform.environments.find((candidate) => candidate.name === environment)?.tier;
}

/** A model version with its team, its model and where it is served. */
export interface VersionInContext {
  readonly team: ResolvedTeam;
  readonly model: ResolvedModel;
  readonly version: ResolvedModelVersion;
  /** One entry per deployment × environment serving it; empty when nothing serves it. */
  readonly served: readonly ServedVersionEntry[];
}

const versionsCache = new WeakMap<ResolvedOrg, readonly VersionInContext[]>();

/** Every model version of every team, with where it is served (the walk the version rules share; memoised per org). */
export function modelVersions(org: ResolvedOrg): readonly VersionInContext[] {
  const cached = versionsCache.get(org);
  if (cached) return cached;
  const versions: VersionInContext[] = [];
  for (const team of org.teams) {
    const served = servedByVersion(team);
    for (const model of team.models) {
      for (const version of model.versions) versions.push({ team, model, version, served: served.get(`${model.name}@${version.version}`) ?? [] });
    }
  }
  versionsCache.set(org, versions);
  return versions;
}

/**
 * A finding about a version, in the mode of the most production-like environment serving it, at
 * `path` of the team file (default: the version's own key).
 */
export function versionFinding({ team, model, version, served }: VersionInContext, message: string, path: DataPath = version.source.path): RuleFinding {
  const environment = mostCriticalEnvironment(served);
  return { message, team: team.name, subject: `models/${model.name}`, ...(environment ? { environment } : {}), source: { file: team.file, path } };
}
