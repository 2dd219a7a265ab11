import { describe, expect, it } from 'vitest';
import { compileTexts, objectNamed, objectsOfKind, platformYaml, teamYaml } from '../emit-text.ts';

const canaryTeam = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      dev:
        version: "1.1.0"
        replicas: { min: 0, max: 2 }
      prod:
        version: "1.0.0"
        canary: { version: "1.1.0", traffic: 10 }
        replicas: { min: 2, max: 6 }
        resources: { cpu: "2", memory: 4Gi, gpu: 1 }`);

describe('KServe InferenceService', () => {
  it('in Knative mode serves the canary as the latest revision with canaryTrafficPercent', () => {
    const result = compileTexts(platformYaml({ mode: 'Knative' }), canaryTeam);
    const isvc = objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api');
    expect(isvc.metadata.annotations).toMatchObject({ 'serving.kserve.io/deploymentMode': 'Knative', 'mlops.cirruslabs.io/stable-version': '1.0.0' });
    expect(isvc.spec.predictor.canaryTrafficPercent).toBe(10);
    expect(isvc.spec.predictor.model.storageUri).toBe('s3://models/scorer/1.1.0');
    expect(isvc.spec.canary).toBeUndefined();
    expect(isvc.metadata.labels['mlops.cirruslabs.io/version']).toBe('1.0.0');
  });

  it('in Standard mode keeps the stable predictor and puts the canary in spec.canary[]', () => {
    const result = compileTexts(platformYaml({ mode: 'Standard' }), canaryTeam);
    const isvc = objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api');
    expect(isvc.spec.predictor.model.storageUri).toBe('s3://models/scorer/1.0.0');
    expect(isvc.spec.predictor.canaryTrafficPercent).toBeUndefined();
    expect(isvc.spec.canary).toHaveLength(1);
    expect(isvc.spec.canary[0].trafficPercent).toBe(10);
    expect(isvc.spec.canary[0].predictor.model.storageUri).toBe('s3://models/scorer/1.1.0');
  });

  it('in Standard mode names the canary predictor and gives it fixed replicas, as KServe v0.20’s webhook requires', () => {
    const isvc = objectNamed(compileTexts(platformYaml({ mode: 'Standard' }), canaryTeam), 'prod-eu', 'InferenceService', 'scorer-api');
    const canary = isvc.spec.canary[0].predictor;
    expect(canary.name).toBe('canary');
    expect(canary.minReplicas).toBe(2);
    for (const field of ['maxReplicas', 'scaleMetric', 'scaleTarget']) expect(canary).not.toHaveProperty(field);
    expect(canary.model.name).toBe('kserve-container');
    expect(isvc.spec.predictor).not.toHaveProperty('name');
    expect(isvc.spec.predictor.model).not.toHaveProperty('name');
    expect(isvc.spec.predictor).toMatchObject({ maxReplicas: 6, scaleMetric: 'cpu', scaleTarget: 70 });
  });

  it('declares the model server port by name, for the PodMonitor', () => {
    const isvc = objectNamed(compileTexts(platformYaml({ mode: 'Standard' }), canaryTeam), 'prod-eu', 'InferenceService', 'scorer-api');
    expect(isvc.spec.predictor.model.ports).toEqual([{ containerPort: 8080, name: 'http1', protocol: 'TCP' }]);
  });

  it('in Knative mode scales cpu and memory with Knative’s HPA class, concurrency and rps with its own autoscaler', () => {
    const cpu = objectNamed(compileTexts(platformYaml({ mode: 'Knative' }), canaryTeam), 'prod-eu', 'InferenceService', 'scorer-api');
    expect(cpu.metadata.annotations['autoscaling.knative.dev/class']).toBe('hpa.autoscaling.knative.dev');
    const concurrencyTeam = canaryTeam.replace('        replicas: { min: 2, max: 6 }', '        replicas: { min: 2, max: 6 }\n        autoscaling: { metric: concurrency, target: 20 }');
    const concurrency = objectNamed(compileTexts(platformYaml({ mode: 'Knative' }), concurrencyTeam), 'prod-eu', 'InferenceService', 'scorer-api');
    expect(concurrency.metadata.annotations).not.toHaveProperty('autoscaling.knative.dev/class');
    expect(concurrency.spec.predictor.scaleMetric).toBe('concurrency');
  });

  it('requests and limits GPUs, sets replicas, format and secure pod fields', () => {
    const isvc = objectNamed(compileTexts(platformYaml(), canaryTeam), 'prod-eu', 'InferenceService', 'scorer-api');
    const predictor = isvc.spec.predictor;
    expect(predictor.model.resources).toEqual({ limits: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' }, requests: { cpu: '2', memory: '4Gi', 'nvidia.com/gpu': '1' } });
    expect(predictor.model.modelFormat).toEqual({ name: 'xgboost' });
    expect([predictor.minReplicas, predictor.maxReplicas]).toEqual([2, 6]);
    expect(predictor.automountServiceAccountToken).toBe(false);
    expect(predictor.model.readinessProbe.httpGet.port).toBe(8080);
  });

  it('scales to zero in Knative mode but keeps one replica in Standard mode, with ML501 at replicas.min', () => {
    const knative = compileTexts(platformYaml({ mode: 'Knative' }), canaryTeam);
    expect(objectNamed(knative, 'dev-eu', 'InferenceService', 'scorer-api').spec.predictor.minReplicas).toBe(0);
    expect(knative.diagnostics.filter((diagnostic) => diagnostic.code === 'ML501')).toEqual([]);
    const standard = compileTexts(platformYaml({ mode: 'Standard' }), canaryTeam);
    expect(objectNamed(standard, 'dev-eu', 'InferenceService', 'scorer-api').spec.predictor.minReplicas).toBe(1);
    const warning = standard.diagnostics.find((diagnostic) => diagnostic.code === 'ML501');
    expect(warning).toMatchObject({ severity: 'warning', file: 'teams/fraud/mlops.yaml', range: { start: { line: 16, column: 21 } } });
  });

  it('adds a PodDisruptionBudget selecting the predictor pods when at least two replicas must run', () => {
    const result = compileTexts(platformYaml(), canaryTeam);
    expect(objectNamed(result, 'prod-eu', 'PodDisruptionBudget', 'scorer-api').spec.selector.matchLabels).toEqual({ component: 'predictor', 'serving.kserve.io/inferenceservice': 'scorer-api' });
    expect(objectsOfKind(result, 'dev-eu', 'PodDisruptionBudget')).toEqual([]);
  });

  it('splits an A/B test into one InferenceService per variant behind a weighted HTTPRoute', () => {
    const team = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      prod:
        version: "1.0.0"
        abTest:
          variants:
            - { name: old, version: "1.0.0", traffic: 70 }
            - { name: new, version: "1.1.0", traffic: 30 }`);
    const result = compileTexts(platformYaml(), team);
    expect(objectNamed(result, 'prod-eu', 'InferenceService', 'scorer-api-new').spec.predictor.model.storageUri).toBe('s3://models/scorer/1.1.0');
    const route = objectNamed(result, 'prod-eu', 'HTTPRoute', 'scorer-api');
    expect(route.spec.rules[0].backendRefs.map((ref: { name: string; weight: number }) => [ref.name, ref.weight])).toEqual([
      ['scorer-api-old-predictor', 70],
      ['scorer-api-new-predictor', 30],
    ]);
    expect(route.spec.parentRefs[0]).toMatchObject({ kind: 'Gateway', name: 'mlops-gateway', namespace: 'gateway-system' });
  });

  it('loads additional models as TrainedModels into the InferenceService', () => {
    const team = teamYaml(`  ranker:
    framework: lightgbm
    versions:
      "2.0.0": { artifact: gs://models/ranker/2.0.0 }
deployments:
  scorer-api:
    model: scorer
    additionalModels: [{ model: ranker, version: "2.0.0" }]
    environments:
      dev: { version: "1.0.0" }`);
    const trained = objectNamed(compileTexts(platformYaml(), team), 'dev-eu', 'TrainedModel', 'scorer-api-ranker');
    expect(trained.spec).toEqual({ inferenceService: 'scorer-api', model: { framework: 'lightgbm', memory: '1Gi', storageUri: 'gs://models/ranker/2.0.0' } });
  });
});

