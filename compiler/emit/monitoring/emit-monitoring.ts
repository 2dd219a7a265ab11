/**
 * Monitoring → prometheus-operator objects and a drift check, per deployment placement on this cluster
 * that has `monitoring`: a PodMonitor on the serving runtime's metrics endpoint (when the runtime is
 * known), a PrometheusRule (SLO alerts its metrics can measure, drift alerts), and for drift a
 * ConfigMap + ServiceAccount + CronJob + NetworkPolicy (egress to the Pushgateway and the logged
 * predictions), a NetworkPolicy letting KServe's payload logger reach the prediction-log sink, plus a
 * Role/RoleBinding in the pipeline's namespace when the drift check submits retraining runs on the same cluster.
 */
import { ApiObject, type Chart } from 'cdk8s';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ResolvedMonitor, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { dnsName, MAX_CRON_NAME } from '../pipelines/dns-name.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { type AlertRule, driftRules, sloRules } from './alert-rules.ts';
import { driftCheckEgressSpec } from './drift-check-egress.ts';
import { DRIFT_CONFIG_KEY, driftCheckConfig, driftCheckCronJobSpec } from './drift-check.ts';
import { type RetrainTarget, retrainRoleRules, retrainTargets } from './drift-retrain.ts';
import { monitoringDiagnostics, unknownRuntimeDiagnostic } from './monitoring-diagnostics.ts';
import { podMonitorSpec, servingPodSelector } from './pod-monitor.ts';
import { predictionLogger } from './prediction-source.ts';
import { driftCheckInputs } from './prediction-source.ts';
import { urlEgressRule } from './drift-check-egress.ts';
import { workloadEgressRules } from '../tenancy/egress-rules.ts';
import { credentialsEnvFrom, identityScope, serviceAccountIdentity } from '../../resolve/workload-identity.ts';
import { placementRuntime } from './serving-metrics.ts';
import { compareCodePoints } from '../../support/compare-code-points.ts';
import { constructId } from '../construct-id.ts';

/** prometheus-operator API version. */
export const PROMETHEUS_OPERATOR_API_VERSION = 'monitoring.coreos.com/v1';

/** Placements of the context's team in its environment on its cluster that are monitored, with their monitor. */
export function monitoredPlacements(context: TeamClusterContext): { placement: ResolvedPlacement; monitor: ResolvedMonitor }[] {
  const monitors = new Map(context.team.monitors.map((monitor) => [monitor.deployment, monitor]));
  return context.team.deployments.flatMap((deployment) =>
    deployment.placements
      .filter((placement) => placement.cluster.name === context.cluster.name && placement.environment === context.environment.name && monitors.has(deployment.name))
      .map((placement) => ({ placement, monitor: monitors.get(deployment.name)! })),
  );
}

/** Name of a placement's drift-check CronJob (at most 52 characters, as CronJobs require). */
export function driftCheckName(placement: Pick<ResolvedPlacement, 'deployment'>): string {
  return dnsName([placement.deployment, 'drift-check'], MAX_CRON_NAME);
}

function emitRetrainAccess(chart: Chart, placement: ResolvedPlacement, serviceAccount: string, targets: readonly RetrainTarget[], metadata: (name: string, namespace: string) => Record<string, unknown>): void {
  const byNamespace = new Map<string, string[]>();
  for (const target of targets.filter((candidate) => candidate.inCluster)) byNamespace.set(target.namespace, [...(byNamespace.get(target.namespace) ?? []), target.workflowTemplate]);
  for (const [namespace, templates] of [...byNamespace].sort(([a], [b]) => compareCodePoints(a, b))) {
    const name = dnsName([placement.deployment, placement.environment, 'drift-retrain']);
    new ApiObject(chart, constructId(chart, `monitoring-${placement.deployment}-retrain-role-${namespace}`), {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: metadata(name, namespace),
      rules: retrainRoleRules(templates),
    });
    new ApiObject(chart, constructId(chart, `monitoring-${placement.deployment}-retrain-binding-${namespace}`), {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: metadata(name, namespace),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name: serviceAccount, namespace: placement.namespace }],
    });
  }
}

