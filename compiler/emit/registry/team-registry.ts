/**
 * The model registry of one team as plain data: every model with its versions, lineage (dataset,
 * `trainedBy`, validator), metrics and where each version is deployed. Shared by the per-namespace
 * registry ConfigMap and the org-wide `registry.json`; serialise it with `stableJson`.
 */
import type { ResolvedModelVersion, ResolvedPlacement, ResolvedTeam } from '../../resolve/resolved-org.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';
import { emptyRecord } from '../../support/own.ts';

/** Where a version serves traffic. */
export interface RegistryDeployment {
  readonly deployment: string;
  readonly environment: string;
  readonly cluster: string;
  /** `stable`, `canary`, or `variant:<name>` for an A/B variant. */
  readonly role: string;
  /** Percent of traffic, when split. */
  readonly traffic?: number;
}

/** A registered model version. */
export interface RegistryVersion {
  readonly artifact: string;
  readonly digest?: string;
  readonly createdAt?: string;
  readonly modelCard?: string;
  readonly dataset?: { readonly uri: string; readonly classification?: string };
  readonly trainedBy?: { readonly pipeline: string; readonly run?: string; readonly by?: string };
  readonly validatedBy?: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly deployedTo: readonly RegistryDeployment[];
}

/** A registered model. */
export interface RegistryModel {
  readonly framework: string;
  readonly riskTier: string;
  readonly runtime?: string;
  readonly versions: Readonly<Record<string, RegistryVersion>>;
}

/** A team's registry. */
export interface TeamRegistry {
  readonly team: string;
  readonly owners: readonly string[];
  readonly costCenter?: string;
  readonly models: Readonly<Record<string, RegistryModel>>;
}

/** Which placements to list under `deployedTo`. @default every placement */
export type PlacementFilter = (placement: ResolvedPlacement) => boolean;

function servedBy(placement: ResolvedPlacement): { model: string; version: string; role: string; traffic?: number }[] {
  const canaryTraffic = placement.canary?.traffic;
  const variants = placement.abTest?.variants ?? [];
  // Under an A/B test the stable version serves as one of the variants: list it once, with its share.
  const stableIsVariant = variants.some((variant) => variant.model === placement.stable.model && variant.version === placement.stable.version);
  const served: { model: string; version: string; role: string; traffic?: number }[] = stableIsVariant
    ? []
    : [{ ...placement.stable, role: 'stable', ...(canaryTraffic !== undefined ? { traffic: 100 - canaryTraffic } : {}) }];
  if (placement.canary) served.push({ model: placement.canary.model, version: placement.canary.version, role: 'canary', traffic: placement.canary.traffic });
  for (const variant of variants) served.push({ model: variant.model, version: variant.version, role: `variant:${variant.name}`, traffic: variant.traffic });
  return served;
}

/** A copy of a string-keyed record with its keys in sorted order. */
function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const sorted = emptyRecord<T>();
  for (const key of Object.keys(record).sort()) if (record[key] !== undefined) sorted[key] = record[key]!;
  return sorted;
}

/** Parts of a version that do not depend on where it is deployed, built once per version (the registry is emitted per namespace). */
interface VersionParts {
  readonly metrics: Readonly<Record<string, number>>;
  readonly trainedBy?: RegistryVersion['trainedBy'];
  readonly dataset?: RegistryVersion['dataset'];
}

const versionParts = new WeakMap<ResolvedModelVersion, VersionParts>();

function partsOf(version: ResolvedModelVersion): VersionParts {
  let parts = versionParts.get(version);
  if (!parts) {
    const { dataset, trainedBy, metrics } = version.config;
    parts = {
      metrics: sortedRecord(metrics ?? {}),
      ...(trainedBy ? { trainedBy: sortedRecord(trainedBy) as RegistryVersion['trainedBy'] } : {}),
      ...(dataset ? { dataset: dataset.classification ? { classification: dataset.classification, uri: dataset.uri } : { uri: dataset.uri } } : {}),
    };
    versionParts.set(version, parts);
  }
  return parts;
}

// Registry data is built with its keys already in code-point order, so `stableJson` finds nothing to sort or copy.

function registryVersion(version: ResolvedModelVersion, deployedTo: RegistryDeployment[]): RegistryVersion {
  const config = version.config;
  const parts = partsOf(version);
  const entry: Record<string, unknown> = { artifact: config.artifact };
  if (config.createdAt) entry.createdAt = config.createdAt;
  if (parts.dataset) entry.dataset = parts.dataset;
  entry.deployedTo = deployedTo;
  if (config.digest) entry.digest = config.digest;
  entry.metrics = parts.metrics;
  if (config.modelCard) entry.modelCard = config.modelCard;
  if (parts.trainedBy) entry.trainedBy = parts.trainedBy;
  if (config.validatedBy) entry.validatedBy = config.validatedBy;
  return entry as unknown as RegistryVersion;
}

/** `items` sorted by name, in the compiler's one string order. */
export function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareCodePoints(a.name, b.name));
}

/** Where each version of a team is deployed (`model@version` → entries), narrowed by `include`. */
export function deploymentsByVersion(team: ResolvedTeam, include: PlacementFilter = () => true): Map<string, RegistryDeployment[]> {
  const deployments = new Map<string, RegistryDeployment[]>();
  for (const deployment of team.deployments) {
    for (const placement of deployment.placements) {
      if (!include(placement)) continue;
      for (const served of servedBy(placement)) {
        const key = `${served.model}@${served.version}`;
        const entry: RegistryDeployment = { cluster: placement.cluster.name, deployment: deployment.name, environment: placement.environment, role: served.role, ...(served.traffic !== undefined ? { traffic: served.traffic } : {}) };
        const list = deployments.get(key);
        if (list) list.push(entry);
        else deployments.set(key, [entry]);
      }
    }
  }
  return deployments;
}

/** The registry data of a team; `include` narrows `deployedTo` (e.g. to one environment and cluster). */
export function teamRegistry(team: ResolvedTeam, include: PlacementFilter = () => true): TeamRegistry {
  const deployments = deploymentsByVersion(team, include);
  const models = emptyRecord<RegistryModel>();
  for (const model of byName(team.models)) {
    const versions = emptyRecord<RegistryVersion>();
    for (const version of [...model.versions].sort((a, b) => compareCodePoints(a.version, b.version))) {
      versions[version.version] = registryVersion(version, deployments.get(`${model.name}@${version.version}`) ?? []);
    }
    models[model.name] = { framework: model.framework, riskTier: model.riskTier, ...(model.runtime ? { runtime: model.runtime } : {}), versions };
  }
  return { ...(team.costCenter ? { costCenter: team.costCenter } : {}), models, owners: [...team.owners], team: team.name };
}

/** A team's registry as its ConfigMap in one namespace holds it: the registry plus where that namespace is, keys in order. */
export function namespaceRegistryData(registry: TeamRegistry, where: { readonly cluster: unknown; readonly environment: unknown }): Record<string, unknown> {
  return { cluster: where.cluster, ...(registry.costCenter ? { costCenter: registry.costCenter } : {}), environment: where.environment, models: registry.models, owners: registry.owners, team: registry.team };
}
