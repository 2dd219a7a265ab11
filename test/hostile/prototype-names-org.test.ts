/**
 * An org whose every name is an `Object.prototype` key (team, model, deployment, pipeline, step and
 * environment `constructor`, versions `valueOf` and `toString`, a metric, an env var and a quota key
 * `__proto__`, a feature `hasOwnProperty`) compiles to the same objects, modulo names, as the same
 * org with ordinary names of the same lengths.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { compile } from '../../compiler/pipeline.ts';
import { edit, PLATFORM, TEAM } from './support.ts';

type Names = Readonly<Record<'team' | 'model' | 'deployment' | 'pipeline' | 'step' | 'environment' | 'v1' | 'v2' | 'metric' | 'envVar' | 'feature', string>>;

/** Ordinary names, each as long as its hostile counterpart, so no length limit treats them differently. */
const ORDINARY: Names = { team: 'teamnamexyz', model: 'modelnamexy', deployment: 'deploynamex', pipeline: 'pipelinexyz', step: 'stepnamexyz', environment: 'envnamexyzw', v1: 'tostrinx', v2: 'valuexx', metric: '_metricxy', envVar: 'ENVVARXYZ', feature: 'featurenamexyz' };

const HOSTILE: Names = { team: 'constructor', model: 'constructor', deployment: 'constructor', pipeline: 'constructor', step: 'constructor', environment: 'constructor', v1: 'toString', v2: 'valueOf', metric: '__proto__', envVar: '__proto__', feature: 'hasOwnProperty' };

function org(names: Names): Record<string, string> {
  const platform = edit(
    PLATFORM,
    ['  staging:\n    promotion: { from: dev }', `  ${names.environment}:\n    tier: staging\n    promotion: { from: dev }`],
    ['promotion: { from: staging }', `promotion: { from: ${names.environment} }`],
    ['  perTeam: { cpu: "16", memory: 64Gi, gpu: 0, pods: 40 }', `  perTeam: { cpu: "16", memory: 64Gi, gpu: 0, pods: 40 }\n  teams:\n    ${names.team}: { cpu: "24", memory: 96Gi, gpu: 0, pods: 60 }\n    __proto__: { cpu: "1", memory: 1Gi, gpu: 0, pods: 1 }`],
  );
  const team = TEAM.replace('name: fraud\n', `name: ${names.team}\n`)
    .replaceAll('fraud-detector', names.model)
    .replaceAll('fraud-api', names.deployment)
    .replaceAll('train-fraud', names.pipeline)
    .replace('- name: train\n', `- name: ${names.step}\n        env: { ${names.envVar}: "1" }\n`)
    .replaceAll('"1.4.0"', `"${names.v1}"`)
    .replaceAll('"1.5.0"', `"${names.v2}"`)
    .replaceAll('metrics: { auc: 0.', `metrics: { ${names.metric}: 0.5, auc: 0.`)
    .replace('      staging:\n', `      ${names.environment}:\n`)
    .replace('features: [amount]', `features: [amount, ${names.feature}]`);
  return { 'platform.yaml': platform, [`teams/${names.team}/mlops.yaml`]: team };
}

function cards(names: Names): string[] {
  return [`teams/${names.team}/cards/fraud-1.4.0.md`, `teams/${names.team}/cards/fraud-1.5.0.md`];
}

/** A value with every array sorted (by canonical JSON), so objects compare as sets where order is only by name. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, canonical(item)]));
  return value;
}

/** The compiled files of an org, by path, each parsed; ordinary names rewritten to hostile ones when `rename` is given. */
function compiled(names: Names, rename?: Names): Map<string, unknown> {
  const result = compile(sourceTreeFromRecord(org(names), cards(names)), { now: new Date('2026-12-01T00:00:00Z') });
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  const swap = (text: string) => (rename ? (Object.keys(names) as (keyof Names)[]).reduce((current, key) => current.replaceAll(names[key], rename[key]), text) : text);
  return new Map(result.files.map((file) => [swap(file.path), canonical(parse(swap(file.content)))]));
}

describe('an org named with Object.prototype keys', () => {
  it('compiles to the same objects, modulo names, as the same org with ordinary names', () => {
    const hostile = compiled(HOSTILE);
    const ordinary = compiled(ORDINARY, HOSTILE);
    expect([...hostile.keys()].sort()).toEqual([...ordinary.keys()].sort());
    for (const [path, object] of hostile) expect(object, path).toEqual(ordinary.get(path));
    // The team-specific quota applies to team `constructor` (not the inherited Object constructor).
    const quota = [...hostile.entries()].find(([path]) => /resourcequota/i.test(path))?.[1] as { spec: { hard: Record<string, string> } } | undefined;
    expect(quota?.spec.hard).toMatchObject({ 'requests.cpu': '24' });
  });
});