describe('deployment backend', () => {
  const team = teamYaml(`deployments:
  scorer-api:
    model: scorer
    backend: deployment
    port: 9000
    environments:
      prod:
        version: "1.0.0"
        canary: { version: "1.1.0", traffic: 25 }
        replicas: { min: 2, max: 5 }
        autoscaling: { metric: memory, target: 80 }`);
  const result = compileTexts(platformYaml(), team);

  it('runs stable and canary as separate Deployments behind an HTTPRoute weighted 75/25', () => {
    const stable = objectNamed(result, 'prod-eu', 'Deployment', 'scorer-api');
    const canary = objectNamed(result, 'prod-eu', 'Deployment', 'scorer-api-canary');
    expect(stable.spec.template.spec.containers[0].env).toContainEqual({ name: 'MODEL_URI', value: 's3://models/scorer/1.0.0' });
    expect(canary.spec.template.spec.containers[0].env).toContainEqual({ name: 'MODEL_URI', value: 's3://models/scorer/1.1.0' });
    const route = objectNamed(result, 'prod-eu', 'HTTPRoute', 'scorer-api');
    expect(route.spec.rules[0].backendRefs.map((ref: { name: string; weight: number; port: number }) => [ref.name, ref.port, ref.weight])).toEqual([
      ['scorer-api', 80, 75],
      ['scorer-api-canary', 80, 25],
    ]);
  });

  it('wires Service, HPA and PDB to the pods of their own track', () => {
    for (const name of ['scorer-api', 'scorer-api-canary']) {
      const podLabels = objectNamed(result, 'prod-eu', 'Deployment', name).spec.template.metadata.labels;
      const service = objectNamed(result, 'prod-eu', 'Service', name);
      const pdb = objectNamed(result, 'prod-eu', 'PodDisruptionBudget', name);
      const hpa = objectNamed(result, 'prod-eu', 'HorizontalPodAutoscaler', name);
      for (const selector of [service.spec.selector, pdb.spec.selector.matchLabels]) {
        for (const [key, value] of Object.entries(selector)) expect(podLabels[key], `${name} ${key}`).toBe(value);
      }
      expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 9000 }]);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name });
      expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 5]);
      expect(hpa.spec.metrics[0].resource).toEqual({ name: 'memory', target: { averageUtilization: 80, type: 'Utilization' } });
      expect(podLabels['cdk8s.io/metadata.addr']).toBeUndefined();
    }
    expect(objectNamed(result, 'prod-eu', 'Service', 'scorer-api-canary').spec.selector['mlops.cirruslabs.io/track']).toBe('canary');
  });

  it('pins pods of edge clusters with the node selector and tolerations, serving KServe deployments as Deployments', () => {
    const platform = platformYaml().replace(
      'clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }]',
      'clusters: [{ name: edge-1, region: eu-west-1, server: "https://edge-1.k8s.example:6443", edge: true, nodeSelector: { site: store }, tolerations: [{ key: edge, effect: NoSchedule }] }]',
    );
    const kserveTeam = teamYaml(`deployments:
  scorer-api:
    model: scorer
    environments:
      dev: { version: "1.0.0" }`);
    const edge = compileTexts(platform, kserveTeam);
    expect(objectsOfKind(edge, 'edge-1', 'InferenceService')).toEqual([]);
    const pod = objectNamed(edge, 'edge-1', 'Deployment', 'scorer-api').spec.template.spec;
    expect(pod.nodeSelector).toEqual({ site: 'store' });
    expect(pod.tolerations).toEqual([{ effect: 'NoSchedule', key: 'edge', operator: 'Exists' }]);
    expect(pod.containers[0].image).toBe('ghcr.io/acme/xgb-server:2.1.0');
  });
});

describe('emit diagnostics', () => {
  it('reports ML502 at the deployment when a generated name exceeds 63 characters, and emits nothing', () => {
    const long = 'a'.repeat(60);
    const result = compileTexts(platformYaml(), teamYaml(`deployments:\n  ${long}:\n    model: scorer\n    environments:\n      dev:\n        version: "1.0.0"\n        canary: { version: "1.1.0", traffic: 5 }`));
    expect(result.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.column])).toEqual([['ML502', 11, 3]]);
    expect(result.files).toEqual([]);
  });
});
