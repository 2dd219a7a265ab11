/**
 * The prometheus-operator PodMonitor that scrapes one deployment's serving pods. A PodMonitor, not a
 * ServiceMonitor: KServe's Standard-mode predictor Service points its first port at the payload-logger
 * agent (:9081) when `predictor.logger` is set (`createDefaultSvc`, KServe v0.20
 * `reconcilers/service/service_reconciler.go`), and Knative mode has no per-pod Service port for the
 * model server's metrics. The pods declare their serving port by name (serving-metrics.ts); a
 * PodMonitor endpoint's `port` must name a declared container port (prometheus-operator v0.93
 * `PodMetricsEndpoint.Port`), so a runtime whose metrics listen on another port (TorchServe :8082,
 * Triton :8002) is reached by rewriting `__address__` to the pod IP and that port.
 */
import type { ResolvedDeployment, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import type { ResolvedRuntimeMetrics } from '../../resolve/serving-runtimes.ts';
import { MLOPS_DOMAIN } from '../labels.ts';
import { DEPLOYMENT_LABEL, metricsPort, servingPortName } from './serving-metrics.ts';

/** Pod labels every serving pod of a deployment carries (KServe copies `predictor.labels` onto the pods). */
export function servingPodSelector(placement: Pick<ResolvedPlacement, 'deployment' | 'team'>): Record<string, string> {
  return { 'app.kubernetes.io/component': 'serving', 'app.kubernetes.io/name': placement.deployment, [`${MLOPS_DOMAIN}/team`]: placement.team };
}

/** The `spec` of a placement's PodMonitor: the runtime's metrics endpoint every 30 s, with the deployment label added. */
export function podMonitorSpec(placement: ResolvedPlacement, deployment: Pick<ResolvedDeployment, 'port'>, metrics: ResolvedRuntimeMetrics): Record<string, unknown> {
  const port = metricsPort(deployment, metrics);
  const relabelings: Record<string, unknown>[] = [{ action: 'replace', replacement: placement.deployment, targetLabel: DEPLOYMENT_LABEL }];
  if (port !== deployment.port) {
    relabelings.push({ action: 'replace', regex: '(.+)', replacement: `$1:${port}`, sourceLabels: ['__meta_kubernetes_pod_ip'], targetLabel: '__address__' });
  }
  return {
    namespaceSelector: { matchNames: [placement.namespace] },
    podMetricsEndpoints: [{ interval: '30s', path: metrics.path, port: servingPortName(placement), relabelings }],
    selector: { matchLabels: servingPodSelector(placement) },
  };
}
