/**
 * Every case under test/fixtures/invalid/ yields exactly the diagnostics of its expected.json
 * (code, file, line, column). `UPDATE_FIXTURES=1 npx vitest run test/validate/invalid-fixtures.test.ts`
 * rewrites them; review the diff.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validate } from '../../compiler/pipeline.ts';
import { caseCode, caseOptions, INVALID_FIXTURES, invalidCaseNames, readExpected, toExpected, writeExpected } from '../support/fixture-cases.ts';
import { readFixtureTree } from '../support/fixture-tree.ts';

const update = process.env.UPDATE_FIXTURES === '1';

describe('invalid fixtures', () => {
  const names = invalidCaseNames();

  it('has at least 40 cases', () => {
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  it.each(names)('%s', (name) => {
    const directory = join(INVALID_FIXTURES, name);
    const result = validate(readFixtureTree(directory), caseOptions(directory));
    const actual = toExpected(result.diagnostics);
    if (update) writeExpected(directory, actual);
    expect(actual).toEqual(readExpected(directory));
    expect(result.org === undefined).toBe(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error'));
    const code = caseCode(name);
    expect(code, `case name ${name} starts with its code, e.g. ml302-…`).toBeDefined();
    expect(actual.map((entry) => entry.code)).toContain(code);
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message.length).toBeGreaterThan(10);
    }
  });
});
