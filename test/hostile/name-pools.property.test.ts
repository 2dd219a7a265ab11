/**
 * Property: orgs whose names come from pools of every `Object.prototype` key and collision-prone
 * pairs (`t`/`t-x` with environments `x-dev`/`dev`, `a`/`a-b` with variant `b`, names of our own
 * charts) never crash the compiler; an undeclared name is always reported, never found on the
 * prototype; and whatever compiles emits every (cluster, kind, namespace, name) once, each namespace
 * for one team, with no `__proto__` label and only finite numbers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { Manifest } from '../../compiler/emit/manifest.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { compile } from '../../compiler/pipeline.ts';
import { FUZZING, failOnNodeWarnings, fuzzParameters } from '../support/fuzz-settings.ts';
import { PROTOTYPE_KEYS } from './support.ts';

/** DNS-valid names that collide once joined with `-`, and names of our own constructs and folders. */
const COLLISION_PRONE = ['t', 't-x', 'x', 'x-dev', 'dev', 'a', 'a-b', 'b', 'gitops', 'env', 'registry', 'clusters', 'argocd', 'kube', 'default', 'prod', 'staging', 'constructor'];
const NAMES = [...PROTOTYPE_KEYS, ...COLLISION_PRONE];
const VERSIONS = ['1.0.0', '2.0.0', 'valueOf', 'toString', 'hasOwnProperty', '__proto__', 'constructor'];

interface DeploymentSpec {
  readonly name: string;
  /** Undefined: the team's first model. */
  readonly model: string | undefined;
  readonly environments: readonly { readonly name: string; readonly version: string; readonly variant?: string }[];
}
interface TeamSpec {
  readonly name: string;
  readonly models: readonly { readonly name: string; readonly versions: readonly string[] }[];
  readonly deployments: readonly DeploymentSpec[];
  readonly quota: boolean;
}
interface OrgSpec {
  readonly environments: readonly string[];
  readonly teams: readonly TeamSpec[];
}

/** Mostly names that can compile (so the output is checked), often a prototype key. */
const name = fc.oneof({ arbitrary: fc.constantFrom(...COLLISION_PRONE), weight: 3 }, { arbitrary: fc.constantFrom(...NAMES), weight: 1 });
const version = fc.oneof({ arbitrary: fc.constantFrom('1.0.0', '2.0.0'), weight: 3 }, { arbitrary: fc.constantFrom(...VERSIONS), weight: 1 });
/** A deployment's model: the team's first model (undefined) or any name. */
const modelReference = fc.option(name, { nil: undefined, freq: 2 });

