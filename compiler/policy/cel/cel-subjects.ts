/**
 * What custom CEL rules see as `object`: config objects (`team`, `model`, `modelVersion`,
 * `deployment` — one per environment — and `pipeline`) with resolved names and defaults, or emitted
 * Kubernetes objects by kind.
 */
import type { ResolvedTeam, SourceRef } from '../../resolve/resolved-org.ts';
import { mostCriticalEnvironment, placementsPerEnvironment, servedByVersion } from '../rules/ml/served-versions.ts';

/** Config object kinds a custom rule can target. */
export const CONFIG_TARGETS = ['team', 'model', 'modelVersion', 'deployment', 'pipeline'] as const;

/** A config object kind. */
export type ConfigTarget = (typeof CONFIG_TARGETS)[number];

/** True for config kinds and Kubernetes-looking kinds (`Deployment`, `InferenceService`, …). */
export function isKnownTarget(target: string): boolean {
  return (CONFIG_TARGETS as readonly string[]).includes(target) || /^[A-Z][A-Za-z0-9]*$/.test(target);
}

/** One config object a custom rule is evaluated on. */
export interface ConfigSubject {
  readonly target: ConfigTarget;
  /** For messages: `deployment fraud-api`. */
  readonly label: string;
  /** The waiver target. */
  readonly subject: string;
  readonly environment?: string;
  readonly source: SourceRef;
  /** The plain value bound to `object`. */
  readonly value: () => unknown;
}

/** The config objects of a team, for the targets asked for. */
export function configSubjects(team: ResolvedTeam, targets: ReadonlySet<ConfigTarget>): ConfigSubject[] {
  const subjects: ConfigSubject[] = [];
  const file = team.file;
  if (targets.has('team')) {
    subjects.push({
      target: 'team',
      label: `team ${team.name}`,
      subject: 'team',
      source: { file, path: ['metadata', 'name'] },
      value: () => ({
        ...team.config.metadata,
        models: team.models.map((model) => model.name),
        deployments: team.deployments.map((deployment) => deployment.name),
        pipelines: team.pipelines.map((pipeline) => pipeline.name),
      }),
    });
  }
  if (targets.has('model')) {
    for (const model of team.models) {
      subjects.push({ target: 'model', label: `model ${model.name}`, subject: `models/${model.name}`, source: model.source, value: () => ({ ...model.config, name: model.name, riskTier: model.riskTier }) });
    }
  }
  if (targets.has('modelVersion')) {
    const served = servedByVersion(team);
    for (const model of team.models) {
      for (const version of model.versions) {
        const entries = served.get(`${model.name}@${version.version}`) ?? [];
        const environment = mostCriticalEnvironment(entries);
        subjects.push({
          target: 'modelVersion',
          label: `model ${model.name} ${version.version}`,
          subject: `models/${model.name}`,
          ...(environment ? { environment } : {}),
          source: version.source,
          value: () => ({ ...version.config, model: model.name, version: version.version, riskTier: model.riskTier, environments: [...new Set(entries.map((entry) => entry.environment))] }),
        });
      }
    }
  }
  if (targets.has('deployment')) {
    const deployments = new Map(team.deployments.map((deployment) => [deployment.name, deployment]));
    const riskTiers = new Map(team.models.map((model) => [model.name, model.riskTier]));
    for (const placement of placementsPerEnvironment(team)) {
      const deployment = deployments.get(placement.deployment)!;
      const entry = team.config.deployments?.[placement.deployment]?.environments[placement.environment];
      subjects.push({
        target: 'deployment',
        label: `deployment ${placement.deployment} in ${placement.environment}`,
        subject: `deployments/${placement.deployment}`,
        environment: placement.environment,
        source: placement.source,
        value: () => ({
          ...entry,
          name: deployment.name,
          model: deployment.model,
          riskTier: riskTiers.get(deployment.model) ?? 'low',
          backend: placement.backend,
          port: deployment.port,
          ...(deployment.image ? { image: deployment.image } : {}),
          requirements: { metrics: deployment.metricRequirements },
          environment: placement.environment,
          tier: placement.tier,
          version: placement.stable.version,
          replicas: placement.replicas,
          autoscaling: placement.autoscaling,
          resources: placement.resources,
        }),
      });
    }
  }
  if (targets.has('pipeline')) {
    for (const pipeline of team.pipelines) {
      subjects.push({
        target: 'pipeline',
        label: `pipeline ${pipeline.name}`,
        subject: `pipelines/${pipeline.name}`,
        environment: pipeline.environment,
        source: pipeline.source,
        value: () => ({ ...team.config.pipelines?.[pipeline.name], name: pipeline.name, environment: pipeline.environment, timezone: pipeline.timezone }),
      });
    }
  }
  return subjects;
}
