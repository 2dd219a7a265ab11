/** Per-workload NetworkPolicies from platform.yaml `network` (the cluster-wide proof is test/realism/network-policies.test.ts). */
import { describe, expect, it } from 'vitest';
import { servingIngressNamespaces } from '../../../compiler/emit/tenancy/network-policies.ts';
import { compileTexts, objectNamed, objectsOfKind, platformYaml, teamYaml } from '../emit-text.ts';

const NETWORK = `network:
  destinations:
    object-storage: { cidrs: ["10.8.0.0/16", "10.9.0.0/16"], except: ["10.8.255.0/24"], ports: [443] }
    registry: { namespace: mlflow, podLabels: { app: mlflow }, ports: [5000] }
  egress:
    serving: [object-storage]
    pipelines: [object-storage, registry]
  prometheus: { namespace: observability, podLabels: { app.kubernetes.io/name: prometheus } }`;

const team = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      prod: { version: "1.0.0" }
pipelines:
  train:
    environment: prod
    produces: scorer
    steps:
      - { name: fit, image: ghcr.io/acme/fit:1.0.0 }
monitoring:
  scorer-api:
    slo: { latencyP99Ms: 100 }`);

describe('workload egress', () => {
  const result = compileTexts(platformYaml({ mode: 'Standard', extra: NETWORK }), team);

  it('compiles', () => {
    expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  });
  const names = (cluster: string) => objectsOfKind(result, cluster, 'NetworkPolicy').map((policy) => policy.metadata.name).sort();

  it('gives model servers egress to their declared destinations only, each except kept inside its CIDR', () => {
    expect(objectNamed(result, 'prod-eu', 'NetworkPolicy', 'allow-serving-egress').spec).toEqual({
      egress: [{ ports: [{ port: 443, protocol: 'TCP' }], to: [{ ipBlock: { cidr: '10.8.0.0/16', except: ['10.8.255.0/24'] } }, { ipBlock: { cidr: '10.9.0.0/16' } }] }],
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'serving' } },
      policyTypes: ['Egress'],
    });
  });

  it('selects pipeline pods by the label Argo puts on every workflow pod, with in-cluster destinations as one namespace+pod peer', () => {
    const spec = objectNamed(result, 'prod-eu', 'NetworkPolicy', 'allow-pipeline-egress').spec;
    expect(spec.podSelector).toEqual({ matchExpressions: [{ key: 'workflows.argoproj.io/workflow', operator: 'Exists' }] });
    expect(spec.egress[1]).toEqual({ ports: [{ port: 5000, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'mlflow' } }, podSelector: { matchLabels: { app: 'mlflow' } } }] });
  });

  it('emits no broad HTTPS egress, and no egress policy for a workload kind without destinations', () => {
    expect(names('prod-eu')).toEqual(['allow-dns-egress', 'allow-pipeline-egress', 'allow-prometheus-scrape', 'allow-serving-egress', 'allow-serving-ingress', 'default-deny']);
    const bare = compileTexts(platformYaml({ mode: 'Standard' }), team);
    expect(objectsOfKind(bare, 'prod-eu', 'NetworkPolicy').map((policy) => policy.metadata.name).sort()).toEqual(['allow-dns-egress', 'allow-prometheus-scrape', 'allow-serving-ingress', 'default-deny']);
  });

  it('lets the declared Prometheus scrape the metrics port of model servers, defaulting to the monitoring namespace', () => {
    expect(objectNamed(result, 'prod-eu', 'NetworkPolicy', 'allow-prometheus-scrape').spec.ingress).toEqual([
      { from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } }, podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } } }], ports: [{ port: 8080, protocol: 'TCP' }] },
    ]);
    const bare = compileTexts(platformYaml({ mode: 'Standard' }), team);
    expect(objectNamed(bare, 'prod-eu', 'NetworkPolicy', 'allow-prometheus-scrape').spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }]);
  });
});

describe('serving ingress', () => {
  it('admits knative-serving (the activator) only in Knative mode', () => {
    expect(servingIngressNamespaces('Standard')).not.toContain('knative-serving');
    expect(servingIngressNamespaces('Knative')).toContain('knative-serving');
    const standard = compileTexts(platformYaml({ mode: 'Standard' }), team);
    const from = objectNamed(standard, 'prod-eu', 'NetworkPolicy', 'allow-serving-ingress').spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values;
    expect(from).toEqual(['gateway-system', 'istio-system', 'kserve']);
  });
});
