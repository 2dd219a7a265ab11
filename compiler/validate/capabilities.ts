/**
 * The capabilities gated by `rollout.phase` (ARCHITECTURE §5): for each, the phase that unlocks it
 * and how to find its uses in a config, each use pinned to the key (or value) that asks for it.
 */
import type { DeploymentEnvironment, Team } from '../config/types.generated.ts';
import type { DataPath, ParsedFile, RangeTarget } from '../load/parsed-file.ts';
import { type PlatformIndex, placementClusters } from './semantic/platform-index.ts';
import type { ValidatedConfig, ValidTeamFile } from './validated-config.ts';

/** A rollout phase, 1–4. */
export type RolloutPhase = 1 | 2 | 3 | 4;

/** The name of each phase. */
export const PHASE_NAMES: Readonly<Record<RolloutPhase, string>> = { 1: 'Foundation & pilot', 2: 'Limited production', 3: 'Enterprise', 4: 'Optimisation' };

/** One place a config uses a capability. */
export interface CapabilityUse {
  readonly file: ParsedFile;
  readonly path: DataPath;
  readonly target: RangeTarget;
  /** Who uses it, e.g. "deployment `fraud-api` in `prod`". */
  readonly what: string;
}

/** A gated capability. */
export interface Capability {
  /** Stable id, e.g. `canary`. */
  readonly id: string;
  /** Human name, e.g. "Canary releases". */
  readonly title: string;
  /** The phase that unlocks it. */
  readonly phase: RolloutPhase;
  /** How it is detected, for docs. */
  readonly detectedBy: string;
  /** Every use of it in a config. */
  readonly find: (config: ValidatedConfig, index: PlatformIndex) => CapabilityUse[];
}

type EnvironmentVisitor = (team: ValidTeamFile, deployment: string, environment: string, entry: DeploymentEnvironment, path: DataPath) => CapabilityUse[];

function inDeploymentEnvironments(visit: EnvironmentVisitor) {
  return (config: ValidatedConfig): CapabilityUse[] =>
    config.teams.flatMap((team) =>
      Object.entries(team.config.deployments ?? {}).flatMap(([deployment, config]) =>
        Object.entries(config.environments).flatMap(([environment, entry]) => visit(team, deployment, environment, entry, ['deployments', deployment, 'environments', environment])),
      ),
    );
}

function inTeams(visit: (team: ValidTeamFile, config: Team) => CapabilityUse[]) {
  return (config: ValidatedConfig): CapabilityUse[] => config.teams.flatMap((team) => visit(team, team.config));
}

function inPipelines(key: 'schedule' | 'retrain' | 'hyperparameterSearch') {
  return inTeams((team, config) =>
    Object.entries(config.pipelines ?? {})
      .filter(([, pipeline]) => pipeline[key] !== undefined)
      .map(([name]) => ({ file: team.file, path: ['pipelines', name, key], target: 'key' as const, what: `pipeline \`${name}\`` })),
  );
}

function inVersions(key: 'trainedBy' | 'dataset') {
  return inTeams((team, config) =>
    Object.entries(config.models ?? {}).flatMap(([model, modelConfig]) =>
      Object.entries(modelConfig.versions)
        .filter(([, version]) => version[key] !== undefined)
        .map(([version]) => ({ file: team.file, path: ['models', model, 'versions', version, key], target: 'key' as const, what: `model \`${model}\` ${version}` })),
    ),
  );
}

function ssoOwners(file: ParsedFile, owners: readonly string[], where: string): CapabilityUse[] {
  return owners.flatMap((owner, position) => (owner.startsWith('sso:') ? [{ file, path: ['metadata', 'owners', position], target: 'value' as const, what: `${where} (owner \`${owner}\`)` }] : []));
}

