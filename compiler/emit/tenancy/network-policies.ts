/**
 * Network isolation of a team namespace: deny everything by default, then allow DNS, and give each
 * workload kind egress only to the destinations platform.yaml `network.egress` lists for it — model
 * servers (KServe's storage-initializer runs in their pods), pipeline pods (Argo's init and wait
 * containers included) and drift checks (their Pushgateway and prediction-log allowances come from
 * monitoring, `drift-check-egress.ts`). Where the team serves models, the model servers accept traffic
 * from the gateway and the serving data plane, from their own namespace, and from the platform's
 * Prometheus on the ports its PodMonitors scrape.
 */
import { ApiObject, type Chart } from 'cdk8s';
import { platformNetwork, type WorkloadKind } from '../../resolve/platform-network.ts';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { monitoredPlacements } from '../monitoring/emit-monitoring.ts';
import { metricsPort, placementRuntime } from '../monitoring/serving-metrics.ts';
import { pipelinesOnCluster } from '../pipelines/emit-pipelines.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { constructId } from '../construct-id.ts';
import { NAMESPACE_NAME_LABEL, prometheusPeer, tcpPorts, workloadEgressRules } from './egress-rules.ts';

/** Pod label every model server carries (the `component` standard label). */
export const SERVING_POD_SELECTOR = { 'app.kubernetes.io/component': 'serving' } as const;

/** Label Argo Workflows puts on every pod of a workflow (`common.LabelKeyWorkflow`, set by the controller's `createWorkflowPod`). */
export const ARGO_WORKFLOW_POD_LABEL = 'workflows.argoproj.io/workflow';

/** Selector of every pipeline pod in a namespace: Argo labels each with its workflow's name. */
export const PIPELINE_POD_SELECTOR = { matchExpressions: [{ key: ARGO_WORKFLOW_POD_LABEL, operator: 'Exists' }] } as const;

/**
 * Namespaces whose pods forward requests to model servers: the Gateway API gateway, Istio's ingress
 * gateway, KServe's own components, and — only in Knative mode, where Knative's activator sits in the
 * request path of scaled-to-zero revisions — `knative-serving`. Standard mode has no Knative.
 */
export function servingIngressNamespaces(mode: 'Knative' | 'Standard'): string[] {
  return ['gateway-system', 'istio-system', ...(mode === 'Knative' ? ['knative-serving'] : []), 'kserve'];
}

function policy(chart: Chart, context: TeamClusterContext, name: string, spec: Record<string, unknown>): void {
  new ApiObject(chart, constructId(chart, `networkpolicy-${context.namespace}-${name}`), {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name,
      namespace: context.namespace,
      labels: standardLabels({ team: context.team.name, name, component: 'tenancy', environment: context.environment.name }),
      annotations: sourceAnnotations(context.org, { file: context.team.file, path: ['metadata', 'name'] }),
    },
    spec,
  });
}

/** True when the team serves a model on this cluster in this environment. */
export function servesHere(context: TeamClusterContext): boolean {
  return context.team.deployments.some((deployment) =>
    deployment.placements.some((placement) => placement.environment === context.environment.name && placement.cluster.name === context.cluster.name),
  );
}

function emitWorkloadEgress(chart: Chart, context: TeamClusterContext, name: string, kind: WorkloadKind, podSelector: Record<string, unknown>): void {
  const egress = workloadEgressRules(context.org.platform.config, kind);
  if (egress.length > 0) policy(chart, context, name, { egress, podSelector, policyTypes: ['Egress'] });
}

/** Ports the platform's Prometheus scrapes on this namespace's model servers (their PodMonitors' endpoints). */
export function scrapedPorts(context: TeamClusterContext): number[] {
  const ports = monitoredPlacements(context).flatMap(({ placement }) => {
    const deployment = context.team.deployments.find((candidate) => candidate.name === placement.deployment);
    const model = context.team.models.find((candidate) => candidate.name === placement.stable.model);
    const metrics = deployment && model ? placementRuntime(context.org.platform, model, placement).metrics : undefined;
    return deployment && metrics ? [metricsPort(deployment, metrics)] : [];
  });
  return tcpPorts(ports).map(({ port }) => port);
}

/** The namespace's NetworkPolicies. */
export function emitNetworkPolicies(chart: Chart, context: TeamClusterContext): void {
  policy(chart, context, 'default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
  policy(chart, context, 'allow-dns-egress', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        to: [{ namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ],
  });
  if (pipelinesOnCluster(context).some((pipeline) => pipeline.namespace === context.namespace)) {
    emitWorkloadEgress(chart, context, 'allow-pipeline-egress', 'pipelines', { ...PIPELINE_POD_SELECTOR, matchExpressions: PIPELINE_POD_SELECTOR.matchExpressions.map((expression) => ({ ...expression })) });
  }
  if (!servesHere(context)) return;
  emitWorkloadEgress(chart, context, 'allow-serving-egress', 'serving', { matchLabels: { ...SERVING_POD_SELECTOR } });
  policy(chart, context, 'allow-serving-ingress', {
    podSelector: { matchLabels: { ...SERVING_POD_SELECTOR } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          { namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: servingIngressNamespaces(context.org.platform.serving.kserveDeploymentMode) }] } },
          { podSelector: {} },
        ],
      },
    ],
  });
  const scraped = scrapedPorts(context);
  if (scraped.length === 0) return;
  policy(chart, context, 'allow-prometheus-scrape', {
    ingress: [{ from: [prometheusPeer(platformNetwork(context.org.platform.config))], ports: tcpPorts(scraped) }],
    podSelector: { matchLabels: { ...SERVING_POD_SELECTOR } },
    policyTypes: ['Ingress'],
  });
}
