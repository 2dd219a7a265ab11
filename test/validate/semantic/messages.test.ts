/** What the semantic diagnostics say: hints for typos, cycles spelled out, capabilities and phases named. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../../compiler/pipeline.ts';
import { caseOptions, INVALID_FIXTURES } from '../../support/fixture-cases.ts';
import { readFixtureTree } from '../../support/fixture-tree.ts';

function only(name: string, code: string) {
  const directory = join(INVALID_FIXTURES, name);
  const found = validate(readFixtureTree(directory), caseOptions(directory)).diagnostics.filter((diagnostic) => diagnostic.code === code);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('semantic diagnostic messages', () => {
  it.each([
    ['ml302-deployment-model-typo', 'ML302', 'Did you mean `fraud-detector`?'],
    ['ml303-unknown-stable-version', 'ML303', 'Did you mean `1.4.0`?'],
    ['ml305-unknown-lineage-pipeline', 'ML305', 'Did you mean `train-fraud`?'],
    ['ml306-monitoring-unknown-deployment', 'ML306', 'Did you mean `fraud-api`?'],
    ['ml307-unknown-deployment-environment', 'ML307', 'Did you mean `staging`?'],
    ['ml316-unknown-step', 'ML316', 'Did you mean `prepare`?'],
    ['ml201-unknown-key-typo', 'ML201', 'Did you mean `replicas`?'],
    ['ml201-misspelled-required-key', 'ML201', 'Did you mean `model`? It is required here.'],
  ])('%s suggests the likely name', (name, code, hint) => {
    expect(only(name, code).hint).toBe(hint);
  });

  it('lists the candidates when no name is close', () => {
    expect(only('ml307-unknown-pipeline-environment', 'ML307').hint).toBe('Expected one of `dev`, `staging`, `prod`.');
  });

  it('spells out a step cycle', () => {
    expect(only('ml315-step-cycle', 'ML315').message).toContain('prepare → evaluate → train → prepare');
  });

  it('spells out a promotion cycle', () => {
    expect(only('ml320-promotion-cycle', 'ML320').message).toContain('staging ← prod ← staging');
  });

  it('names the capability, the unlocking phase and the current phase', () => {
    const diagnostic = only('ml401-canary-at-phase-2', 'ML401');
    expect(diagnostic.message).toBe('Deployment `fraud-api` in `prod` uses canary releases, which rollout phase 3 (Enterprise) unlocks; the platform is at phase 2 (Limited production).');
  });

  it('suggests a DNS-1123 name', () => {
    expect(only('ml301-uppercase-deployment', 'ML301').hint).toBe('Rename it, e.g. `fraud-api`.');
  });
});
