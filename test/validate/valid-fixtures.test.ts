/** Valid config trees validate without a single diagnostic and resolve to an org. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceTreeFromRecord } from '../../compiler/load/source-tree.ts';
import { validate } from '../../compiler/pipeline.ts';
import { readFixtureTree } from '../support/fixture-tree.ts';
import { syntheticOrg } from '../support/synthetic-org.ts';

describe('valid configs', () => {
  it('test/fixtures/valid-minimal validates clean', () => {
    const result = validate(readFixtureTree(join(import.meta.dirname, '..', 'fixtures', 'valid-minimal')));
    expect(result.diagnostics).toEqual([]);
    expect(result.org?.teams.map((team) => team.name)).toEqual(['fraud']);
    expect(result.org?.platform.phase).toBe(3);
  });

  it.each([1, 2, 3, 4] as const)('a synthetic org at phase %i validates clean', (phase) => {
    const result = validate(sourceTreeFromRecord(syntheticOrg({ teams: 3, modelsPerTeam: 4, phase })));
    expect(result.diagnostics).toEqual([]);
    expect(result.org?.teams).toHaveLength(3);
  });
});
