/** promotionEdit on any version string: the result holds exactly that string, and every other line is unchanged. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { promotionEdit } from '../../compiler/promote/promotion-edit.ts';

const context = { file: 'teams/t/mlops.yaml', environments: ['dev', 'prod'] };

function teamFile(version: string, style: 'plain' | 'single' | 'double'): string {
  const current = style === 'plain' ? '1.0.0' : style === 'single' ? "'1.0.0'" : '"1.0.0"';
  return `# team\nmodels:\n  m:\n    versions:\n      "1.0.0": {}\n      ${JSON.stringify(version)}: {} # new\ndeployments:\n  d:\n    model: m\n    environments:\n      prod:\n        version: ${current} # stable\n        replicas: { min: 1, max: 2 }\n`;
}

describe('promotionEdit (property)', () => {
  it('writes any registered version so that it reads back as the same string', () => {
    const version = fc.stringMatching(/^[0-9a-zA-Z.:#'" +\-_]{1,12}$/).filter((value) => value !== '1.0.0' && value.trim() === value);
    fc.assert(
      fc.property(version, fc.constantFrom('plain', 'single', 'double') as fc.Arbitrary<'plain' | 'single' | 'double'>, (candidate, style) => {
        const text = teamFile(candidate, style);
        const result = promotionEdit(text, 'd', candidate, 'prod', context);
        expect(result.diagnostics).toEqual([]);
        expect(parse(result.text!).deployments.d.environments.prod).toEqual({ version: candidate, replicas: { min: 1, max: 2 } });
        const before = text.split('\n');
        const after = result.text!.split('\n');
        expect(after.length).toBe(before.length);
        expect(after.filter((line, index) => line !== before[index])).toHaveLength(1);
        expect(after.find((line, index) => line !== before[index])).toMatch(/^ {8}version: .* # stable$/);
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
