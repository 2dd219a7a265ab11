/**
 * Serving settings that depend on more than one key: replica bounds (ML317), an image for the
 * `deployment` backend, which edge clusters force (ML318), and autoscaling metrics the KServe mode
 * cannot scale on (ML333).
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

/**
 * ML333: KServe Standard mode scales with an HPA on `cpu` or `memory` only — `getHPAMetrics` in KServe
 * v0.20 `pkg/controller/v1beta1/inferenceservice/reconcilers/hpa/hpa_reconciler.go` maps no other
 * metric, so `concurrency` and `rps` would silently scale on CPU.
 */
function autoscalingCheck(file: ParsedFile, name: string, deployment: Deployment, index: PlatformIndex): Diagnostic[] {
  if (index.kserveDeploymentMode !== 'Standard' || (deployment.backend ?? index.defaultBackend) !== 'kserve') return [];
  const diagnostics: Diagnostic[] = [];
  for (const [environment, entry] of Object.entries(deployment.environments)) {
    const metric = entry.autoscaling?.metric;
    if (metric !== 'concurrency' && metric !== 'rps') continue;
    diagnostics.push(
      diagnosticAt(file, ['deployments', name, 'environments', environment, 'autoscaling', 'metric'], 'ML333', `\`${name}\` in \`${environment}\` scales on \`${metric}\`, which KServe's Standard mode (${index.describedAs} \`serving.kserve.deploymentMode\`) does not support: its HPA scales on \`cpu\` or \`memory\` only.`, {
        target: 'value',
        hint: 'Use `metric: cpu` or `metric: memory`, or serve with KServe in Knative mode.',
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
    diagnostics.push(...imageCheck(file, config, name, deployment, index), ...autoscalingCheck(file, name, deployment, index));
  }
  return diagnostics;
}
