import { describe, expect, it } from 'vitest';
import { codeFrame, formatDiagnostics, summaryLine, summarizeDiagnostics } from '../../../compiler/cli/format/diagnostics.ts';
import type { Diagnostic } from '../../../compiler/diagnostics/diagnostic.ts';
import { sourceTreeFromRecord } from '../../../compiler/load/source-tree.ts';

const TEXT = 'kind: Team\nmetadata:\n  name: Fraud_API\n\towners: []\n';

function at(line: number, column: number, endColumn: number, extra: Partial<Diagnostic> = {}): Diagnostic {
  const lineStart = TEXT.split('\n').slice(0, line - 1).reduce((total, text) => total + text.length + 1, 0);
  return {
    code: 'ML301',
    severity: 'error',
    message: 'Name "Fraud_API" is not a DNS-1123 label.',
    file: 'teams/fraud/mlops.yaml',
    range: { start: { line, column, offset: lineStart + column - 1 }, end: { line, column: endColumn, offset: lineStart + endColumn - 1 } },
    ...extra,
  };
}

const tree = sourceTreeFromRecord({ 'teams/fraud/mlops.yaml': TEXT });

describe('formatDiagnostics (human)', () => {
  it('prints file:line:col severity code message, the line, a marker under the range and the hint', () => {
    const output = formatDiagnostics([at(3, 9, 18, { hint: 'Rename it to `fraud-api`.' })], tree, { color: false, format: 'human' });
    expect(output).toBe(
      [
        'teams/fraud/mlops.yaml:3:9 error ML301 Name "Fraud_API" is not a DNS-1123 label.',
        ' 3 |   name: Fraud_API',
        '   |         ^~~~~~~~~',
        '  hint: Rename it to `fraud-api`.',
        '',
        '✖ 1 error, 0 warnings in 1 file',
        '',
      ].join('\n'),
    );
  });

  it('keeps tabs so the marker lines up under tab-indented text', () => {
    const [, marker] = codeFrame(TEXT, at(4, 2, 8));
    expect(marker).toBe('   | \t^~~~~~');
  });

  it('marks a single caret for an empty range and runs to the end of line for multi-line ranges', () => {
    expect(codeFrame(TEXT, at(2, 1, 1))[1]).toBe('   | ^');
    const multiLine = at(2, 1, 1);
    const spanning: Diagnostic = { ...multiLine, range: { start: multiLine.range.start, end: { line: 3, column: 5, offset: 20 } } };
    expect(codeFrame(TEXT, spanning)[1]).toBe('   | ^~~~~~~~~');
  });

  it('reads byte content, drops a BOM and prints no frame for files it does not have', () => {
    const bytes = sourceTreeFromRecord({});
    const withBom = { files: [{ path: 'teams/fraud/mlops.yaml', content: new TextEncoder().encode(`\uFEFF${TEXT}`) }] };
    expect(formatDiagnostics([at(3, 9, 18)], withBom, { color: false, format: 'human' })).toContain(' 3 |   name: Fraud_API\n   |         ^~~~~~~~~');
    expect(formatDiagnostics([at(3, 9, 18)], bytes, { color: false, format: 'human' })).not.toContain(' | ');
  });

  it('prefixes paths and prints a diagnostic about the repo as a whole without a position', () => {
    const whole: Diagnostic = { ...at(1, 1, 1), file: '.', code: 'ML114', message: 'No config found.' };
    const output = formatDiagnostics([whole, at(3, 9, 18)], tree, { color: false, format: 'human', pathPrefix: 'repo/' });
    expect(output).toContain('repo error ML114 No config found.\n');
    expect(output).toContain('repo/teams/fraud/mlops.yaml:3:9 error ML301');
  });

  it('colours severity, gutter and marker only when asked', () => {
    const coloured = formatDiagnostics([at(3, 9, 18, { severity: 'warning' })], tree, { color: true, format: 'human' });
    expect(coloured).toContain('\u001b[33mwarning\u001b[0m');
    expect(coloured).toContain('\u001b[33m^~~~~~~~~\u001b[0m');
    expect(formatDiagnostics([at(3, 9, 18)], tree, { color: false, format: 'human' })).not.toContain('\u001b[');
  });

  it('never throws for ranges outside the text, and prints no frame for an empty file', () => {
    const beyond: Diagnostic = { ...at(1, 1, 1), range: { start: { line: 99, column: 40, offset: 999 }, end: { line: 99, column: 2, offset: 1000 } } };
    expect(codeFrame(TEXT, beyond)).toEqual([' 99 | ', '    | ^']);
    expect(codeFrame('', at(1, 1, 1))).toEqual([]);
  });

  it('prints only the summary when there is nothing to report', () => {
    expect(formatDiagnostics([], tree, { color: false, format: 'human' })).toBe('✔ no problems found\n');
  });
});

describe('summary', () => {
  it('counts severities and files', () => {
    const diagnostics = [at(3, 9, 18), at(2, 1, 1, { severity: 'warning' }), at(1, 1, 1, { file: 'platform.yaml', severity: 'info' })];
    expect(summarizeDiagnostics(diagnostics)).toEqual({ errors: 1, warnings: 1, infos: 1, files: 2 });
    expect(summaryLine(summarizeDiagnostics(diagnostics))).toBe('✖ 1 error, 1 warning, 1 info in 2 files');
    expect(summaryLine({ errors: 0, warnings: 2, infos: 0, files: 1 })).toBe('✔ 0 errors, 2 warnings in 1 file');
    expect(summaryLine({ errors: 3, warnings: 0, infos: 0, files: 2 })).toBe('✖ 3 errors, 0 warnings in 2 files');
  });
});

describe('formatDiagnostics (json)', () => {
  it('prints a versioned object with the diagnostics and the summary', () => {
    const diagnostic = at(3, 9, 18, { hint: 'Rename it.' });
    const parsed = JSON.parse(formatDiagnostics([diagnostic], tree, { color: true, format: 'json' }));
    expect(parsed).toEqual({ version: 1, diagnostics: [diagnostic], summary: { errors: 1, warnings: 0, infos: 0, files: 1 } });
  });
});