const orgSpec: fc.Arbitrary<OrgSpec> = fc.uniqueArray(name, { minLength: 1, maxLength: 3 }).chain((environments) =>
  fc.record({
    environments: fc.constant(environments),
    teams: fc.uniqueArray(
      fc.record({
        name,
        models: fc.uniqueArray(fc.record({ name, versions: fc.uniqueArray(version, { minLength: 1, maxLength: 2 }) }), { minLength: 1, maxLength: 2, selector: (model) => model.name }),
        deployments: fc.uniqueArray(
          fc.record({
            name,
            model: modelReference,
            environments: fc.uniqueArray(fc.record({ name: fc.constantFrom(...environments, ...PROTOTYPE_KEYS.slice(0, 2)), version, variant: fc.option(name, { nil: undefined }) }), { minLength: 1, maxLength: 2, selector: (entry) => entry.name }),
          }),
          { maxLength: 2, selector: (deployment) => deployment.name },
        ),
        quota: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3, selector: (team) => team.name },
    ),
  }),
);

const q = (text: string) => JSON.stringify(text);

function platformYaml(spec: OrgSpec): string {
  const environments = spec.environments.map((environment, index) => `  ${q(environment)}:\n    tier: ${index === 0 ? 'development' : 'staging'}\n    clusters:\n      - { name: ${q(`c${index}`)}, region: r${index}, server: "https://c${index}.k8s.example:6443" }`).join('\n');
  const quotas = spec.teams.filter((team) => team.quota).map((team) => `    ${q(team.name)}: { cpu: "4", memory: 8Gi, gpu: 0, pods: 10 }`);
  return [
    'apiVersion: mlops.cirruslabs.io/v1alpha1',
    'kind: Platform',
    'metadata: { name: acme, owners: ["@acme/platform"] }',
    'rollout: { phase: 3 }',
    'environments:',
    environments,
    'serving: { default: kserve, images: { xgboost: ghcr.io/acme/xgb:1.0.0 } }',
    ...(quotas.length > 0 ? ['quotas:', '  teams:', ...quotas] : []),
    'gitops: { deployRepo: acme/deploy }',
    '',
  ].join('\n');
}

function teamYaml(team: TeamSpec): string {
  const models = team.models.map((model) => `  ${q(model.name)}:\n    framework: xgboost\n    versions:\n${model.versions.map((entry) => `      ${q(entry)}: { artifact: "s3://m/${entry}", metrics: { ${q(team.name)}: 0.5 } }`).join('\n')}`);
  const deployments = team.deployments.map((deployment) => {
    const environments = deployment.environments.map((entry) => {
      const variants = entry.variant === undefined ? '' : `, abTest: { variants: [{ name: ${q(entry.variant)}, version: ${q(entry.version)}, traffic: 50 }, { name: "zz", version: ${q(entry.version)}, traffic: 50 }] }`;
      return `      ${q(entry.name)}: { version: ${q(entry.version)}${variants} }`;
    });
    return `  ${q(deployment.name)}:\n    model: ${q(deployment.model ?? team.models[0]!.name)}\n    environments:\n${environments.join('\n')}`;
  });
  return [
    'apiVersion: mlops.cirruslabs.io/v1alpha1',
    'kind: Team',
    `metadata: { name: ${q(team.name)}, owners: ["@acme/t"] }`,
    'models:',
    ...models,
    ...(deployments.length > 0 ? ['deployments:', ...deployments] : []),
    '',
  ].join('\n');
}

function errorsIn(diagnostics: readonly Diagnostic[], file: string, code: string): number {
  return diagnostics.filter((diagnostic) => diagnostic.file === file && diagnostic.code === code && diagnostic.severity === 'error').length;
}

function numbersAreFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(numbersAreFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(numbersAreFinite);
  return true;
}

function checkEmitted(manifests: readonly Manifest[]): void {
  const seen = new Set<string>();
  const namespaceOwner = new Map<string, string>();
  for (const { cluster, team, object } of manifests) {
    if (cluster === '') continue;
    const key = `${cluster}|${object.apiVersion.split('/')[0]}|${object.kind}|${object.metadata.namespace ?? ''}|${object.metadata.name}`;
    expect(seen.has(key), `emitted twice: ${key}`).toBe(false);
    seen.add(key);
    if (object.kind === 'Namespace') {
      const owner = namespaceOwner.get(object.metadata.name);
      expect(owner === undefined || owner === team, `namespace ${object.metadata.name} of ${owner} and ${team}`).toBe(true);
      namespaceOwner.set(object.metadata.name, team);
    }
    expect(Object.hasOwn(object.metadata.labels ?? {}, '__proto__')).toBe(false);
    expect(numbersAreFinite(object)).toBe(true);
  }
}

describe('orgs named from hostile name pools', () => {
  failOnNodeWarnings();

  it('never crash, report every undeclared name, and emit each object and namespace once', () => {
    let compiledOrgs = 0;
    fc.assert(
      fc.property(orgSpec, (spec) => {
        const files: Record<string, string> = { 'platform.yaml': platformYaml(spec) };
        for (const team of spec.teams) files[`teams/${team.name}/mlops.yaml`] = teamYaml(team);
        const result = compile(sourceTreeFromRecord(files), { now: new Date('2026-12-01T00:00:00Z'), policies: false });
        for (const team of spec.teams) {
          const file = `teams/${team.name}/mlops.yaml`;
          // A team whose name is no DNS label stops at ML301 before references are checked.
          if (errorsIn(result.diagnostics, file, 'ML301') > 0 || result.diagnostics.some((diagnostic) => diagnostic.file === file && /^ML[12]/.test(diagnostic.code))) continue;
          for (const deployment of team.deployments) {
            const declared = deployment.model === undefined || team.models.some((model) => model.name === deployment.model);
            if (!declared) expect(errorsIn(result.diagnostics, file, 'ML302'), `model ${deployment.model} of ${team.name}`).toBeGreaterThan(0);
            for (const entry of deployment.environments) {
              if (!spec.environments.includes(entry.name)) expect(errorsIn(result.diagnostics, file, 'ML307'), `environment ${entry.name}`).toBeGreaterThan(0);
            }
          }
        }
        if (result.manifests.length > 0) {
          compiledOrgs++;
          checkEmitted(result.manifests);
        }
        for (const diagnostic of result.diagnostics) expect(diagnostic.range.start.line).toBeGreaterThanOrEqual(1);
      }),
      fuzzParameters(60),
    );
    // The pools are hostile, but some orgs get through and their output is checked.
    expect(compiledOrgs).toBeGreaterThan(0);
  }, FUZZING ? 3_600_000 : 120_000);
});
