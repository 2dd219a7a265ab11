import { describe, expect, it } from 'vitest';
import { validateKubernetesObject, validateKubernetesObjects } from './kubernetes-schemas.js';

type KubernetesObject = Record<string, unknown>;

const labels = { 'app.kubernetes.io/name': 'fraud-model', 'example.com/any-key': 'any value' };
const metadata = { name: 'fraud-model', namespace: 'ml-team', labels, annotations: { 'example.com/note': 'x' } };
const container = {
  name: 'server',
  image: 'ghcr.io/example/server:1.2.3',
  env: [{ name: 'TOKEN', valueFrom: { secretKeyRef: { name: 'token', key: 'value' } } }],
  resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: 1, 'nvidia.com/gpu': '1' } },
  readinessProbe: { httpGet: { path: '/ready', port: 'http' }, periodSeconds: 10 },
  ports: [{ name: 'http', containerPort: 8080 }],
};

function inferenceService(predictor: Record<string, unknown>, extraSpec: Record<string, unknown> = {}): KubernetesObject {
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { ...metadata, annotations: { 'serving.kserve.io/deploymentMode': 'Standard' } },
    spec: { predictor, ...extraSpec },
  };
}

const sklearnPredictor = {
  minReplicas: 1,
  maxReplicas: 4,
  model: { modelFormat: { name: 'sklearn' }, storageUri: 's3://models/fraud/v3', resources: container.resources },
};

function deployment(spec: Record<string, unknown> = {}): KubernetesObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      replicas: 2,
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { serviceAccountName: 'fraud-model', containers: [container] } },
      ...spec,
    },
  };
}

function paths(object: KubernetesObject): string[] {
  return validateKubernetesObject(object)
    .map((violation) => violation.path)
    .sort();
}

describe('custom resources', () => {
  it('accepts a valid InferenceService (Standard mode, replicas on the predictor)', () => {
    expect(validateKubernetesObject(inferenceService(sklearnPredictor))).toEqual([]);
  });

  it('accepts the Standard-mode canary list and the Knative-mode canaryTrafficPercent', () => {
    // Unlike spec.predictor, the canary predictor's model requires a (container) name and a modelFormat.
    const model = { ...sklearnPredictor.model, name: 'kserve-container', storageUri: 's3://models/fraud/v4' };
    const canary = [{ trafficPercent: 10, predictor: { ...sklearnPredictor, model } }];
    expect(validateKubernetesObject(inferenceService(sklearnPredictor, { canary }))).toEqual([]);
    expect(validateKubernetesObject(inferenceService({ ...sklearnPredictor, canaryTrafficPercent: 10 }))).toEqual([]);
    const unnamedCanary = [{ trafficPercent: 10, predictor: sklearnPredictor }];
    expect(paths(inferenceService(sklearnPredictor, { canary: unnamedCanary }))).toEqual(['/spec/canary/0/predictor/model/name']);
  });

  it('rejects a misspelled InferenceService field, naming its path', () => {
    const predictor = { ...sklearnPredictor, model: { ...sklearnPredictor.model, storageUrl: 's3://x' } };
    const violations = validateKubernetesObject(inferenceService(predictor));
    expect(violations).toEqual([
      {
        apiVersion: 'serving.kserve.io/v1beta1',
        kind: 'InferenceService',
        name: 'fraud-model',
        path: '/spec/predictor/model/storageUrl',
        message: 'unknown field "storageUrl"',
      },
    ]);
  });

  it('checks custom resource metadata loosely but rejects unknown metadata fields', () => {
    const object = inferenceService(sklearnPredictor);
    expect(paths({ ...object, metadata: { name: 'x', lables: {} } })).toEqual(['/metadata/lables']);
    expect(paths({ ...object, metadata: { name: 'x', labels: { a: 1 } } })).toEqual(['/metadata/labels/a']);
  });

  it('accepts a CronWorkflow with schedules and rejects the removed singular schedule', () => {
    const cronWorkflow = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'CronWorkflow',
      metadata,
      spec: {
        schedules: ['0 3 * * 1'],
        timezone: 'Europe/Berlin',
        concurrencyPolicy: 'Forbid',
        workflowSpec: { entrypoint: 'train', templates: [{ name: 'train', container }] },
      },
    };
    expect(validateKubernetesObject(cronWorkflow)).toEqual([]);
    const singular = { ...cronWorkflow, spec: { ...cronWorkflow.spec, schedules: undefined, schedule: '0 3 * * 1' } };
    expect(paths(singular)).toEqual(['/spec/schedule', '/spec/schedules']);
  });

  it('requires ServiceMonitor selector and endpoints, and accepts int-or-string ports', () => {
    const serviceMonitor = { apiVersion: 'monitoring.coreos.com/v1', kind: 'ServiceMonitor', metadata };
    expect(paths({ ...serviceMonitor, spec: {} })).toEqual(['/spec/endpoints', '/spec/selector']);
    const endpoints = [{ port: 'http', path: '/metrics', interval: '30s' }, { targetPort: 9090 }, { targetPort: 'metrics' }];
    expect(validateKubernetesObject({ ...serviceMonitor, spec: { selector: { matchLabels: labels }, endpoints } })).toEqual(
      [],
    );
  });

  it('rejects a PrometheusRule rule without expr', () => {
    const rule = { alert: 'ModelDown', for: '5m', labels: { severity: 'page' }, annotations: { summary: 'down' } };
    const prometheusRule = (rules: unknown[]) => ({
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata,
      spec: { groups: [{ name: 'fraud-model', partial_response_strategy: 'Warn', rules }] }, // RE2 (?i) pattern
    });
    expect(validateKubernetesObject(prometheusRule([{ ...rule, expr: 'up == 0' }]))).toEqual([]);
    expect(paths(prometheusRule([rule]))).toEqual(['/spec/groups/0/rules/0/expr']);
  });

  it('accepts an Argo CD Application and AppProject', () => {
    const application = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'ml-team', namespace: 'argocd', finalizers: ['resources-finalizer.argocd.argoproj.io'] },
      spec: {
        project: 'ml-team',
        source: { repoURL: 'https://github.com/example/gitops.git', path: 'rendered/ml-team', targetRevision: 'main' },
        destination: { server: 'https://kubernetes.default.svc', namespace: 'ml-team' },
        syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['CreateNamespace=false'] },
      },
    };
    const appProject = {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name: 'ml-team', namespace: 'argocd' },
      spec: {
        description: 'ML team',
        sourceRepos: ['https://github.com/example/gitops.git'],
        destinations: [{ server: 'https://kubernetes.default.svc', namespace: 'ml-team' }],
        namespaceResourceWhitelist: [{ group: 'serving.kserve.io', kind: 'InferenceService' }],
      },
    };
    expect(validateKubernetesObjects([application, appProject])).toEqual([]);
  });

  it('accepts a Gateway API HTTPRoute with weighted backendRefs', () => {
    const httpRoute = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata,
      spec: {
        parentRefs: [{ name: 'inference-gateway', namespace: 'gateway' }],
        hostnames: ['fraud.models.example.com'],
        rules: [
          {
            matches: [{ path: { type: 'PathPrefix', value: '/v1/models/fraud' } }],
            backendRefs: [
              { name: 'fraud-model-v3', port: 80, weight: 90 },
              { name: 'fraud-model-v4', port: 80, weight: 10 },
            ],
          },
        ],
      },
    };
    expect(validateKubernetesObject(httpRoute)).toEqual([]);
  });
});

