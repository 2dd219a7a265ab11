/**
 * Diagnostics are data: every user mistake the compiler finds is one of these, with a stable code
 * documented in docs/diagnostics.md. The compiler collects them; it throws only for its own bugs.
 */
import { compareCodePoints } from '../support/compare-code-points.ts';

/** How bad a finding is: `error` blocks compile and merge, `warning` is shown, `info` is recorded. */
export type Severity = 'error' | 'warning' | 'info';

/** A place in a file: 1-based line and column, 0-based character offset. */
export interface Position {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** A span of a file, `end` exclusive. */
export interface SourceRange {
  readonly start: Position;
  readonly end: Position;
}

/** One finding, pinned to a file and range. */
export interface Diagnostic {
  /** Stable code, e.g. `ML201` (see docs/diagnostics.md) or a policy rule id such as `k8s/no-latest-tag`. */
  readonly code: string;
  readonly severity: Severity;
  /** One sentence saying what is wrong and what was expected. */
  readonly message: string;
  /** Path relative to the config repo root, `/`-separated. */
  readonly file: string;
  readonly range: SourceRange;
  /** What was probably meant, or how to fix it. */
  readonly hint?: string;
}

/** The start of a file, for findings about a file as a whole. */
export const START_OF_FILE: SourceRange = {
  start: { line: 1, column: 1, offset: 0 },
  end: { line: 1, column: 1, offset: 0 },
};

/** True when any diagnostic is an error. */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** Orders diagnostics by file, position, then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodePoints(a.file, b.file) ||
    a.range.start.offset - b.range.start.offset ||
    compareCodePoints(a.code, b.code) ||
    compareCodePoints(a.message, b.message)
  );
}

/** Sorts diagnostics and drops exact duplicates (same code, file, start and message). */
export function normalizeDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const diagnostic of [...diagnostics].sort(compareDiagnostics)) {
    const key = `${diagnostic.code}\u0000${diagnostic.file}\u0000${diagnostic.range.start.offset}\u0000${diagnostic.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(diagnostic);
  }
  return unique;
}
