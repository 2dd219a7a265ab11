/**
 * ML348: a deployment that scales on `rps` or `concurrency` through KEDA or prometheus-adapter (the
 * `deployment` backend, KServe in Standard mode) needs its serving runtime to declare the Prometheus
 * series the metric is computed from (custom-metric-signal.ts). Knative computes both itself.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { customMetricSignal, isCustomScalingMetric, signalRequirement } from '../../resolve/custom-metric-signal.ts';
import type { ResolvedOrg, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { servingRuntimeName } from '../../resolve/serving-runtimes.ts';
import { placementPods } from './placement-pods.ts';
import { resolvedDiagnostic } from './resolved-diagnostic.ts';

function readsPrometheus(org: ResolvedOrg, placement: ResolvedPlacement): boolean {
  return placement.backend === 'deployment' || org.platform.serving.kserveDeploymentMode === 'Standard';
}

/** ML348 for every deployment environment whose runtime cannot feed its custom autoscaling metric. */
export function customMetricSourceDiagnostics(org: ResolvedOrg): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  for (const team of org.teams) {
    for (const deployment of team.deployments) {
      for (const placement of deployment.placements) {
        const { metric } = placement.autoscaling;
        if (!isCustomScalingMetric(metric) || !readsPrometheus(org, placement)) continue;
        for (const pods of placementPods(placement, org.platform)) {
          if (!pods.autoscaled) continue;
          const model = team.models.find((candidate) => candidate.name === pods.served.model);
          if (!model) continue;
          const name = servingRuntimeName(placement.backend, model);
          const runtime = { name, metrics: name === undefined ? undefined : org.platform.serving.runtimes[name] };
          if (customMetricSignal(metric, runtime.metrics)) continue;
          const key = `${placement.source.file}\u0000${placement.source.path.join('/')}\u0000${runtime.name}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const runtimeText = runtime.metrics ? `its serving runtime \`${runtime.name}\` declares no metric to compute it from` : `its serving runtime \`${runtime.name ?? model.framework}\` is not declared in \`serving.runtimes\``;
          const message = `\`${deployment.name}\` in \`${placement.environment}\` scales on \`${metric}\`, which ${org.platform.autoscaling.customMetrics === 'keda' ? 'KEDA' : 'prometheus-adapter'} reads from Prometheus, but ${runtimeText} (model \`${model.name}\`).`;
          diagnostics.push(resolvedDiagnostic(org, placement.source, ['autoscaling', 'metric'], 'ML348', message, `Declare ${signalRequirement(metric)} under \`serving.runtimes.${runtime.name ?? model.framework}.metrics\` in platform.yaml, or scale on \`cpu\` or \`memory\`.`));
        }
      }
    }
  }
  return diagnostics;
}
