/**
 * Property: whatever hostile text is spliced into a team file (prototype keys, control characters,
 * YAML tags and aliases, huge numbers, broken brackets), every command that reads config exits 0 or 1
 * — never 70 — and prints no raw control character and no stack trace, in any output format.
 */
import fc from 'fast-check';
import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FUZZING, fuzzParameters } from '../support/fuzz-settings.ts';
import { PROTOTYPE_KEYS, runWithin, TEAM, withTeam, writeCaseRepo } from './support.ts';

const SNIPPETS = [
  ...PROTOTYPE_KEYS,
  ...PROTOTYPE_KEYS.map((key) => `${key}: `),
  '"\\e[2J\\0\\x85\\u202e"',
  '\u001b[31m',
  '\u0085',
  '\n::error::pwned\n',
  '!!binary ',
  '!!timestamp ',
  '*nope ',
  '&a [*a] ',
  '? [a]\n: ',
  '[',
  '{',
  '1e308',
  '.nan',
  '.inf',
  '1.10',
  '~',
  'True',
  '\t',
  '"',
  '---\n',
];

const COMMANDS: readonly (readonly string[])[] = [['validate'], ['validate', '--format', 'json'], ['check', '--format', 'sarif'], ['check'], ['graph', '--markdown']];
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('the CLI on spliced hostile text', () => {
  it('exits 0 or 1 and prints nothing raw', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat(), text: fc.constantFrom(...SNIPPETS) }), { minLength: 1, maxLength: 3 }), fc.constantFrom(...COMMANDS), async (splices, argv) => {
        let team = TEAM;
        for (const splice of splices) {
          const at = splice.at % (team.length + 1);
          team = team.slice(0, at) + splice.text + team.slice(at);
        }
        const files = { ...withTeam(), 'teams/fraud/mlops.yaml': team };
        const { workspace, root } = await writeCaseRepo(files);
        try {
          const result = await runWithin(argv, root);
          expect([0, 1], `${argv.join(' ')}: ${result.err}`).toContain(result.code);
          // Colour is off (not a TTY), so no escape sequence of ours is expected either.
          expect(`${result.out}${result.err}`).not.toMatch(RAW_CONTROL);
          expect(result.err).not.toMatch(/internal error|\n\s+at .*:\d+:\d+\)?\n/);
        } finally {
          await rm(workspace, { recursive: true, force: true });
        }
      }),
      fuzzParameters(40),
    );
  }, FUZZING ? 3_600_000 : 120_000);
});
