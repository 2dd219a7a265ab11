/** parseConfigFile: one syntax error per file, every duplicate key, positions from the text. */
import { describe, expect, it } from 'vitest';
import { parseConfigFile } from '../../compiler/load/parse-file.ts';

const at = { path: 'teams/fraud/mlops.yaml', role: 'team' as const, folder: 'fraud' };

describe('parseConfigFile', () => {
  it('reports only the first syntax error, not its echoes', () => {
    const outcome = parseConfigFile(at, 'kind: Team\nmodels:\n  a:\n\t  b: 1\n    c: 2\n  d: [1\n');
    expect(outcome.file).toBeUndefined();
    expect(outcome.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line, diagnostic.range.start.column])).toEqual([['ML101', 4, 1]]);
  });

  it('reports every duplicate key', () => {
    const outcome = parseConfigFile(at, 'kind: Team\nkind: Team\nmetadata:\n  name: a\n  name: b\n');
    expect(outcome.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([
      ['ML102', 2],
      ['ML102', 5],
    ]);
  });

  it('counts lines from the text, a byte-order mark stripped', () => {
    const outcome = parseConfigFile(at, '\uFEFFkind: Team\r\nmetadata: {}\r\n');
    expect(outcome.diagnostics).toEqual([]);
    expect(outcome.file?.lineCounter.linePos(outcome.file.text.indexOf('metadata'))).toEqual({ line: 2, col: 1 });
  });
});
