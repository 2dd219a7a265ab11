/** With real emit: compiling valid config gives no Kubernetes findings, and findings map back to config keys. */
import { describe, expect, it } from 'vitest';
import { emitOrg } from '../../compiler/emit/emit-org.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { compile } from '../../compiler/pipeline.ts';
import { evaluatePolicies } from '../../compiler/policy/evaluate-policies.ts';
import { fixtureFiles, NOW, OTHER_PATHS, resolveFixture, TEAM_FILE, withCode } from './support.ts';

describe('policies on emitted manifests', () => {
  it('compiles the valid fixture with no policy findings at all', () => {
    const result = compile(sourceTreeFromRecord(fixtureFiles(), OTHER_PATHS), { now: NOW });
    expect(result.diagnostics).toEqual([]);
    expect(result.manifests.length).toBeGreaterThan(0);
  });

  it('finds pod specs in every emitted workload kind and flags none of them', () => {
    const org = resolveFixture();
    const { manifests } = emitOrg(org, {});
    const kinds = new Set(manifests.map((manifest) => manifest.object.kind));
    expect([...kinds]).toEqual(expect.arrayContaining(['InferenceService', 'WorkflowTemplate', 'CronJob', 'Namespace', 'NetworkPolicy']));
    expect(withCode(evaluatePolicies(org, manifests, { now: NOW }), 'k8s/')).toEqual([]);
  });

  it("points a finding in a pipeline template at the step's key that produced it (its `image:`)", () => {
    const org = resolveFixture({ team: [['image: ghcr.io/acme/train:1.0.0', 'image: docker.io/acme/train:1.0.0']] });
    const result = evaluatePolicies(org, emitOrg(org, {}).manifests, { now: NOW });
    expect(withCode(result, 'k8s/')).toEqual([`k8s/allowed-registries error ${TEAM_FILE}:47:9`]);
    expect(result.diagnostics[0]!.message).toBe('WorkflowTemplate fraud-dev/train-fraud: container "main" (template train) uses image "docker.io/acme/train:1.0.0" from a registry not in ghcr.io/acme/.');
  });
});
