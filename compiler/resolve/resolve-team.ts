/** Resolves one validated team file against the resolved platform. */
import type { Deployment, DeploymentEnvironment, Pipeline, Team } from '../config/types.generated.ts';
import { resolveResources } from './resolve-platform.ts';
import { resolveStepLimits } from './step-limits.ts';
import type {
  ResolvedDeployment,
  ResolvedModel,
  ResolvedMonitor,
  ResolvedPipeline,
  ResolvedPlacement,
  ResolvedPlatform,
  ResolvedTeam,
} from './resolved-org.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import { EMPTY_RECORD } from '../support/own.ts';

const byName = <T extends { name: string }>(a: T, b: T) => compareCodePoints(a.name, b.name);

/** The namespace of a team in an environment. */
export function teamNamespace(team: string, environment: string): string {
  return `${team}-${environment}`;
}

function resolveModels(team: string, config: Team, file: string): ResolvedModel[] {
  return Object.entries(config.models ?? {})
    .map(([name, model]) => ({
      name,
      team,
      framework: model.framework,
      riskTier: model.riskTier ?? 'low',
      ...(model.runtime ? { runtime: model.runtime } : {}),
      versions: Object.entries(model.versions)
        .map(([version, versionConfig]) => ({ model: name, version, config: versionConfig, source: { file, path: ['models', name, 'versions', version] } }))
        .sort((a, b) => compareCodePoints(a.version, b.version)),
      config: model,
      source: { file, path: ['models', name] },
    }))
    .sort(byName);
}

function resolvePlacements(team: string, name: string, deployment: Deployment, backend: ResolvedDeployment['backend'], platform: ResolvedPlatform, file: string): ResolvedPlacement[] {
  const placements: ResolvedPlacement[] = [];
  for (const environment of platform.environments) {
    const entry: DeploymentEnvironment | undefined = deployment.environments[environment.name];
    if (!entry) continue;
    const regions = entry.regions ? new Set(entry.regions) : undefined;
    for (const cluster of environment.clusters) {
      if (regions && !regions.has(cluster.region)) continue;
      placements.push({
        team,
        deployment: name,
        environment: environment.name,
        tier: environment.tier,
        cluster,
        namespace: teamNamespace(team, environment.name),
        backend: cluster.edge ? 'deployment' : backend,
        stable: { model: deployment.model, version: entry.version },
        ...(entry.canary ? { canary: { model: deployment.model, version: entry.canary.version, traffic: entry.canary.traffic } } : {}),
        ...(entry.abTest
          ? {
              abTest: {
                strategy: entry.abTest.strategy ?? 'fixed',
                variants: entry.abTest.variants.map((variant) => ({ name: variant.name, model: variant.model ?? deployment.model, version: variant.version, traffic: variant.traffic })),
              },
            }
          : {}),
        replicas: { min: entry.replicas?.min ?? 1, max: entry.replicas?.max ?? Math.max(1, entry.replicas?.min ?? 1) },
        autoscaling: { metric: entry.autoscaling?.metric ?? 'cpu', target: entry.autoscaling?.target ?? 70 },
        resources: resolveResources(entry.resources),
        source: { file, path: ['deployments', name, 'environments', environment.name] },
      });
    }
  }
  return placements;
}

function resolveDeployments(team: string, config: Team, models: ResolvedModel[], platform: ResolvedPlatform, file: string): ResolvedDeployment[] {
  return Object.entries(config.deployments ?? {})
    .map(([name, deployment]) => {
      const backend = deployment.backend ?? platform.serving.defaultBackend;
      const framework = models.find((model) => model.name === deployment.model)?.framework;
      const image = deployment.image ?? (framework ? platform.serving.images[framework] : undefined);
      return {
        name,
        team,
        model: deployment.model,
        backend,
        ...(image ? { image } : {}),
        port: deployment.port ?? 8080,
        metricRequirements: deployment.requirements?.metrics ?? EMPTY_RECORD,
        additionalModels: (deployment.additionalModels ?? []).map((extra) => ({ model: extra.model, version: extra.version, ...(extra.memory !== undefined ? { memory: String(extra.memory) } : {}) })),
        ...(deployment.explainer ? { explainer: deployment.explainer } : {}),
        placements: resolvePlacements(team, name, deployment, backend, platform, file),
        source: { file, path: ['deployments', name] },
      };
    })
    .sort(byName);
}

function pipelineEnvironment(pipeline: Pipeline, platform: ResolvedPlatform) {
  const named = pipeline.environment ? platform.environments.find((environment) => environment.name === pipeline.environment) : undefined;
  return named ?? platform.environments.find((environment) => environment.tier !== 'production') ?? platform.environments[0]!;
}

function resolvePipelines(team: string, config: Team, platform: ResolvedPlatform, file: string): ResolvedPipeline[] {
  return Object.entries(config.pipelines ?? {})
    .map(([name, pipeline]) => {
      const environment = pipelineEnvironment(pipeline, platform);
      const search = pipeline.hyperparameterSearch;
      return {
        name,
        team,
        environment: environment.name,
        cluster: environment.clusters[0]!,
        namespace: teamNamespace(team, environment.name),
        ...(pipeline.schedule ? { schedule: pipeline.schedule } : {}),
        timezone: pipeline.timezone ?? 'UTC',
        ...(pipeline.produces ? { produces: pipeline.produces } : {}),
        ...(pipeline.retrain ? { retrain: { on: pipeline.retrain.on, ...(pipeline.retrain.deployment ? { deployment: pipeline.retrain.deployment } : {}) } } : {}),
        ...(search ? { hyperparameterSearch: { algorithm: search.algorithm ?? 'random', maxTrials: search.maxTrials ?? 10, parameters: search.parameters } } : {}),
        steps: pipeline.steps.map((step, index) => ({
          name: step.name,
          image: step.image,
          command: step.command ?? [],
          args: step.args ?? [],
          env: step.env ?? EMPTY_RECORD,
          ...(step.secretRef ? { secretRef: step.secretRef } : {}),
          dependsOn: step.dependsOn ?? [],
          resources: resolveResources(step.resources),
          ...resolveStepLimits(step),
          source: { file, path: ['pipelines', name, 'steps', index] },
        })),
        source: { file, path: ['pipelines', name] },
      };
    })
    .sort(byName);
}

function resolveMonitors(team: string, config: Team, file: string): ResolvedMonitor[] {
  return Object.entries(config.monitoring ?? {})
    .map(([deployment, monitor]) => ({
      deployment,
      team,
      ...(monitor.slo ? { slo: monitor.slo } : {}),
      ...(monitor.drift ? { drift: { ...monitor.drift, schedule: monitor.drift.schedule ?? '0 * * * *' } } : {}),
      source: { file, path: ['monitoring', deployment] },
    }))
    .sort((a, b) => compareCodePoints(a.deployment, b.deployment));
}

/** Resolves a validated team config. */
export function resolveTeam(config: Team, file: string, platform: ResolvedPlatform): ResolvedTeam {
  const name = config.metadata.name;
  const models = resolveModels(name, config, file);
  return {
    name,
    file,
    owners: config.metadata.owners,
    groups: config.metadata.groups ?? [],
    ...(config.metadata.costCenter ? { costCenter: config.metadata.costCenter } : {}),
    models,
    deployments: resolveDeployments(name, config, models, platform, file),
    pipelines: resolvePipelines(name, config, platform, file),
    monitors: resolveMonitors(name, config, file),
    policies: config.policies ?? EMPTY_RECORD,
    rules: config.policies?.rules ?? [],
    config,
  };
}
