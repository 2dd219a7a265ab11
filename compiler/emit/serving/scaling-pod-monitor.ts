/**
 * The PodMonitor that makes a custom autoscaling metric exist. KEDA and prometheus-adapter read `rps`
 * and `concurrency` from Prometheus (custom-metric-signal.ts), which holds the serving pods' series only
 * if something scrapes them; a deployment with `monitoring` gets its PodMonitor from the monitoring
 * emitter, any other deployment that scales on a custom metric gets the same PodMonitor here (same
 * name, selector, endpoint and platform selection labels), so the scaler never waits on a series that
 * is never collected. prometheus-operator labels each target with `namespace` and `pod` (v0.93
 * `generatePodMonitorConfig`, `pkg/prometheus/promcfg.go`), which the scaling queries select on.
 */
import { ApiObject } from 'cdk8s';
import type { Construct } from 'constructs';
import type { ResolvedDeployment, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { constructId } from '../construct-id.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { PROMETHEUS_OPERATOR_API_VERSION } from '../monitoring/emit-monitoring.ts';
import { podMonitorSpec } from '../monitoring/pod-monitor.ts';
import { placementRuntime } from '../monitoring/serving-metrics.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { isCustomScalingMetric } from '../../resolve/custom-metric-signal.ts';
import { servedModel } from './served-model.ts';

/** Whether the placement's scaler reads its metric from Prometheus (KEDA or prometheus-adapter). */
export function scalesOnPrometheus(context: TeamClusterContext, placement: ResolvedPlacement, minReplicas: number): boolean {
  if (!isCustomScalingMetric(placement.autoscaling.metric) || Math.max(1, minReplicas) >= placement.replicas.max) return false;
  return placement.backend === 'deployment' || context.org.platform.serving.kserveDeploymentMode === 'Standard';
}

/** Adds the PodMonitor of a placement that scales on a Prometheus metric and has no `monitoring` entry. */
export function emitScalingPodMonitor(scope: Construct, context: TeamClusterContext, deployment: ResolvedDeployment, placement: ResolvedPlacement, minReplicas: number): void {
  if (!scalesOnPrometheus(context, placement, minReplicas)) return;
  if (context.team.monitors.some((monitor) => monitor.deployment === deployment.name)) return;
  const runtime = placementRuntime(context.org.platform, servedModel(context.team, placement.stable), placement);
  if (!runtime.metrics) return;
  const labels = standardLabels({ team: placement.team, name: placement.deployment, component: 'monitoring', environment: placement.environment, model: placement.stable.model, version: placement.stable.version });
  new ApiObject(scope, constructId(scope, `podmonitor-${deployment.name}`), {
    apiVersion: PROMETHEUS_OPERATOR_API_VERSION,
    kind: 'PodMonitor',
    metadata: { name: deployment.name, namespace: placement.namespace, labels: { ...context.org.platform.monitoring.selectorLabels, ...labels }, annotations: sourceAnnotations(context.org, placement.source) },
    spec: podMonitorSpec(placement, deployment, runtime.metrics),
  });
}
