import { App, Chart } from 'cdk8s';
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
      'PodMonitor/fraud-prod/fraud-api',
      'PrometheusRule/fraud-prod/fraud-api',
      'ConfigMap/fraud-prod/fraud-api-drift-check',
      'ServiceAccount/fraud-prod/fraud-api-drift-check',
      'CronJob/fraud-prod/fraud-api-drift-check',
      'NetworkPolicy/fraud-prod/fraud-api-drift-check-egress',
      'NetworkPolicy/fraud-prod/fraud-api-prediction-log-egress',
      'Role/fraud-prod/fraud-api-prod-drift-retrain',
      'RoleBinding/fraud-prod/fraud-api-prod-drift-retrain',
    ]);
    // fraud-api's prod placement is limited to eu-west-1, so prod-us has nothing to monitor.
    expect(emitWith(emitMonitoring, contextFor(org, 'fraud', 'prod-us'))).toEqual([]);
  });

  it('validates against kubernetes-models and the prometheus-operator CRDs', () => {
    expect(validateKubernetesObjects([...prod, ...staging])).toEqual([]);
  });

  it('scrapes the serving pods’ named port at the runtime’s metrics path and stamps the deployment on every series', () => {
    expect(objectOf(prod, 'PodMonitor', 'fraud-api').spec).toEqual({
      namespaceSelector: { matchNames: ['fraud-prod'] },
      podMetricsEndpoints: [{ interval: '30s', path: '/metrics', port: 'http1', relabelings: [{ action: 'replace', replacement: 'fraud-api', targetLabel: 'mlops_deployment' }] }],
      selector: { matchLabels: { 'app.kubernetes.io/component': 'serving', 'app.kubernetes.io/name': 'fraud-api', 'mlops.cirruslabs.io/team': 'fraud' } },
    });
  });

  it('reaches a metrics port other than the serving port by rewriting the target address', () => {
    const platform = EXAMPLE_PLATFORM.replace('gitops:', 'serving:\n  runtimes:\n    kserve-xgbserver: { metrics: { port: 9090, path: /stats } }\ngitops:');
    const objects = emitWith(emitMonitoring, contextFor(resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM }), 'fraud', 'prod-eu'));
    expect((objectOf(objects, 'PodMonitor', 'fraud-api').spec as { podMetricsEndpoints: unknown[] }).podMetricsEndpoints).toEqual([
      {
        interval: '30s',
        path: '/stats',
        port: 'http1',
        relabelings: [
          { action: 'replace', replacement: 'fraud-api', targetLabel: 'mlops_deployment' },
          { action: 'replace', regex: '(.+)', replacement: '$1:9090', sourceLabels: ['__meta_kubernetes_pod_ip'], targetLabel: '__address__' },
        ],
      },
    ]);
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('alerts on the SLOs the runtime can measure and on drift, and warns about the others', () => {
    const groups = rulesOf(objectOf(prod, 'PrometheusRule', 'fraud-api'));
    // KServe's xgbserver exports a predict-latency histogram and no request counter with the outcome.
    expect(groups.map((group) => [group.name, group.rules.map((rule) => rule.alert)])).toEqual([
      ['fraud-api.slo', ['ModelLatencyP99High']],
      ['fraud-api.drift', ['ModelDataDrift', 'ModelDriftCheckFailing']],
    ]);
    const [latency] = groups[0]!.rules;
    expect(latency!.expr).toBe('histogram_quantile(0.99, sum by (le) (rate(request_predict_seconds_bucket{namespace="fraud-prod",mlops_deployment="fraud-api"}[5m]))) * 1000 > 150');
    expect(latency!.labels).toEqual({ deployment: 'fraud-api', environment: 'prod', severity: 'critical', team: 'fraud' });
    const [drift, failing] = groups[1]!.rules;
    expect(drift!.expr).toBe('max by (feature) (mlops_drift_score{namespace="fraud-prod",mlops_deployment="fraud-api",method="psi"}) > 0.2');
    expect(drift!.for).toBe('5m');
    // Hourly schedule: one hour between runs, the one-hour run deadline and ten minutes of slack.
    expect(failing!.expr).toBe('time() - max(mlops_drift_check_last_success_timestamp_seconds{namespace="fraud-prod",mlops_deployment="fraud-api"}) > 7800');
    expect(rulesOf(objectOf(staging, 'PrometheusRule', 'fraud-api'))[0]!.rules[0]!.labels.severity).toBe('warning');
    const diagnostics = emitMonitoring(new Chart(new App(), 'diagnostics'), contextFor(org, 'fraud', 'prod-eu'));
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity, diagnostic.message.split(' is not alerted')[0]])).toEqual([
      ['ML507', 'warning', '`errorRatePercent` of `fraud-api`'],
      ['ML507', 'warning', '`availabilityPercent` of `fraud-api`'],
    ]);
  });

  it('alerts on error rate and availability with the request counter a platform runtime declares', () => {
    const platform = EXAMPLE_PLATFORM.replace(
      'gitops:',
      'serving:\n  runtimes:\n    kserve-xgbserver:\n      metrics:\n        latency: { histogram: xgb_latency_microseconds, unit: microseconds }\n        requests: { counter: xgb_requests_total, errorLabel: outcome, errorPattern: "error|timeout" }\ngitops:',
    );
    const context = contextFor(resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM }), 'fraud', 'prod-eu');
    const [latency, errors, availability] = rulesOf(objectOf(emitWith(emitMonitoring, context), 'PrometheusRule', 'fraud-api'))[0]!.rules;
    const match = 'namespace="fraud-prod",mlops_deployment="fraud-api"';
    expect(latency!.expr).toBe(`histogram_quantile(0.99, sum by (le) (rate(xgb_latency_microseconds_bucket{${match}}[5m]))) * 0.001 > 150`);
    expect(errors!.expr).toBe(`sum(rate(xgb_requests_total{${match},outcome=~"error|timeout"}[5m])) / sum(rate(xgb_requests_total{${match}}[5m])) * 100 > 1`);
    expect(availability!.expr).toBe(`(1 - sum(rate(xgb_requests_total{${match},outcome=~"error|timeout"}[1h])) / sum(rate(xgb_requests_total{${match}}[1h]))) * 100 < 99.9`);
    expect(emitMonitoring(new Chart(new App(), 'diagnostics'), context)).toEqual([]);
  });

  it('scrapes nothing and warns when the platform does not know the runtime', () => {
    const team = EXAMPLE_TEAM.replace('    framework: xgboost\n', '    framework: custom\n    runtime: team-custom-server\n');
    const context = contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'prod-eu');
    const objects = emitWith(emitMonitoring, context);
    expect(objects.some((object) => object.kind === 'PodMonitor')).toBe(false);
    expect(rulesOf(objectOf(objects, 'PrometheusRule', 'fraud-api')).map((group) => group.name)).toEqual(['fraud-api.drift']);
    expect(emitMonitoring(new Chart(new App(), 'diagnostics'), context).map((diagnostic) => diagnostic.code)).toEqual(['ML507']);
  });

  it('writes the drift check config: method, threshold, features, baseline from the stable version and retraining', () => {
    const config = JSON.parse((objectOf(prod, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(config).toMatchObject({
      baseline: 's3://data/fraud/2026-09',
      features: ['amount', 'country'],
      method: 'psi',
      inputs: { format: 'kserve', uri: 'http://prediction-log-sink.monitoring.svc/events/fraud-prod/fraud-api', window: '24h' },
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

  it('lets the drift check reach the Pushgateway and the logged predictions through the default-deny network policy', () => {
    const policy = objectOf(prod, 'NetworkPolicy', 'fraud-api-drift-check-egress');
    const podLabels = (objectOf(prod, 'CronJob', 'fraud-api-drift-check').spec as { jobTemplate: { spec: { template: { metadata: { labels: Record<string, string> } } } } }).jobTemplate.spec.template.metadata.labels;
    const monitoringNamespace = [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }];
    expect(policy.spec).toEqual({
      egress: [
        { ports: [{ port: 9091, protocol: 'TCP' }], to: monitoringNamespace },
        { ports: [{ port: 80, protocol: 'TCP' }], to: monitoringNamespace },
      ],
      podSelector: { matchLabels: podLabels },
      policyTypes: ['Egress'],
    });
  });

  it('lets the serving pods’ payload logger reach the prediction-log sink', () => {
    expect(objectOf(prod, 'NetworkPolicy', 'fraud-api-prediction-log-egress').spec).toEqual({
      egress: [{ ports: [{ port: 80, protocol: 'TCP' }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }] }],
      podSelector: { matchLabels: { 'app.kubernetes.io/component': 'serving', 'app.kubernetes.io/name': 'fraud-api', 'mlops.cirruslabs.io/team': 'fraud' } },
      policyTypes: ['Egress'],
    });
  });

  it('reads a monitor’s declared inputs instead of the payload logger’s', () => {
    const team = EXAMPLE_TEAM.replace('features: [amount, country] }', 'features: [amount, country], inputs: { uri: "https://logs.acme.io/fraud.jsonl", format: features, window: 2h, columns: [amount, country] } }');
    const objects = emitWith(emitMonitoring, contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'prod-eu'));
    const config = JSON.parse((objectOf(objects, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(config.inputs).toEqual({ columns: ['amount', 'country'], format: 'features', uri: 'https://logs.acme.io/fraud.jsonl', window: '2h' });
    // HTTPS on 443 is already allowed by the namespace default; no payload logger, so no sink policy.
    expect((objectOf(objects, 'NetworkPolicy', 'fraud-api-drift-check-egress').spec as { egress: unknown[] }).egress).toHaveLength(1);
    expect(objects.some((object) => object.metadata.name === 'fraud-api-prediction-log-egress')).toBe(false);
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

  it('submits to another cluster at its declared server with the required team credentials Secret, no token and no local Role', () => {
    const team = EXAMPLE_TEAM.replace('    retrain: { on: drift, deployment: fraud-api }\n    environment: prod\n', '    retrain: { on: drift, deployment: fraud-api }\n    environment: dev\n');
    const objects = emitWith(emitMonitoring, contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'prod-eu'));
    const config = JSON.parse((objectOf(objects, 'ConfigMap', 'fraud-api-drift-check').data as Record<string, string>)['drift-check.json']!);
    expect(config.retrain).toEqual([{ cluster: 'dev-eu', inCluster: false, namespace: 'fraud-dev', pipeline: 'retrain-fraud', server: 'https://dev-eu.k8s.example:6443', workflowTemplate: 'retrain-fraud' }]);
    const pod = podOf(objectOf(objects, 'CronJob', 'fraud-api-drift-check'));
    expect(pod.containers[0]!.envFrom).toEqual([{ secretRef: { name: 'fraud-retrain-credentials' } }]);
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(objects.some((object) => object.kind === 'Role')).toBe(false);
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('schedules the drift check where an edge cluster asks (node selector and tolerations)', () => {
    const platform = EXAMPLE_PLATFORM.replace(
      'gitops:',
      '  edge:\n    clusters: [{ name: store-1, region: eu-west-1, edge: true, nodeSelector: { node-role: edge }, tolerations: [{ key: edge, effect: NoSchedule }, { key: zone, value: store, effect: NoExecute }] }]\ngitops:',
    );
    const team = EXAMPLE_TEAM.replace('    model: fraud-detector\n    environments:\n', '    model: fraud-detector\n    image: ghcr.io/acme/xgb-server:1.0.0\n    environments:\n      edge: { version: "1.4.0" }\n').replace(
      'features: [amount, country] }',
      'features: [amount, country], inputs: { uri: "https://logs.acme.io/fraud.jsonl" } }',
    );
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
    expect(objects.map((object) => object.kind)).toEqual(['PodMonitor', 'PrometheusRule']);
    expect(rulesOf(objects[1]!)).toEqual([{ name: 'fraud-api.slo', rules: [expect.objectContaining({ alert: 'ModelLatencyP99High' })] }]);
  });
});

describe('emitMonitoring with platform monitoring settings', () => {
  const platform = EXAMPLE_PLATFORM.replace(
    'monitoring:\n',
    'monitoring:\n  driftCheckImage: ghcr.io/acme/drift:2.0.0\n  pushgateway: { namespace: observability, service: pushgw, port: 9191 }\n  selectorLabels: { release: kube-prometheus-stack }\n',
  );
  const org = resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': EXAMPLE_TEAM });
  const prod = emitWith(emitMonitoring, contextFor(org, 'fraud', 'prod-eu'));

  it('labels PodMonitors and PrometheusRules for the Prometheus selectors, and nothing else', () => {
    expect(objectOf(prod, 'PodMonitor', 'fraud-api').metadata.labels?.release).toBe('kube-prometheus-stack');
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
