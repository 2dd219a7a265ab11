/**
 * Network isolation of a team namespace: deny everything by default, then allow DNS, HTTPS egress
 * (model artifacts, object stores, the API server) and, where the team serves models, ingress to the
 * model servers from the gateway, the KServe/Knative data plane, Prometheus and the namespace itself.
 */
import { ApiObject, type Chart } from 'cdk8s';
import { sourceAnnotations, standardLabels } from '../labels.ts';
import { SERVING_INGRESS_NAMESPACES } from '../serving/gateway.ts';
import type { TeamClusterContext } from '../team-cluster-context.ts';
import { constructId } from '../construct-id.ts';

/** Pod label every model server carries (the `component` standard label). */
export const SERVING_POD_SELECTOR = { 'app.kubernetes.io/component': 'serving' } as const;

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

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
  policy(chart, context, 'allow-https-egress', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [
      {
        ports: [
          { protocol: 'TCP', port: 443 },
          { protocol: 'TCP', port: 6443 },
        ],
      },
    ],
  });
  if (!servesHere(context)) return;
  policy(chart, context, 'allow-serving-ingress', {
    podSelector: { matchLabels: { ...SERVING_POD_SELECTOR } },
    policyTypes: ['Ingress'],
    ingress: [
      {
        from: [
          { namespaceSelector: { matchExpressions: [{ key: NAMESPACE_NAME_LABEL, operator: 'In', values: [...SERVING_INGRESS_NAMESPACES] }] } },
          { podSelector: {} },
        ],
      },
    ],
  });
}
