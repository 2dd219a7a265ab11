/**
 * The model registry of one team as plain data: every model with its versions, lineage (dataset,
 * `trainedBy`, validator), metrics and where each version is deployed. Shared by the per-namespace
 * registry ConfigMap and the org-wide `registry.json`; serialise it with `stableJson`.
 */
import type { ResolvedModelVersion, ResolvedPlacement, ResolvedTeam } from '../../resolve/resolved-org.ts';

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

function registryVersion(version: ResolvedModelVersion, deployedTo: RegistryDeployment[]): RegistryVersion {
  const config = version.config;
  return {
    artifact: config.artifact,
    ...(config.digest ? { digest: config.digest } : {}),
    ...(config.createdAt ? { createdAt: config.createdAt } : {}),
    ...(config.modelCard ? { modelCard: config.modelCard } : {}),
    ...(config.dataset ? { dataset: { uri: config.dataset.uri, ...(config.dataset.classification ? { classification: config.dataset.classification } : {}) } } : {}),
    ...(config.trainedBy ? { trainedBy: { ...config.trainedBy } } : {}),
    ...(config.validatedBy ? { validatedBy: config.validatedBy } : {}),
    metrics: { ...(config.metrics ?? {}) },
    deployedTo,
  };
}

/** The registry data of a team; `include` narrows `deployedTo` (e.g. to one environment and cluster). */
export function teamRegistry(team: ResolvedTeam, include: PlacementFilter = () => true): TeamRegistry {
  const deployments = new Map<string, RegistryDeployment[]>();
  for (const deployment of team.deployments) {
    for (const placement of deployment.placements.filter(include)) {
      for (const served of servedBy(placement)) {
        const key = `${served.model}@${served.version}`;
        const entry: RegistryDeployment = { deployment: deployment.name, environment: placement.environment, cluster: placement.cluster.name, role: served.role, ...(served.traffic !== undefined ? { traffic: served.traffic } : {}) };
        deployments.set(key, [...(deployments.get(key) ?? []), entry]);
      }
    }
  }
  const models: Record<string, RegistryModel> = {};
  for (const model of team.models) {
    const versions: Record<string, RegistryVersion> = {};
    for (const version of model.versions) versions[version.version] = registryVersion(version, deployments.get(`${model.name}@${version.version}`) ?? []);
    models[model.name] = { framework: model.framework, riskTier: model.riskTier, ...(model.runtime ? { runtime: model.runtime } : {}), versions };
  }
  return { team: team.name, owners: [...team.owners], ...(team.costCenter ? { costCenter: team.costCenter } : {}), models };
}
