import { describe, expect, it } from 'vitest';
import { emitPipelines } from '../../../compiler/emit/pipelines/emit-pipelines.ts';
import { validateKubernetesObjects } from '../../support/kubernetes-schemas.ts';
import { contextFor, EXAMPLE_PLATFORM, EXAMPLE_TEAM, emitWith, objectOf, resolveExample } from './example-org.ts';

type Template = { name: string; dag?: { tasks: Record<string, unknown>[] }; container?: Record<string, unknown>; inputs?: { parameters: { name: string }[] } };
const templatesOf = (object: Record<string, unknown>) => (object.spec as { templates: Template[] }).templates;
const specOf = (object: Record<string, unknown>) => object.spec as Record<string, unknown>;

describe('emitPipelines', () => {
  const org = resolveExample();
  const dev = emitWith(emitPipelines, contextFor(org, 'fraud', 'dev-eu'));
  const prod = emitWith(emitPipelines, contextFor(org, 'fraud', 'prod-eu'));

  it('emits the pipelines of the context cluster only, with a CronWorkflow only for scheduled ones', () => {
    expect(dev.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`)).toEqual([
      'ServiceAccount/fraud-dev/pipeline-executor',
      'Role/fraud-dev/pipeline-executor',
      'RoleBinding/fraud-dev/pipeline-executor',
      'WorkflowTemplate/fraud-dev/train-fraud',
      'CronWorkflow/fraud-dev/train-fraud',
      'WorkflowTemplate/fraud-dev/tune-fraud',
    ]);
    expect(prod.map((object) => `${object.kind}/${object.metadata.namespace}/${object.metadata.name}`)).toEqual([
      'ServiceAccount/fraud-prod/pipeline-executor',
      'Role/fraud-prod/pipeline-executor',
      'RoleBinding/fraud-prod/pipeline-executor',
      'WorkflowTemplate/fraud-prod/retrain-fraud',
    ]);
    expect(emitWith(emitPipelines, contextFor(org, 'fraud', 'stg-eu'))).toEqual([]);
  });

  it('validates against the Argo Workflows CRDs with unknown fields rejected', () => {
    expect(validateKubernetesObjects([...dev, ...prod])).toEqual([]);
  });

  it('turns dependsOn into DAG dependencies and steps into secured container templates', () => {
    const template = objectOf(dev, 'WorkflowTemplate', 'train-fraud');
    expect(specOf(template).entrypoint).toBe('main');
    const [dag, extract, train] = templatesOf(template);
    expect(dag!.dag!.tasks).toEqual([
      { name: 'extract', template: 'extract' },
      { dependencies: ['extract'], name: 'train', template: 'train' },
    ]);
    expect(extract!.container).toMatchObject({
      command: ['python', 'extract.py'],
      env: [{ name: 'BATCH', value: '100' }, { name: 'SOURCE', value: 'warehouse' }],
      envFrom: [{ secretRef: { name: 'warehouse-credentials' } }],
      image: 'ghcr.io/acme/extract:1.0.0',
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      volumeMounts: [{ mountPath: '/tmp', name: 'tmp' }],
    });
    expect(train!.container).toMatchObject({
      args: ['--epochs', '10'],
      resources: { limits: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' }, requests: { cpu: '4', memory: '16Gi', 'nvidia.com/gpu': '1' } },
    });
    expect(train!.container).not.toHaveProperty('envFrom');
    expect(specOf(template).securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(specOf(template).volumes).toEqual([expect.objectContaining({ name: 'tmp', emptyDir: expect.any(Object) })]);
  });

  it('keeps service-account tokens away from steps; only the Argo executor may report results', () => {
    const spec = specOf(objectOf(dev, 'WorkflowTemplate', 'train-fraud'));
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.executor).toEqual({ serviceAccountName: 'pipeline-executor' });
    expect(objectOf(dev, 'Role', 'pipeline-executor').rules).toEqual([{ apiGroups: ['argoproj.io'], resources: ['workflowtaskresults'], verbs: ['create', 'patch'] }]);
    expect(objectOf(dev, 'RoleBinding', 'pipeline-executor')).toMatchObject({
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pipeline-executor' },
      subjects: [{ kind: 'ServiceAccount', name: 'pipeline-executor', namespace: 'fraud-dev' }],
    });
  });

  it('schedules with the `schedules` list and references the template', () => {
    const cron = objectOf(dev, 'CronWorkflow', 'train-fraud');
    const spec = specOf(cron);
    expect(spec.schedules).toEqual(['0 3 * * 1']);
    expect(spec).not.toHaveProperty('schedule');
    expect(spec.timezone).toBe('Europe/Berlin');
    expect(spec.workflowSpec).toEqual({ workflowTemplateRef: { name: 'train-fraud' } });
    expect((spec.workflowMetadata as { labels: Record<string, string> }).labels['mlops.cirruslabs.io/trigger']).toBe('schedule');
  });

  it('labels every object and names the config line that declared it', () => {
    const template = objectOf(dev, 'WorkflowTemplate', 'train-fraud');
    expect(template.metadata.labels).toEqual({
      'app.kubernetes.io/component': 'pipeline',
      'app.kubernetes.io/managed-by': 'cirrus-mlops',
      'app.kubernetes.io/name': 'train-fraud',
      'app.kubernetes.io/part-of': 'fraud',
      'mlops.cirruslabs.io/environment': 'dev',
      'mlops.cirruslabs.io/model': 'fraud-detector',
      'mlops.cirruslabs.io/team': 'fraud',
    });
    expect(template.metadata.annotations).toEqual({ 'mlops.cirruslabs.io/source': 'teams/fraud/mlops.yaml:29' });
    expect(objectOf(prod, 'WorkflowTemplate', 'retrain-fraud').metadata.annotations).toEqual({ 'mlops.cirruslabs.io/retrain-on': 'drift', 'mlops.cirruslabs.io/source': 'teams/fraud/mlops.yaml:44' });
  });

  it('fans a hyper-parameter search out over its trials with withItems', () => {
    const template = objectOf(dev, 'WorkflowTemplate', 'tune-fraud');
    expect(specOf(template).entrypoint).toBe('search');
    expect(template.metadata.annotations?.['mlops.cirruslabs.io/hyperparameter-search']).toBe('grid, max 4 trials');
    const [search, trial, step] = templatesOf(template);
    const fanOut = search!.dag!.tasks[0]!;
    expect(fanOut).toMatchObject({ name: 'trial', template: 'trial' });
    expect(fanOut.withItems).toEqual([
      { 'learning-rate': '0.1', max_depth: '4' },
      { 'learning-rate': '0.1', max_depth: '6' },
      { 'learning-rate': '0.1', max_depth: '8' },
      { 'learning-rate': '0.01', max_depth: '4' },
    ]);
    expect(fanOut.arguments).toEqual({ parameters: [{ name: 'learning-rate', value: '{{item.learning-rate}}' }, { name: 'max_depth', value: '{{item.max_depth}}' }] });
    expect(trial!.inputs!.parameters).toEqual([{ name: 'learning-rate' }, { name: 'max_depth' }]);
    expect(trial!.dag!.tasks[0]).toMatchObject({ name: 'train', template: 'train' });
    expect(step!.container!.env).toEqual([
      { name: 'HP_LEARNING_RATE', value: '{{inputs.parameters.learning-rate}}' },
      { name: 'HP_MAX_DEPTH', value: '{{inputs.parameters.max_depth}}' },
    ]);
  });

  it('runs pipelines of an edge environment on the edge nodes', () => {
    const platform = EXAMPLE_PLATFORM.replace('gitops:', '  edge:\n    clusters: [{ name: store-1, region: eu-west-1, server: "https://store-1.k8s.example:6443", edge: true, nodeSelector: { node-role: edge }, tolerations: [{ key: edge, effect: NoSchedule }] }]\ngitops:');
    const team = EXAMPLE_TEAM.replace('    environment: prod\n', '    environment: edge\n');
    const objects = emitWith(emitPipelines, contextFor(resolveExample({ 'platform.yaml': platform, 'teams/fraud/mlops.yaml': team }), 'fraud', 'store-1'));
    expect(specOf(objectOf(objects, 'WorkflowTemplate', 'retrain-fraud'))).toMatchObject({ nodeSelector: { 'node-role': 'edge' }, tolerations: [{ effect: 'NoSchedule', key: 'edge', operator: 'Exists' }] });
    expect(specOf(objectOf(dev, 'WorkflowTemplate', 'train-fraud'))).not.toHaveProperty('tolerations');
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('keeps the entrypoint distinct from a step called `main`', () => {
    const team = EXAMPLE_TEAM.replace('- { name: train, image: "ghcr.io/acme/train:2.1.0" }\n  tune-fraud', '- { name: main, image: "ghcr.io/acme/train:2.1.0" }\n  tune-fraud');
    const objects = emitWith(emitPipelines, contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'prod-eu'));
    const template = objectOf(objects, 'WorkflowTemplate', 'retrain-fraud');
    expect(specOf(template).entrypoint).toBe('main-x');
    expect(templatesOf(template).map((entry) => entry.name)).toEqual(['main-x', 'main']);
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });

  it('keeps CronWorkflow names within 52 characters and marks scheduled retraining', () => {
    const longName = 'train-the-fraud-detector-every-monday-morning-in-europe';
    const team = EXAMPLE_TEAM.replace('  train-fraud:\n    schedule', `  ${longName}:\n    retrain: { on: schedule }\n    schedule`).replace('trainedBy: { pipeline: train-fraud, run: r-2026-10-01 }', `trainedBy: { pipeline: ${longName} }`).replace('trainedBy: { pipeline: train-fraud, run: r-2026-11-01 }', `trainedBy: { pipeline: ${longName} }`);
    const objects = emitWith(emitPipelines, contextFor(resolveExample({ 'platform.yaml': EXAMPLE_PLATFORM, 'teams/fraud/mlops.yaml': team }), 'fraud', 'dev-eu'));
    const cron = objects.find((object) => object.kind === 'CronWorkflow')!;
    expect(cron.metadata.name.length).toBeLessThanOrEqual(52);
    expect(cron.metadata.name).toMatch(/^train-the-fraud-detector-every-monday-morni-[0-9a-f]{8}$/);
    expect(specOf(cron).workflowSpec).toEqual({ workflowTemplateRef: { name: longName } });
    expect((specOf(cron).workflowMetadata as { labels: Record<string, string> }).labels['mlops.cirruslabs.io/trigger']).toBe('retrain');
    expect(validateKubernetesObjects(objects)).toEqual([]);
  });
});
