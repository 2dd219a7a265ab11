import { describe, expect, it } from 'vitest';
import { secureContainer, securePodDefaults } from '../../compiler/emit/security-context.ts';
import type { EmittedObject } from './emit-text.ts';
import { compileCase, goldenCases } from './golden/golden-cases.ts';

interface PodUnderTest {
  readonly where: string;
  readonly pod: EmittedObject;
  readonly containers: EmittedObject[];
  readonly serving: boolean;
}

/** The pod specs of emitted workloads: Deployments and InferenceService predictors (serving), CronJobs (monitoring). */
function workloadPods(object: EmittedObject): PodUnderTest[] {
  const where = `${object.kind} ${object.metadata.namespace}/${object.metadata.name}`;
  if (object.kind === 'CronJob') {
    const pod = object.spec.jobTemplate.spec.template.spec;
    return [{ where, pod, containers: pod.containers, serving: false }];
  }
  if (object.kind === 'Deployment') return [{ where, pod: object.spec.template.spec, containers: object.spec.template.spec.containers, serving: true }];
  if (object.kind !== 'InferenceService') return [];
  const predictors = [object.spec.predictor, ...(object.spec.canary ?? []).map((canary: { predictor: unknown }) => canary.predictor)];
  return predictors.map((predictor) => ({ where, pod: predictor, containers: [predictor.model], serving: true }));
}

describe('secure pod defaults', () => {
  it('hold for every workload pod of every golden fixture (token mounted only where a non-serving pod needs it)', async () => {
    let checked = 0;
    for (const golden of goldenCases()) {
      const result = await compileCase(golden);
      for (const manifest of result.manifests) {
        for (const { where, pod, containers, serving } of workloadPods(manifest.object)) {
          checked++;
          if (serving) expect(pod.automountServiceAccountToken, where).toBe(false);
          else expect(typeof pod.automountServiceAccountToken, where).toBe('boolean');
          expect(pod.securityContext, where).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
          for (const container of containers) {
            expect(container.securityContext, where).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, runAsNonRoot: true, capabilities: { drop: ['ALL'] }, seccompProfile: { type: 'RuntimeDefault' } });
            expect(Object.keys(container.resources.requests).sort(), where).toEqual(expect.arrayContaining(['cpu', 'memory']));
            expect(Object.keys(container.resources.limits).sort(), where).toEqual(expect.arrayContaining(['cpu', 'memory']));
            if (serving) expect([container.readinessProbe?.httpGet?.port, container.livenessProbe?.httpGet?.port].every((port) => typeof port === 'number'), where).toBe(true);
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('give containers env sorted by name, a writable /tmp and probes only when serving', () => {
    const resources = { cpu: '1', memory: '1Gi', gpu: 0, limits: { cpu: '2', memory: '2Gi' } };
    const job = secureContainer({ name: 'job', image: 'ghcr.io/acme/job:1', resources, env: { B: '2', A: '1' } });
    expect(job.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(job.readinessProbe).toBeUndefined();
    expect(job.resources).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } });
    expect(job.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(secureContainer({ name: 's', image: 'i:1', resources, servingPort: 9000 }).ports).toEqual([{ name: 'http', containerPort: 9000, protocol: 'TCP' }]);
    expect(securePodDefaults({ needsToken: true }).automountServiceAccountToken).toBe(true);
    expect(securePodDefaults().automountServiceAccountToken).toBe(false);
  });
});