describe('core kinds', () => {
  it('accepts a valid Deployment and rejects spec.replicass', () => {
    expect(validateKubernetesObject(deployment())).toEqual([]);
    expect(validateKubernetesObject(deployment({ replicass: 3 }))).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: 'fraud-model',
        path: '/spec/replicass',
        message: 'unknown field "replicass"',
      },
    ]);
  });

  it('reports wrong types, missing required fields and nested unknown fields', () => {
    const template = { spec: { containers: [{ image: 'x', imagePullPolicy: 'Sometimes', portz: [] }] } };
    expect(paths(deployment({ replicas: 'two', template }))).toEqual([
      '/spec/replicas',
      '/spec/template/spec/containers/0/imagePullPolicy',
      '/spec/template/spec/containers/0/name',
      '/spec/template/spec/containers/0/portz',
    ]);
  });

  const coreObjects: KubernetesObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ml-team', labels } },
    { apiVersion: 'v1', kind: 'ResourceQuota', metadata, spec: { hard: { 'requests.cpu': '20', pods: 50 } } },
    {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata,
      spec: { limits: [{ type: 'Container', default: { cpu: '1' }, defaultRequest: { memory: '256Mi' } }] },
    },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata, automountServiceAccountToken: false },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { 'config.yaml': 'a: 1' } },
    { apiVersion: 'v1', kind: 'Secret', metadata, type: 'Opaque', stringData: { token: 'x' }, data: { b: 'eA==' } },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: { type: 'ClusterIP', selector: labels, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'fraud-model' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        behavior: { scaleDown: { stabilizationWindowSeconds: 300, policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }] } },
      },
    },
    { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata, spec: { maxUnavailable: '25%', selector: { matchLabels: labels } } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata,
      rules: [{ apiGroups: ['serving.kserve.io'], resources: ['inferenceservices'], verbs: ['get', 'list'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata,
      subjects: [{ kind: 'Group', name: 'ml-team', apiGroup: 'rbac.authorization.k8s.io' }],
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'fraud-model' },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata,
      spec: {
        podSelector: { matchLabels: labels },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'gateway' } } }, { podSelector: {} }], ports: [{ port: 8080 }] }],
        egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }], ports: [{ protocol: 'UDP', port: 53 }] }],
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata,
      spec: {
        schedule: '0 3 * * 1',
        concurrencyPolicy: 'Forbid',
        jobTemplate: { spec: { backoffLimit: 2, template: { spec: { restartPolicy: 'Never', containers: [container] } } } },
      },
    },
    { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [container] } } } },
  ];

  it.each(coreObjects.map((object) => [`${object.apiVersion} ${object.kind}`, object] as const))('accepts a valid %s', (_, object) => {
    expect(validateKubernetesObject(object)).toEqual([]);
  });

  it('reports an unknown apiVersion/kind as "no schema"', () => {
    const [violation] = validateKubernetesObject({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    expect(violation).toMatchObject({ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', path: '/' });
    expect(violation?.message).toContain('no schema');
  });
});

describe('speed', () => {
  it('validates 5,000 mixed objects quickly once schemas are compiled', () => {
    const mix = [deployment(), inferenceService(sklearnPredictor), ...coreObjectsForSpeed()];
    validateKubernetesObjects(mix);
    const objects = Array.from({ length: 5000 }, (_, index) => mix[index % mix.length]!);
    const start = performance.now();
    expect(validateKubernetesObjects(objects)).toEqual([]);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

function coreObjectsForSpeed(): KubernetesObject[] {
  return [
    { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { a: 'b' } },
    { apiVersion: 'v1', kind: 'Service', metadata, spec: { selector: labels, ports: [{ port: 80 }] } },
  ];
}