/** Emits the monitoring objects of every monitored placement of the team on `context.cluster`; returns the SLOs it cannot alert on. */
export function emitMonitoring(chart: Chart, context: TeamClusterContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { placement, monitor } of monitoredPlacements(context)) {
    const labels = standardLabels({ team: placement.team, name: placement.deployment, component: 'monitoring', environment: placement.environment, model: placement.stable.model, version: placement.stable.version });
    const annotations = sourceAnnotations(context.org, monitor.source);
    const metadata = (name: string, namespace: string = placement.namespace) => ({ name, namespace, labels, annotations });
    const platform = context.org.platform.monitoring;
    // Prometheus finds ServiceMonitors and rules by label selector; the platform names the labels it selects on.
    const selected = { ...metadata(placement.deployment), labels: { ...platform.selectorLabels, ...labels } };
    const id = `monitoring-${placement.deployment}`;
    const jobName = driftCheckName(placement);
    const deployment = context.team.deployments.find((candidate) => candidate.name === placement.deployment);
    const model = context.team.models.find((candidate) => candidate.name === placement.stable.model);
    if (!deployment || !model) throw new Error(`bug: deployment ${placement.deployment} or its model is not resolved`);
    const runtime = placementRuntime(context.org.platform, model, placement);
    if (runtime.metrics) {
      new ApiObject(chart, constructId(chart, `${id}-podmonitor`), { apiVersion: PROMETHEUS_OPERATOR_API_VERSION, kind: 'PodMonitor', metadata: selected, spec: podMonitorSpec(placement, deployment, runtime.metrics) });
    } else if (monitor.slo) {
      diagnostics.push(unknownRuntimeDiagnostic(context.org, monitor, placement, runtime.name));
    }
    const groups: { name: string; rules: AlertRule[] }[] = [];
    if (monitor.slo && runtime.metrics) {
      const { rules, unmeasured } = sloRules(placement, monitor.slo, runtime.metrics);
      groups.push({ name: `${placement.deployment}.slo`, rules });
      diagnostics.push(...monitoringDiagnostics(context.org, monitor, placement, runtime.name ?? '', unmeasured));
    }
    if (monitor.drift) groups.push({ name: `${placement.deployment}.drift`, rules: driftRules(placement, monitor.drift, jobName) });
    const nonEmpty = groups.filter((group) => group.rules.length > 0);
    if (nonEmpty.length > 0) {
      new ApiObject(chart, constructId(chart, `${id}-prometheusrule`), { apiVersion: PROMETHEUS_OPERATOR_API_VERSION, kind: 'PrometheusRule', metadata: selected, spec: { groups: nonEmpty } });
    }
    if (!monitor.drift) continue;
    const targets = retrainTargets(context.team, placement);
    const serviceAccount = jobName;
    new ApiObject(chart, constructId(chart, `${id}-drift-configmap`), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: metadata(jobName),
      data: { [DRIFT_CONFIG_KEY]: driftCheckConfig(context.team, placement, monitor.drift, targets, platform) },
    });
    const identity = serviceAccountIdentity(context.org.platform.config, identityScope(context));
    const accountMetadata = metadata(serviceAccount);
    new ApiObject(chart, constructId(chart, `${id}-drift-serviceaccount`), {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { ...accountMetadata, annotations: { ...accountMetadata.annotations, ...identity.annotations } },
      automountServiceAccountToken: false,
      ...(identity.secrets ? { secrets: identity.secrets } : {}),
    });
    new ApiObject(chart, constructId(chart, `${id}-drift-cronjob`), {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: metadata(jobName),
      spec: driftCheckCronJobSpec(placement, { name: jobName, configMap: jobName, serviceAccount, image: monitor.drift.image ?? platform.driftCheckImage, schedule: monitor.drift.schedule, labels, retrain: targets, credentials: credentialsEnvFrom(context.org.platform.config, identityScope(context)) }),
    });
    new ApiObject(chart, constructId(chart, `${id}-drift-networkpolicy`), {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(dnsName([placement.deployment, 'drift-check-egress'])),
      spec: driftCheckEgressSpec(labels, platform.pushgateway, driftCheckInputs(placement, monitor.drift, platform)?.uri, workloadEgressRules(context.org.platform.config, 'driftChecks')),
    });
    const logger = predictionLogger(placement, monitor, platform);
    const sinkEgress = logger ? urlEgressRule(logger.url) : undefined;
    if (sinkEgress) {
      new ApiObject(chart, constructId(chart, `${id}-prediction-log-networkpolicy`), {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'NetworkPolicy',
        metadata: metadata(dnsName([placement.deployment, 'prediction-log-egress'])),
        spec: { egress: [sinkEgress], podSelector: { matchLabels: servingPodSelector(placement) }, policyTypes: ['Egress'] },
      });
    }
    emitRetrainAccess(chart, placement, serviceAccount, targets, metadata);
  }
  return diagnostics;
}
