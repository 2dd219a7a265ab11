/** Every load and validate code is documented and exercised by at least one invalid fixture. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOAD_CODES } from '../../compiler/load/codes.ts';
import { VALIDATE_CODES } from '../../compiler/validate/codes.ts';
import { INVALID_FIXTURES, invalidCaseNames, readExpected } from '../support/fixture-cases.ts';

const codes = { ...LOAD_CODES, ...VALIDATE_CODES };

describe('diagnostic code coverage', () => {
  const exercised = new Set(invalidCaseNames().flatMap((name) => readExpected(join(INVALID_FIXTURES, name)).map((entry) => entry.code)));

  it.each(Object.keys(codes))('%s appears in at least one invalid fixture', (code) => {
    expect(exercised.has(code)).toBe(true);
  });

  it.each(Object.entries(codes))('%s has a title, description and fix', (_code, info) => {
    expect(info.title.length).toBeGreaterThan(3);
    expect(info.description.length).toBeGreaterThan(10);
    expect(info.fix.length).toBeGreaterThan(5);
  });

  it('fixtures use only registered codes', () => {
    expect([...exercised].filter((code) => !(code in codes))).toEqual([]);
  });
});
