/** Shared helpers of the policy tests: load the valid fixture (optionally edited), resolve it, build manifests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { KubernetesObject, Manifest } from '../../compiler/emit/manifest.ts';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { validate } from '../../compiler/pipeline.ts';
import { evaluatePolicies, type PolicyContext, type PolicyResult } from '../../compiler/policy/evaluate-policies.ts';
import type { ResolvedOrg } from '../../compiler/resolve/resolved-org.ts';

/** The injected clock of every policy test. */
export const NOW = new Date('2026-11-27T12:00:00Z');

const VALID = join(import.meta.dirname, '..', 'fixtures', 'policy', 'valid');

/** Path of the team file in the fixture. */
export const TEAM_FILE = 'teams/fraud/mlops.yaml';

/** The valid fixture's files as text. */
export const VALID_FILES: Readonly<Record<string, string>> = {
  'platform.yaml': readFileSync(join(VALID, 'platform.yaml'), 'utf8'),
  [TEAM_FILE]: readFileSync(join(VALID, TEAM_FILE), 'utf8'),
};

/** Model cards of the fixture. */
export const OTHER_PATHS = ['teams/fraud/cards/fraud-1.4.0.md', 'teams/fraud/cards/fraud-1.5.0.md'];

/** A text edit: replace the only occurrence of `from` with `to` (fails the test when `from` is not unique). */
export type Edit = readonly [from: string, to: string];

function applyEdits(text: string, edits: readonly Edit[]): string {
  let result = text;
  for (const [from, to] of edits) {
    const first = result.indexOf(from);
    expect(first, `edit target not found: ${from}`).toBeGreaterThanOrEqual(0);
    expect(result.indexOf(from, first + 1), `edit target not unique: ${from}`).toBe(-1);
    result = result.slice(0, first) + to + result.slice(first + from.length);
  }
  return result;
}

/** Edits per file of the fixture. */
export interface FixtureEdits {
  readonly platform?: readonly Edit[];
  readonly team?: readonly Edit[];
  readonly otherPaths?: readonly string[];
}

/** The fixture's files after edits. */
export function fixtureFiles(edits: FixtureEdits = {}): Record<string, string> {
  return {
    'platform.yaml': applyEdits(VALID_FILES['platform.yaml']!, edits.platform ?? []),
    [TEAM_FILE]: applyEdits(VALID_FILES[TEAM_FILE]!, edits.team ?? []),
  };
}

/** Validates and resolves files; fails the test when they are not valid config. */
export function resolveFiles(files: Readonly<Record<string, string>>, otherPaths: readonly string[] = OTHER_PATHS): ResolvedOrg {
  const result = validate(sourceTreeFromRecord(files, [...otherPaths]));
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  expect(errors.map(describe)).toEqual([]);
  return result.org!;
}

/** Resolves the fixture after edits. */
export function resolveFixture(edits: FixtureEdits = {}): ResolvedOrg {
  return resolveFiles(fixtureFiles(edits), edits.otherPaths ?? OTHER_PATHS);
}

/** Evaluates policies on the edited fixture (config rules only unless manifests are given). */
export function checkFixture(edits: FixtureEdits = {}, manifests: readonly Manifest[] = [], context: Partial<PolicyContext> = {}): PolicyResult {
  return evaluatePolicies(resolveFixture(edits), manifests, { now: NOW, ...context });
}

/** `code severity file:line:column` — what the tests assert. */
export function describe(diagnostic: Diagnostic): string {
  return `${diagnostic.code} ${diagnostic.severity} ${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
}

/** Diagnostics of one code (or prefix such as `k8s/`), described. */
export function withCode(result: { diagnostics: readonly Diagnostic[] }, code: string): string[] {
  return result.diagnostics.filter((diagnostic) => diagnostic.code === code || (code.endsWith('/') && diagnostic.code.startsWith(code))).map(describe);
}

/** A container meeting every Kubernetes rule. */
export function secureContainer(name = 'main', overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    image: 'ghcr.io/acme/serving/xgboost-server:2.1.1',
    resources: { requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true, runAsNonRoot: true, runAsUser: 10001 },
    readinessProbe: { httpGet: { path: '/ready', port: 8080 } },
    livenessProbe: { httpGet: { path: '/live', port: 8080 } },
    ...overrides,
  };
}

/** A pod spec meeting every Kubernetes rule. */
export function securePod(containers: Record<string, unknown>[] = [secureContainer()], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } }, containers, ...overrides };
}

/** Labels every emitted serving object of fraud-api in prod carries. */
export function servingLabels(environment = 'prod'): Record<string, string> {
  return {
    'app.kubernetes.io/component': 'serving',
    'app.kubernetes.io/managed-by': 'cirrus-mlops',
    'app.kubernetes.io/name': 'fraud-api',
    'mlops.cirruslabs.io/environment': environment,
    'mlops.cirruslabs.io/team': 'fraud',
  };
}

/** Line of `deployments.fraud-api.environments.prod` in the fixture team file (where serving objects point). */
export const PROD_ENTRY_LINE = 37;

/** A manifest of team fraud on prod-eu whose source annotation points at `line` of the team file. */
export function manifest(kind: string, spec: Record<string, unknown>, options: { name?: string; namespace?: string | null; labels?: Record<string, string>; line?: number; apiVersion?: string; cluster?: string } = {}): Manifest {
  const namespace = options.namespace === undefined ? 'fraud-prod' : options.namespace;
  const object: KubernetesObject = {
    apiVersion: options.apiVersion ?? 'apps/v1',
    kind,
    metadata: {
      name: options.name ?? 'fraud-api',
      ...(namespace !== null ? { namespace } : {}),
      labels: options.labels ?? servingLabels(),
      annotations: { 'mlops.cirruslabs.io/source': `${TEAM_FILE}:${options.line ?? PROD_ENTRY_LINE}` },
    },
    spec,
  };
  return { cluster: options.cluster ?? 'prod-eu', team: 'fraud', path: `clusters/prod-eu/fraud/${kind.toLowerCase()}-${object.metadata.name}.yaml`, object };
}

/** A serving Deployment with the given pod spec. */
export function deployment(pod: Record<string, unknown> = securePod(), replicas = 1): Manifest {
  return manifest('Deployment', { replicas, selector: { matchLabels: { app: 'fraud-api' } }, template: { metadata: { labels: { app: 'fraud-api' } }, spec: pod } });
}
