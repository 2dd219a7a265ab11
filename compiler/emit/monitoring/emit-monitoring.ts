/**
 * Monitoring → prometheus-operator objects and a drift check, per deployment placement on this cluster
 * that has `monitoring`: a ServiceMonitor, a PrometheusRule (SLO and drift alerts), and for drift a
 * ConfigMap + ServiceAccount + CronJob + NetworkPolicy (egress to the Pushgateway), plus a Role/RoleBinding in the pipeline's namespace when the
 * drift check submits retraining runs on the same cluster.
 */
import { ApiObject, type Chart } from 'cdk8s';
import type { ResolvedMonitor, ResolvedPlacement } from '../../resolve/resolved-org.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { dnsName, MAX_CRON_NAME } from '../pipelines/dns-name.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { type AlertRule, driftRules, sloRules } from './alert-rules.ts';
import { driftCheckEgressSpec } from './drift-check-egress.ts';
import { DRIFT_CONFIG_KEY, driftCheckConfig, driftCheckCronJobSpec } from './drift-check.ts';
import { type RetrainTarget, retrainRoleRules, retrainTargets } from './drift-retrain.ts';
import { serviceMonitorSpec } from './service-monitor.ts';
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

/** Emits the monitoring objects of every monitored placement of the team on `context.cluster`. */
export function emitMonitoring(chart: Chart, context: TeamClusterContext): void {
  for (const { placement, monitor } of monitoredPlacements(context)) {
    const labels = standardLabels({ team: placement.team, name: placement.deployment, component: 'monitoring', environment: placement.environment, model: placement.stable.model, version: placement.stable.version });
    const annotations = sourceAnnotations(context.org, monitor.source);
    const metadata = (name: string, namespace: string = placement.namespace) => ({ name, namespace, labels, annotations });
    const platform = context.org.platform.monitoring;
    // Prometheus finds ServiceMonitors and rules by label selector; the platform names the labels it selects on.
    const selected = { ...metadata(placement.deployment), labels: { ...platform.selectorLabels, ...labels } };
    const id = `monitoring-${placement.deployment}`;
    const jobName = driftCheckName(placement);
    new ApiObject(chart, constructId(chart, `${id}-servicemonitor`), { apiVersion: PROMETHEUS_OPERATOR_API_VERSION, kind: 'ServiceMonitor', metadata: selected, spec: serviceMonitorSpec(placement) });
    const groups: { name: string; rules: AlertRule[] }[] = [];
    if (monitor.slo) groups.push({ name: `${placement.deployment}.slo`, rules: sloRules(placement, monitor.slo) });
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
    new ApiObject(chart, constructId(chart, `${id}-drift-serviceaccount`), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(serviceAccount), automountServiceAccountToken: false });
    new ApiObject(chart, constructId(chart, `${id}-drift-cronjob`), {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: metadata(jobName),
      spec: driftCheckCronJobSpec(placement, { name: jobName, configMap: jobName, serviceAccount, image: monitor.drift.image ?? platform.driftCheckImage, schedule: monitor.drift.schedule, labels, retrain: targets }),
    });
    new ApiObject(chart, constructId(chart, `${id}-drift-networkpolicy`), {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(dnsName([placement.deployment, 'drift-check-egress'])),
      spec: driftCheckEgressSpec(labels, platform.pushgateway),
    });
    emitRetrainAccess(chart, placement, serviceAccount, targets, metadata);
  }
}
