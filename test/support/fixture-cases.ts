/**
 * The invalid-config fixture suite (test/fixtures/invalid/<case>/): each case is an input tree, an
 * `expected.json` list of {code, file, line, column}, and optionally `options.json` with validate
 * options (e.g. parse limits). See test/fixtures/README.md.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { ValidateOptions } from '../../compiler/pipeline.ts';

/** Root of the invalid fixtures. */
export const INVALID_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'invalid');

/** One expected diagnostic: its code and where it starts. */
export interface ExpectedDiagnostic {
  readonly code: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** Names of every invalid case, sorted. */
export function invalidCaseNames(): string[] {
  return readdirSync(INVALID_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The validate options of a case (`options.json`), or none. */
export function caseOptions(directory: string): ValidateOptions {
  const path = join(directory, 'options.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as ValidateOptions) : {};
}

/** A diagnostic reduced to what fixtures assert, in a stable order. */
export function toExpected(diagnostics: readonly Diagnostic[]): ExpectedDiagnostic[] {
  return diagnostics
    .map((diagnostic) => ({ code: diagnostic.code, file: diagnostic.file, line: diagnostic.range.start.line, column: diagnostic.range.start.column }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)));
}

/** The expected diagnostics of a case. */
export function readExpected(directory: string): ExpectedDiagnostic[] {
  return JSON.parse(readFileSync(join(directory, 'expected.json'), 'utf8')) as ExpectedDiagnostic[];
}

/** Writes a case's expected diagnostics (update mode: `UPDATE_FIXTURES=1`). */
export function writeExpected(directory: string, expected: readonly ExpectedDiagnostic[]): void {
  const lines = expected.map((entry) => `  ${JSON.stringify(entry)}`);
  writeFileSync(join(directory, 'expected.json'), `[\n${lines.join(',\n')}\n]\n`);
}

/** The code a case is named after: `ml302-unknown-model` → `ML302`. */
export function caseCode(name: string): string | undefined {
  const match = /^ml(\d{3})-/.exec(name);
  return match ? `ML${match[1]}` : undefined;
}
