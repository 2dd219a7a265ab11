/** Pod specs are found in every kind we emit, so Kubernetes rules see every container. */
import { describe, expect, it } from 'vitest';
import { podSpecsOf } from '../../compiler/policy/pod-specs.ts';
import { checkFixture, manifest, PROD_ENTRY_LINE, secureContainer, securePod, TEAM_FILE, withCode } from './support.ts';

const privileged = () => secureContainer('bad', { securityContext: { ...(secureContainer().securityContext as object), privileged: true } });
const object = (kind: string, spec: Record<string, unknown>) => manifest(kind, spec).object;

describe('podSpecsOf', () => {
  it('finds the template of a Deployment and the job template of a CronJob', () => {
    expect(podSpecsOf(object('Deployment', { template: { spec: securePod() } }))[0]!.containers.map((container) => container.name)).toEqual(['main']);
    expect(podSpecsOf(object('CronJob', { jobTemplate: { spec: { template: { spec: securePod([secureContainer('drift')]) } } } }))[0]!.containers.map((container) => container.name)).toEqual(['drift']);
  });

  it('finds InferenceService predictor containers, the model container, and canary components', () => {
    const spec = {
      predictor: { ...securePod([secureContainer('sidecar')]), model: { modelFormat: { name: 'xgboost' }, storageUri: 's3://m' } },
      transformer: securePod([secureContainer('transform')]),
      canary: [{ predictor: { model: { storageUri: 's3://c' } }, trafficPercent: 10 }],
    };
    const pods = podSpecsOf(object('InferenceService', spec));
    expect(pods.map((pod) => [pod.role, pod.containers.map((container) => container.name)])).toEqual([
      ['predictor', ['sidecar', 'kserve-container']],
      ['transformer', ['transform']],
      ['canary predictor', ['kserve-container']],
    ]);
  });

  it('finds Argo template containers, scripts and init containers, with workflow-level pod settings', () => {
    const workflowSpec = {
      securityContext: { runAsNonRoot: true },
      hostNetwork: true,
      templates: [
        { name: 'dag', dag: { tasks: [{ name: 'train', template: 'train' }] } },
        { name: 'train', container: secureContainer('train'), initContainers: [secureContainer('fetch')] },
        { name: 'report', script: { ...secureContainer('report'), source: 'print(1)' } },
      ],
    };
    const pods = podSpecsOf(object('WorkflowTemplate', workflowSpec));
    expect(pods.map((pod) => [pod.role, pod.containers.map((container) => `${container.kind}:${container.name}`), pod.securityContext, pod.hostNetwork])).toEqual([
      ['template train', ['main:train', 'init:fetch'], { runAsNonRoot: true }, true],
      ['template report', ['main:report'], { runAsNonRoot: true }, true],
    ]);
    expect(podSpecsOf(object('CronWorkflow', { schedule: '0 3 * * *', workflowSpec })).map((pod) => pod.role)).toEqual(['template train', 'template report']);
  });

  it('finds no pods in kinds that run none', () => {
    expect(podSpecsOf(object('Service', { ports: [] }))).toEqual([]);
  });
});

describe('rules on every pod-bearing kind', () => {
  const at = `k8s/no-privileged error ${TEAM_FILE}:${PROD_ENTRY_LINE}:7`;
  const kinds: [string, Record<string, unknown>][] = [
    ['Deployment', { template: { spec: securePod([privileged()]) } }],
    ['CronJob', { jobTemplate: { spec: { template: { spec: securePod([privileged()]) } } } }],
    ['InferenceService', { predictor: { ...securePod([]), model: privileged() } }],
    ['InferenceService', { predictor: securePod([]), canary: [{ predictor: securePod([privileged()]) }] }],
    ['WorkflowTemplate', { templates: [{ name: 'train', container: privileged() }] }],
    ['CronWorkflow', { workflowSpec: { templates: [{ name: 'train', container: privileged() }] } }],
  ];
  for (const [kind, spec] of kinds) {
    it(`reports a privileged container in a ${kind}`, () => {
      expect(withCode(checkFixture({}, [manifest(kind, spec)]), 'k8s/no-privileged')).toEqual([at]);
    });
  }
});
