import { describe, expect, it } from 'vitest';
import { emitMonitoring } from '../../../compiler/emit/monitoring/emit-monitoring.ts';
import { stableJson } from '../../../compiler/emit/registry/stable-json.ts';
import { contextFor, EXAMPLE_PLATFORM, EXAMPLE_TEAM, emitWith, objectOf, resolveExample } from '../pipelines/example-org.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';

type Rule = { alert: string; expr: string; for: string; labels: Record<string, string> };
const rulesOf = (object: Record<string, unknown>) => (object.spec as { groups: { name: string; rules: Rule[] }[] }).groups;
type PodSpec = { automountServiceAccountToken: boolean; serviceAccountName: string; securityContext: Record<string, unknown>; containers: Record<string, unknown>[]; volumes: Record<string, unknown>[]; restartPolicy: string };
const podOf = (cronJob: Record<string, unknown>) => (cronJob.spec as { jobTemplate: { spec: { template: { spec: PodSpec } } } }).jobTemplate.spec.template.spec;

describe('emitMonitoring', () => {
  const org = resolveExample();
  const prod = emitWith(emitMonitoring, contextFor(org, 'fraud', 'prod-eu'));
  const staging = emitWith(emitMonitoring, contextFor(org, 'fraud', 'stg-eu'));

  it('emits scrape config, alerts and the drift check for each monitored placement on the cluster', () => {
    expect(prod.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`)).toEqual([
      'ServiceMonitor/fraud-prod/fraud-api',
      'PrometheusRule/fraud-prod/fraud-api',
      'ConfigMap/fraud-prod/fraud-api-drift-check',
      'ServiceAccount/fraud-prod/fraud-api-drift-check',
      'CronJob/fraud-prod/fraud-api-drift-check',
      'NetworkPolicy/fraud-prod/fraud-api-drift-check-egress',
      'Role/fraud-prod/fraud-api-prod-drift-retrain',
      'RoleBinding/fraud-prod/fraud-api-prod-drift-retrain',
    ]);
    // fraud-api's prod placement is limited to eu-west-1, so prod-us has nothing to monitor.
    expect(emitWith(emitMonitoring, contextFor(org, 'fraud', 'prod-us'))).toEqual([]);
  });

  it('validates against kubernetes-models and the prometheus-operator CRDs', () => {
    expect(validateKubernetesObjects([...prod, ...staging])).toEqual([]);
  });

  it('selects the serving Services and stamps the deployment on every series', () => {
    expect(objectOf(prod, 'ServiceMonitor', 'fraud-api').spec).toEqual({
      endpoints: [{ interval: '30s', path: '/metrics', port: 'http', relabelings: [{ action: 'replace', replacement: 'fraud-api', targetLabel: 'mlops_deployment' }] }],
      namespaceSelector: { matchNames: ['fraud-prod'] },
      selector: { matchLabels: { 'app.kubernetes.io/component': 'serving', 'app.kubernetes.io/name': 'fraud-api', 'mlops.cirruslabs.io/team': 'fraud' } },
    });
  });

  it('alerts on each SLO and on drift, every rule with an expression', () => {
    const groups = rulesOf(objectOf(prod, 'PrometheusRule', 'fraud-api'));
    expect(groups.map((group) => [group.name, group.rules.map((rule) => rule.alert)])).toEqual([
      ['fraud-api.slo', ['ModelLatencyP99High', 'ModelErrorRateHigh', 'ModelAvailabilityLow']],
      ['fraud-api.drift', ['ModelDataDrift', 'ModelDriftCheckFailing']],
    ]);
    const [latency, errors, availability] = groups[0]!.rules;
    expect(latency!.expr).toBe('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{namespace="fraud-prod",mlops_deployment="fraud-api"}[5m]))) * 1000 > 150');
    expect(errors!.expr).toMatch(/code=~"5\.\."\}\[5m\]\)\) \/ sum\(rate\(http_requests_total\{namespace="fraud-prod",mlops_deployment="fraud-api"\}\[5m\]\)\) \* 100 > 1$/);
    expect(availability!.expr).toContain('* 100 < 99.9');
    expect(latency!.labels).toEqual({ deployment: 'fraud-api', environment: 'prod', severity: 'critical', team: 'fraud' });
    const [drift, failing] = groups[1]!.rules;
    expect(drift!.expr).toBe('max by (feature) (mlops_drift_score{namespace="fraud-prod",mlops_deployment="fraud-api",method="psi"}) > 0.2');
    expect(failing!.expr).toContain('job_name=~"fraud-api-drift-check-.*"');
    for (const group of groups) for (const rule of group.rules) expect(rule.expr.length).toBeGreaterThan(0);
    expect(rulesOf(objectOf(staging, 'PrometheusRule', 'fraud-api'))[0]!.rules[0]!.labels.severity).toBe('warning');
  });

  it('writes the drift check config: method, threshold, features, baseline from the stable version and retraining', () => {
    const config = JSON.parse((objectOf(prod, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(config).toMatchObject({
      baseline: 's3://data/fraud/2026-09',
      features: ['amount', 'country'],
      method: 'psi',
      model: { canaryVersion: '1.5.0', name: 'fraud-detector', version: '1.4.0' },
      schedule: '0 * * * *',
      threshold: 0.2,
      retrain: [{ cluster: 'prod-eu', inCluster: true, namespace: 'fraud-prod', pipeline: 'retrain-fraud', server: 'https://prod-eu.k8s.acme.io', workflowTemplate: 'retrain-fraud' }],
    });
    const stagingConfig = JSON.parse((objectOf(staging, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(stagingConfig.baseline).toBe('s3://data/fraud/2026-10');
  });

  it('writes the drift check config with every key in code-point order (canary and retraining included)', () => {
    const text = (objectOf(prod, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!;
    expect(text).toContain('canaryVersion');
    expect(text).toContain('inCluster');
    expect(text).toBe(`${stableJson(JSON.parse(text), 2)}\n`);
  });

  it('runs the drift check as a secured CronJob that mounts its config', () => {
    const cronJob = objectOf(prod, 'CronJob', 'fraud-api-drift-check');
    expect(cronJob.spec).toMatchObject({ schedule: '0 * * * *', concurrencyPolicy: 'Forbid', timeZone: 'Etc/UTC' });
    const pod = podOf(cronJob);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    const container = pod.containers[0]!;
    expect(container).toMatchObject({
      args: ['--config', '/etc/mlops/drift-check/drift-check.json'],
      image: 'ghcr.io/cirruslabs/mlops-drift-check:0.1.0',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true },
      resources: { requests: { cpu: '250m', memory: '512Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    });
    expect(pod.volumes).toContainEqual({ configMap: { name: 'fraud-api-drift-check' }, name: 'config' });
  });

  it('lets the drift check reach the Pushgateway through the default-deny network policy', () => {
    const policy = objectOf(prod, 'NetworkPolicy', 'fraud-api-drift-check-egress');
    const podLabels = (objectOf(prod, 'CronJob', 'fraud-api-drift-check').spec as { jobTemplate: { spec: { template: { metadata: { labels: Record<string, string> } } } } }).jobTemplate.spec.template.metadata.labels;
    expect(policy.spec).toEqual({
      egress: [{ ports: [{ port: 9091, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
      podSelector: { matchLabels: podLabels },
      policyTypes: ['Egress'],
    });
  });

  it('gives the drift check a token and in-cluster rights to submit the retraining template only when it retrains', () => {
    expect(podOf(objectOf(prod, 'CronJob', 'fraud-api-drift-check'))).toMatchObject({ automountServiceAccountToken: true, serviceAccountName: 'fraud-api-drift-check' });
    expect(objectOf(prod, 'Role', 'fraud-api-prod-drift-retrain').rules).toEqual([
      { apiGroups: ['argoproj.io'], resources: ['workflows'], verbs: ['create'] },
      { apiGroups: ['argoproj.io'], resourceNames: ['retrain-fraud'], resources: ['workflowtemplates'], verbs: ['get'] },
    ]);
    expect(objectOf(prod, 'RoleBinding', 'fraud-api-prod-drift-retrain').subjects).toEqual([{ kind: 'ServiceAccount', name: 'fraud-api-drift-check', namespace: 'fraud-prod' }]);
    expect(podOf(objectOf(staging, 'CronJob', 'fraud-api-drift-check')).automountServiceAccountToken).toBe(false);
    expect(staging.some((object) => object.kind === 'Role')).toBe(false);
  });

  it('submits to another cluster with the team credentials Secret and no local Role', () => {
    const team = EXAMPLE_TEAM.replace('    retrain: { on: drift, deployment: fraud-api }\n    environment: prod\n', '    retrain: { on: drift, deployment: fraud-api }\n    environment: dev\n');
    const objects = emitWith(emitMonitoring, contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'prod-eu'));
    const config = JSON.parse((objectOf(objects, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(config.retrain).toEqual([{ cluster: 'dev-eu', inCluster: false, namespace: 'fraud-dev', pipeline: 'retrain-fraud', server: 'https://kubernetes.default.svc', workflowTemplate: 'retrain-fraud' }]);
    expect(podOf(objectOf(objects, 'CronJob', 'fraud-api-drift-check')).containers[0]!.envFrom).toEqual([{ secretRef: { name: 'fraud-retrain-credentials', optional: true } }]);
    expect(objects.some((object) => object.kind === 'Role')).toBe(false);
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('schedules the drift check where an edge cluster asks (node selector and tolerations)', () => {
    const platform = EXAMPLE_PLATFORM.replace(
      'gitops:',
      '  edge:\n    clusters: [{ name: store-1, region: eu-west-1, edge: true, nodeSelector: { node-role: edge }, tolerations: [{ key: edge, effect: NoSchedule }, { key: zone, value: store, effect: NoExecute }] }]\ngitops:',
    );
    const team = EXAMPLE_TEAM.replace('    model: fraud-detector\n    environments:\n', '    model: fraud-detector\n    image: ghcr.io/acme/xgb-server:1.0.0\n    environments:\n      edge: { version: "1.4.0" }\n');
    const objects = emitWith(emitMonitoring, contextFor(resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': team }), 'fraud', 'store-1'));
    expect(podOf(objectOf(objects, 'CronJob', 'fraud-api-drift-check'))).toMatchObject({
      nodeSelector: { 'node-role': 'edge' },
      tolerations: [
        { effect: 'NoSchedule', key: 'edge', operator: 'Exists' },
        { effect: 'NoExecute', key: 'zone', operator: 'Equal', value: 'store' },
      ],
    });
    expect(podOf(objectOf(prod, 'CronJob', 'fraud-api-drift-check'))).not.toHaveProperty('nodeSelector');
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('emits only the objects a monitor asks for', () => {
    const team = EXAMPLE_TEAM.replace('    slo: { latencyP99Ms: 150, errorRatePercent: 1, availabilityPercent: 99.9 }\n    drift: { method: psi, threshold: 0.2, features: [amount, country] }\n', '    slo: { latencyP99Ms: 250 }\n').replace('    retrain: { on: drift, deployment: fraud-api }\n', '');
    const objects = emitWith(emitMonitoring, contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'prod-eu'));
    expect(objects.map((object) => object.kind)).toEqual(['ServiceMonitor', 'PrometheusRule']);
    expect(rulesOf(objects[1]!)).toEqual([{ name: 'fraud-api.slo', rules: [expect.objectContaining({ alert: 'ModelLatencyP99High' })] }]);
  });
});

describe('emitMonitoring with platform monitoring settings', () => {
  const platform = `${EXAMPLE_PLATFORM}
monitoring:
  driftCheckImage: ghcr.io/acme/drift:2.0.0
  pushgateway: { namespace: observability, service: pushgw, port: 9191 }
  selectorLabels: { release: kube-prometheus-stack }
`;
  const org = resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM });
  const prod = emitWith(emitMonitoring, contextFor(org, 'fraud', 'prod-eu'));

  it('labels ServiceMonitors and PrometheusRules for the Prometheus selectors, and nothing else', () => {
    expect(objectOf(prod, 'ServiceMonitor', 'fraud-api').metadata.labels?.release).toBe('kube-prometheus-stack');
    expect(objectOf(prod, 'PrometheusRule', 'fraud-api').metadata.labels?.release).toBe('kube-prometheus-stack');
    expect(objectOf(prod, 'CronJob', 'fraud-api-drift-check').metadata.labels?.release).toBeUndefined();
  });

  it('runs the platform drift-check image and pushes to the platform Pushgateway', () => {
    const cronJob = objectOf(prod, 'CronJob', 'fraud-api-drift-check');
    expect(podOf(cronJob).containers[0]!.image).toBe('ghcr.io/acme/drift:2.0.0');
    const config = JSON.parse((objectOf(prod, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(config.push.gateway).toBe('http://pushgw.observability.svc:9191');
    const egress = objectOf(prod, 'NetworkPolicy', 'fraud-api-drift-check-egress').spec as { egress: { ports: { port: number }[]; to: { namespaceSelector: { matchLabels: Record<string, string> } }[] }[] };
    expect(egress.egress[0]!.ports[0]!.port).toBe(9191);
    expect(egress.egress[0]!.to[0]!.namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe('observability');
    expect(validateKubernetesObjects(prod)).toEqual([]);
  });
});
