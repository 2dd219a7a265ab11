/** Rollout-phase gating: each capability is rejected below the phase that unlocks it, and only there. */
import { describe, expect, it } from 'vitest';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { validate } from '../../compiler/pipeline.ts';
import { CAPABILITIES, type Capability } from '../../compiler/validate/capabilities.ts';
import { syntheticOrg } from '../support/synthetic-org.ts';

const KITCHEN_SINK_PLATFORM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Platform
metadata: { name: acme, owners: ["@acme/platform", "sso:platform-admins"] }
rollout: { phase: PHASE }
environments:
  dev:
    clusters: [{ name: dev-eu, region: eu-west-1, server: "https://dev-eu.k8s.example:6443" }]
  prod:
    clusters:
      - { name: prod-eu, region: eu-west-1, server: "https://prod-eu.k8s.example:6443" }
      - { name: prod-us, region: us-east-1, server: "https://prod-us.k8s.example:6443" }
      - { name: shop-edge, region: eu-west-1, edge: true, server: "https://shop-edge.k8s.example:6443" }
serving: { images: { sklearn: ghcr.io/acme/sklearn:1.0.0 } }
identity: { secret: storage-credentials }
network: { destinations: { kubernetes-api: { cidrs: ["10.0.0.0/24"], ports: [443, 6443] } }, egress: { pipelines: [kubernetes-api] } }
`;

const KITCHEN_SINK_TEAM = `apiVersion: mlops.cirruslabs.io/v1alpha1
kind: Team
metadata: { name: fraud, owners: ["@acme/fraud"], groups: [fraud-ml] }
models:
  scorer:
    framework: sklearn
    versions:
      "1.0.0": { artifact: s3://m/1.0.0, trainedBy: { pipeline: train }, dataset: { uri: s3://d/1 } }
      "1.1.0": { artifact: s3://m/1.1.0 }
deployments:
  scorer-api:
    model: scorer
    explainer: shap
    additionalModels: [{ model: scorer, version: "1.0.0" }]
    environments:
      dev: { version: "1.0.0", abTest: { strategy: bandit, variants: [{ name: a, version: "1.0.0", traffic: 50 }, { name: b, version: "1.1.0", traffic: 50 }] } }
      prod: { version: "1.0.0", canary: { version: "1.1.0", traffic: 10 } }
pipelines:
  train:
    schedule: "0 3 * * 1"
    produces: scorer
    retrain: { on: drift, deployment: scorer-api }
    hyperparameterSearch: { parameters: { depth: [2, 4] } }
    steps: [{ name: fit, image: ghcr.io/acme/fit:1.0.0 }]
monitoring:
  scorer-api:
    drift: { method: psi, threshold: 0.2, features: [amount], inputs: { uri: "https://logs.acme.io/scorer-api.jsonl" } }
`;

function kitchenSink(phase: number) {
  return validate(sourceTreeFromRecord({ 'platform.yaml': KITCHEN_SINK_PLATFORM.replace('PHASE', String(phase)), 'teams/fraud/mlops.yaml': KITCHEN_SINK_TEAM }));
}

function gatedTitles(messages: readonly string[]): Set<string> {
  return new Set(CAPABILITIES.filter((capability) => messages.some((message) => message.toLowerCase().includes(` uses ${capability.title.toLowerCase()},`))).map((capability) => capability.title));
}

const titlesAbove = (phase: number) => new Set(CAPABILITIES.filter((capability: Capability) => capability.phase > phase).map((capability) => capability.title));

describe('capability table', () => {
  it('has unique ids, phases 2–4 and a detection note', () => {
    expect(new Set(CAPABILITIES.map((capability) => capability.id)).size).toBe(CAPABILITIES.length);
    for (const capability of CAPABILITIES) {
      expect([2, 3, 4]).toContain(capability.phase);
      expect(capability.detectedBy.length).toBeGreaterThan(5);
    }
  });
});

describe('rollout phase gating', () => {
  it.each([1, 2, 3])('at phase %i rejects exactly the capabilities above it, naming the unlocking phase', (phase) => {
    const result = kitchenSink(phase);
    const gated = result.diagnostics.filter((diagnostic) => diagnostic.code === 'ML401');
    expect(gatedTitles(gated.map((diagnostic) => diagnostic.message))).toEqual(titlesAbove(phase));
    for (const diagnostic of gated) {
      expect(diagnostic.message).toMatch(new RegExp(`which rollout phase [${phase + 1}-4] \\(.+\\) unlocks; the platform is at phase ${phase}`));
      expect(diagnostic.hint).toContain('rollout.phase');
    }
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code !== 'ML401')).toEqual([]);
  });

  it('at phase 4 accepts everything', () => {
    expect(kitchenSink(4).diagnostics).toEqual([]);
  });

  it('pins each use to its key', () => {
    const gated = kitchenSink(2).diagnostics.filter((diagnostic) => diagnostic.code === 'ML401');
    const platform = KITCHEN_SINK_PLATFORM.replace('PHASE', '2');
    const pinned = (file: string, text: string, needle: string, after = '') => {
      const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
      return gated.some((diagnostic) => diagnostic.file === file && diagnostic.range.start.offset === offset);
    };
    expect(pinned('platform.yaml', platform, '"sso:platform-admins"')).toBe(true);
    expect(pinned('platform.yaml', platform, 'edge:')).toBe(true);
    const team = 'teams/fraud/mlops.yaml';
    expect(pinned(team, KITCHEN_SINK_TEAM, 'groups:')).toBe(true);
    expect(pinned(team, KITCHEN_SINK_TEAM, 'prod:', 'deployments:')).toBe(true);
    expect(pinned(team, KITCHEN_SINK_TEAM, 'canary:')).toBe(true);
    expect(pinned(team, KITCHEN_SINK_TEAM, 'additionalModels:')).toBe(true);
    expect(pinned(team, KITCHEN_SINK_TEAM, 'abTest:')).toBe(true);
    expect(pinned(team, KITCHEN_SINK_TEAM, 'retrain:')).toBe(true);
    expect(pinned(team, KITCHEN_SINK_TEAM, 'trainedBy:')).toBe(false);
    expect(gated).toHaveLength(11); // eight phase-3 uses and three phase-4 uses (explainer, bandit, hyperparameterSearch)
  });

  it('a synthetic phase-4 org is gated only by phase-4 capabilities at phase 3', () => {
    const files = syntheticOrg({ teams: 2, modelsPerTeam: 5, phase: 4 });
    files['platform.yaml'] = files['platform.yaml']!.replace('rollout: { phase: 4 }', 'rollout: { phase: 3 }');
    const result = validate(sourceTreeFromRecord(files));
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(result.diagnostics.every((diagnostic) => diagnostic.code === 'ML401')).toBe(true);
    expect(gatedTitles(result.diagnostics.map((diagnostic) => diagnostic.message))).toEqual(new Set(['Hyper-parameter search', 'Explainability']));
  });
});
