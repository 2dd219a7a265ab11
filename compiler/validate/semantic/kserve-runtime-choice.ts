/**
 * ML352: a model KServe serves must have a runtime KServe can find. KServe v0.20 ships a runtime for
 * every framework but `custom` (`config/runtimes/`); a predictor of format `custom` without a named
 * runtime finds none (`GetSupportingRuntimes` in `pkg/apis/serving/v1beta1/predictor_model.go`) and the
 * InferenceService never becomes ready ("No runtime found to support specified framework/version").
 */
import type { Deployment, Team } from '../../config/types.generated.ts';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { DataPath } from '../../load/parsed-file.ts';
import type { ValidTeamFile } from '../validated-config.ts';
import { type PlatformIndex, placementClusters } from './platform-index.ts';

/** The models a deployment serves where KServe serves it (not on edge clusters), with the config path naming each. */
function kserveServedModels(name: string, deployment: Deployment, index: PlatformIndex): { model: string; path: DataPath }[] {
  if ((deployment.backend ?? index.defaultBackend) !== 'kserve') return [];
  const served: { model: string; path: DataPath }[] = [];
  for (const [environmentName, entry] of Object.entries(deployment.environments)) {
    const environment = index.environments.get(environmentName);
    if (!environment || !placementClusters(environment, entry.regions).some((cluster) => !cluster.edge)) continue;
    served.push({ model: deployment.model, path: ['deployments', name, 'model'] });
    for (const [position, variant] of (entry.abTest?.variants ?? []).entries()) {
      if (variant.model) served.push({ model: variant.model, path: ['deployments', name, 'environments', environmentName, 'abTest', 'variants', position, 'model'] });
    }
  }
  return served;
}

/** ML352 for each `custom` model without `runtime` that KServe would serve. */
export function kserveRuntimeChoiceDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const models: Team['models'] = config.models ?? {};
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const [name, deployment] of Object.entries(config.deployments ?? {})) {
    for (const { model, path } of kserveServedModels(name, deployment, index)) {
      const declared = models[model];
      const key = `${name}\u0000${path.join('/')}`;
      if (declared?.framework !== 'custom' || declared.runtime !== undefined || reported.has(key)) continue;
      reported.add(key);
      diagnostics.push(
        diagnosticAt(file, path, 'ML352', `\`${name}\` is served by KServe, but model \`${model}\` has framework \`custom\` and no \`runtime\`: KServe has no serving runtime for the \`custom\` model format, so the InferenceService would never start.`, {
          target: 'value',
          hint: `Set \`runtime\` on model \`${model}\` to a ServingRuntime or ClusterServingRuntime the cluster runs, or serve \`${name}\` with \`backend: deployment\` and an \`image\`.`,
        }),
      );
    }
  }
  return diagnostics;
}