/** Every gated capability, by phase. */
export const CAPABILITIES: readonly Capability[] = [
  {
    id: 'production-environments',
    title: 'Production environments',
    phase: 2,
    detectedBy: 'a platform environment whose tier is `production` (declared, or guessed from a `prod*` name)',
    find: (_config, index) =>
      index.file ? [...index.environments.values()].filter((environment) => environment.tier === 'production').map((environment) => ({ file: index.file!, path: ['environments', environment.name], target: 'key' as const, what: `environment \`${environment.name}\` (tier production)` })) : [],
  },
  { id: 'scheduled-runs', title: 'Scheduled pipeline runs', phase: 2, detectedBy: '`schedule` on a pipeline', find: inPipelines('schedule') },
  {
    id: 'drift-monitoring',
    title: 'Drift monitoring',
    phase: 2,
    detectedBy: '`drift` under `monitoring.<deployment>`',
    find: inTeams((team, config) =>
      Object.entries(config.monitoring ?? {})
        .filter(([, monitor]) => monitor.drift !== undefined)
        .map(([deployment]) => ({ file: team.file, path: ['monitoring', deployment, 'drift'], target: 'key' as const, what: `monitoring of \`${deployment}\`` })),
    ),
  },
  { id: 'lineage-pipeline', title: 'Lineage', phase: 2, detectedBy: '`trainedBy` on a model version', find: inVersions('trainedBy') },
  { id: 'lineage-dataset', title: 'Lineage', phase: 2, detectedBy: '`dataset` on a model version', find: inVersions('dataset') },
  { id: 'automated-retraining', title: 'Automated retraining', phase: 3, detectedBy: '`retrain` on a pipeline', find: inPipelines('retrain') },
  {
    id: 'canary',
    title: 'Canary releases',
    phase: 3,
    detectedBy: '`canary` in a deployment environment',
    find: inDeploymentEnvironments((team, deployment, environment, entry, path) => (entry.canary ? [{ file: team.file, path: [...path, 'canary'], target: 'key', what: `deployment \`${deployment}\` in \`${environment}\`` }] : [])),
  },
  {
    id: 'ab-testing',
    title: 'A/B testing',
    phase: 3,
    detectedBy: '`abTest` in a deployment environment',
    find: inDeploymentEnvironments((team, deployment, environment, entry, path) => (entry.abTest ? [{ file: team.file, path: [...path, 'abTest'], target: 'key', what: `deployment \`${deployment}\` in \`${environment}\`` }] : [])),
  },
  {
    id: 'multi-model-serving',
    title: 'Multi-model serving',
    phase: 3,
    detectedBy: '`additionalModels` on a deployment',
    find: inTeams((team, config) =>
      Object.entries(config.deployments ?? {})
        .filter(([, deployment]) => deployment.additionalModels !== undefined)
        .map(([name]) => ({ file: team.file, path: ['deployments', name, 'additionalModels'], target: 'key' as const, what: `deployment \`${name}\`` })),
    ),
  },
  {
    id: 'edge-clusters',
    title: 'Edge clusters',
    phase: 3,
    detectedBy: '`edge: true` on a platform cluster',
    find: (_config, index) =>
      index.file
        ? [...index.environments.values()].flatMap((environment) =>
            environment.config.clusters.flatMap((cluster, position) => (cluster.edge ? [{ file: index.file!, path: ['environments', environment.name, 'clusters', position, 'edge'], target: 'key' as const, what: `cluster \`${cluster.name}\`` }] : [])),
          )
        : [],
  },
  {
    id: 'sso-groups',
    title: 'SSO groups',
    phase: 3,
    detectedBy: '`metadata.groups` of a team, or an owner written `sso:<group>`',
    find: (config, index) => [
      ...(index.file ? ssoOwners(index.file, config.platform.config.metadata.owners, 'the platform') : []),
      ...config.teams.flatMap((team) => [
        ...(team.config.metadata.groups !== undefined ? [{ file: team.file, path: ['metadata', 'groups'], target: 'key' as const, what: `team \`${team.config.metadata.name}\`` }] : []),
        ...ssoOwners(team.file, team.config.metadata.owners, `team \`${team.config.metadata.name}\``),
      ]),
    ],
  },
  {
    id: 'multi-region',
    title: 'Multi-region serving',
    phase: 3,
    detectedBy: 'a deployment environment whose clusters (after `regions`) lie in more than one region',
    find: (config, index) =>
      inDeploymentEnvironments((team, deployment, environmentName, entry, path) => {
        const environment = index.environments.get(environmentName);
        if (!environment) return [];
        const regions = [...new Set(placementClusters(environment, entry.regions).map((cluster) => cluster.region))];
        if (regions.length < 2) return [];
        const at = entry.regions ? { path: [...path, 'regions'], target: 'key' as const } : { path, target: 'key' as const };
        return [{ file: team.file, ...at, what: `deployment \`${deployment}\` in \`${environmentName}\` (regions ${regions.map((region) => `\`${region}\``).join(', ')})` }];
      })(config),
  },
  { id: 'hyperparameter-search', title: 'Hyper-parameter search', phase: 4, detectedBy: '`hyperparameterSearch` on a pipeline', find: inPipelines('hyperparameterSearch') },
  {
    id: 'bandit-routing',
    title: 'Bandit routing',
    phase: 4,
    detectedBy: '`strategy: bandit` in an `abTest`',
    find: inDeploymentEnvironments((team, deployment, environment, entry, path) => (entry.abTest?.strategy === 'bandit' ? [{ file: team.file, path: [...path, 'abTest', 'strategy'], target: 'value', what: `deployment \`${deployment}\` in \`${environment}\`` }] : [])),
  },
  {
    id: 'explainability',
    title: 'Explainability',
    phase: 4,
    detectedBy: '`explainer` on a deployment',
    find: inTeams((team, config) =>
      Object.entries(config.deployments ?? {})
        .filter(([, deployment]) => deployment.explainer !== undefined)
        .map(([name]) => ({ file: team.file, path: ['deployments', name, 'explainer'], target: 'key' as const, what: `deployment \`${name}\`` })),
    ),
  },
];
