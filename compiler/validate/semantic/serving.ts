/**
 * Serving settings that depend on more than one key: replica bounds (ML317), an image for the
 * `deployment` backend, which edge clusters force (ML318), autoscaling metrics the KServe mode
 * cannot scale on (ML333), and autoscaling declared where the replica count is fixed (ML350).
 */
import type { Deployment, Team } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { DataPath, ParsedFile } from '../../load/parsed-file.ts';
import type { ValidTeamFile } from '../validated-config.ts';
import { type PlatformIndex, placementClusters } from './platform-index.ts';

/** Why the deployment runs on the `deployment` backend: where to pin that, and how to say it. */
export interface PlainBackendUse {
  readonly path: DataPath;
  readonly target: 'key' | 'value';
  readonly reason: string;
}

/** Where and why a deployment runs on the `deployment` backend somewhere (its own choice, the platform's default, or an edge cluster); undefined when KServe serves it everywhere. */
export function plainBackendUse(name: string, deployment: Deployment, index: PlatformIndex): PlainBackendUse | undefined {
  const backend = deployment.backend ?? index.defaultBackend;
  if (backend === 'deployment') {
    return deployment.backend ? { path: ['deployments', name, 'backend'], target: 'value', reason: 'uses the `deployment` backend' } : { path: ['deployments', name], target: 'key', reason: 'uses the platform\'s default `deployment` backend' };
  }
  for (const [environmentName, entry] of Object.entries(deployment.environments)) {
    const environment = index.environments.get(environmentName);
    if (!environment) continue;
    const edge = placementClusters(environment, entry.regions).find((cluster) => cluster.edge);
    if (edge) return { path: ['deployments', name, 'environments', environmentName], target: 'key', reason: `runs on edge cluster \`${edge.name}\` in \`${environmentName}\`, which serves with the \`deployment\` backend` };
  }
  return undefined;
}

function imageCheck(file: ParsedFile, team: Team, name: string, deployment: Deployment, index: PlatformIndex): Diagnostic[] {
  if (deployment.image !== undefined) return [];
  const use = plainBackendUse(name, deployment, index);
  if (!use) return [];
  const framework = team.models?.[deployment.model]?.framework;
  if (framework === undefined || index.servingImages[framework] !== undefined) return [];
  return [
    diagnosticAt(file, use.path, 'ML318', `Deployment \`${name}\` ${use.reason}, but has no \`image\` and ${index.describedAs} has no \`serving.images.${framework}\`.`, {
      target: use.target,
      hint: `Set \`image\` on the deployment, or \`serving.images.${framework}\` in platform.yaml.`,
    }),
  ];
}

/** The replica bounds an environment entry resolves to (resolve-team.ts): min 1, max at least min. */
function replicaBounds(entry: Deployment['environments'][string]): { min: number; max: number } {
  const min = entry.replicas?.min ?? 1;
  return { min, max: entry.replicas?.max ?? Math.max(1, min) };
}

/**
 * ML333: KServe Standard mode scales on `rps`/`concurrency` only through KEDA (`autoscalerClass: keda`,
 * kserve-autoscaling.ts): its HPA maps `cpu`/`memory` only (`getHPAMetrics` in KServe v0.20
 * `reconcilers/hpa/hpa_reconciler.go`), so with prometheus-adapter the metric would be ignored. With a
 * canary it cannot work either: KServe builds the canary's autoscaler from the same class with fixed
 * replicas and no metrics (`reconcileCanaryDeployments` in `components/predictor.go`), a ScaledObject
 * without triggers, which KEDA refuses (`ValidateTriggers`, KEDA v2.20 `apis/keda/v1alpha1/scaletriggers_types.go`).
 * Fixed replicas (min = max) need no metric at all.
 */
function autoscalingCheck(file: ParsedFile, name: string, deployment: Deployment, index: PlatformIndex): Diagnostic[] {
  if (index.kserveDeploymentMode !== 'Standard' || (deployment.backend ?? index.defaultBackend) !== 'kserve') return [];
  const diagnostics: Diagnostic[] = [];
  for (const [environment, entry] of Object.entries(deployment.environments)) {
    const metric = entry.autoscaling?.metric;
    if (metric !== 'concurrency' && metric !== 'rps') continue;
    const { min, max } = replicaBounds(entry);
    if (Math.max(1, min) >= max) continue;
    const why =
      index.customMetrics === 'prometheus-adapter'
        ? `${index.describedAs} serves custom metrics through prometheus-adapter (\`autoscaling.customMetrics\`), and KServe's Standard-mode HPA scales on \`cpu\` or \`memory\` only`
        : entry.canary
          ? 'KServe\'s Standard mode scales on it only through KEDA, which cannot scale the canary (KServe gives it a KEDA ScaledObject without triggers)'
          : undefined;
    if (why === undefined) continue;
    diagnostics.push(
      diagnosticAt(file, ['deployments', name, 'environments', environment, 'autoscaling', 'metric'], 'ML333', `\`${name}\` in \`${environment}\` scales on \`${metric}\`, which KServe's Standard mode (${index.describedAs} \`serving.kserve.deploymentMode\`) cannot do here: ${why}.`, {
        target: 'value',
        hint: index.customMetrics === 'prometheus-adapter' ? 'Use `metric: cpu` or `metric: memory`, set `autoscaling.customMetrics: keda` in platform.yaml, or serve with KServe in Knative mode.' : 'Use `metric: cpu` or `metric: memory` while the canary runs, or serve with KServe in Knative mode.',
      }),
    );
  }
  return diagnostics;
}

/** ML350: `autoscaling` declared where `replicas.min` equals `replicas.max`: the count is fixed and no autoscaler is emitted. */
function fixedReplicasCheck(file: ParsedFile, name: string, deployment: Deployment): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const [environment, entry] of Object.entries(deployment.environments)) {
    if (!entry.autoscaling) continue;
    const { min, max } = replicaBounds(entry);
    if (Math.max(1, min) < max) continue;
    const count = Math.max(1, min);
    diagnostics.push(
      diagnosticAt(file, ['deployments', name, 'environments', environment, 'autoscaling'], 'ML350', `\`${name}\` in \`${environment}\` declares \`autoscaling\`, but runs a fixed ${count} replica${count === 1 ? '' : 's'} (\`replicas.max\` ${entry.replicas?.max === undefined ? 'defaults to `replicas.min`' : 'equals `replicas.min`'}): no autoscaler is emitted.`, {
        target: 'key',
        hint: 'Set `replicas.max` above `replicas.min` to autoscale, or remove `autoscaling`.',
      }),
    );
  }
  return diagnostics;
}

/** Serving checks of one team file. */
export function servingDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [name, deployment] of Object.entries(config.deployments ?? {})) {
    for (const [environment, entry] of Object.entries(deployment.environments)) {
      const min = entry.replicas?.min;
      const max = entry.replicas?.max;
      if (min !== undefined && max !== undefined && min > max) {
        diagnostics.push(diagnosticAt(file, ['deployments', name, 'environments', environment, 'replicas', 'min'], 'ML317', `\`replicas.min\` (${min}) of \`${name}\` in \`${environment}\` is greater than \`replicas.max\` (${max}).`, { hint: 'Make `min` ≤ `max`.' }));
      }
    }
    diagnostics.push(...imageCheck(file, config, name, deployment, index), ...autoscalingCheck(file, name, deployment, index), ...fixedReplicasCheck(file, name, deployment));
  }
  return diagnostics;
}
