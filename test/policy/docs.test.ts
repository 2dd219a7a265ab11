/** docs/policies.md documents every built-in rule (with its title and mode) and every ML6xx code. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeMode } from '../../compiler/cli/commands/explain.ts';
import { POLICY_CODES } from '../../compiler/policy/codes.ts';
import { BUILT_IN_RULES } from '../../compiler/policy/registry.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'policies.md'), 'utf8');

describe('docs/policies.md', () => {
  it('has a row per built-in rule with its title, default mode and waivability', () => {
    for (const rule of BUILT_IN_RULES) {
      expect(doc).toContain(`| \`${rule.id}\` | ${rule.title} | ${describeMode(rule.defaultMode)} | ${rule.waivable === false ? 'no' : 'yes'} |`);
    }
  });

  it('lists every policy configuration code with its severity', () => {
    for (const [code, info] of Object.entries(POLICY_CODES)) expect(doc).toMatch(new RegExp(`\\| ${code} \\| ${info.severity} \\|`));
  });
});
