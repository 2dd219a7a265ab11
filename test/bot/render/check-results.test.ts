import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../compiler/diagnostics/diagnostic.ts';
import { annotationOf } from '../../../bot/render/annotations.ts';
import { crashedChecks, validateCheck } from '../../../bot/render/check-results.ts';
import { CHECK_TEXT_LIMIT, fitText } from '../../../bot/render/text-limits.ts';

const at = (line: number, column: number, endLine = line, endColumn = column + 3): Diagnostic['range'] => ({ start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } });

describe('check rendering', () => {
  it('annotates one line with columns, several lines without, control characters dropped', () => {
    expect(annotationOf({ code: 'ML201', severity: 'error', message: 'Unknown key\u001b[31m', file: 'teams/a/mlops.yaml', range: at(4, 3), hint: 'Did you mean `model`?' })).toEqual({ path: 'teams/a/mlops.yaml', start_line: 4, end_line: 4, start_column: 3, end_column: 6, annotation_level: 'failure', message: 'Unknown key[31m\nHint: Did you mean `model`?', title: 'ML201' });
    expect(annotationOf({ code: 'k8s/x', severity: 'warning', message: 'm', file: 'f', range: at(4, 3, 6, 1) })).toEqual({ path: 'f', start_line: 4, end_line: 6, annotation_level: 'warning', message: 'm', title: 'k8s/x' });
  });

  it('keeps summaries within GitHub’s limit, saying what was cut', () => {
    const diagnostics: Diagnostic[] = Array.from({ length: 3000 }, (_, index) => ({ code: 'ML201', severity: 'error', message: `Unknown key x${index} ${'y'.repeat(40)}`, file: 'teams/a/mlops.yaml', range: at(index + 1, 1) }));
    const check = validateCheck({ configChanged: true, validation: diagnostics, policy: [], judgedByBaseRules: false });
    expect(check.output.summary.length).toBeLessThanOrEqual(CHECK_TEXT_LIMIT);
    expect(check.output.summary).toContain("cut to fit GitHub's limit");
    expect(check.annotations).toHaveLength(1000);
    expect(fitText('short')).toBe('short');
  });

  it('a crash is three failures with the message in a code block', () => {
    const checks = crashedChecks('boom ``` break');
    expect(checks.map((check) => [check.name, check.conclusion])).toEqual([['mlops/validate', 'failure'], ['mlops/policy', 'failure'], ['mlops/approvals', 'failure']]);
    expect(checks[0]!.output.summary).toContain("boom ''' break");
  });
});
