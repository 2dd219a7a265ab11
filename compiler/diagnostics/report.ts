/** Builds diagnostics from a code, taking the severity from the code table. */
import { type DataPath, type ParsedFile, type RangeTarget, rangeOf } from '../load/parsed-file.ts';
import { ALL_CODES } from './all-codes.ts';
import type { Diagnostic, Severity, SourceRange } from './diagnostic.ts';

/** Optional parts of a diagnostic. */
export interface DiagnosticOptions {
  readonly hint?: string;
  /** Point at the key (`name:`) instead of the value. */
  readonly target?: RangeTarget;
  /** Overrides the code's default severity (policy modes do this). */
  readonly severity?: Severity;
}

function severityOf(code: string): Severity {
  const info = ALL_CODES[code];
  if (!info) throw new Error(`bug: diagnostic code ${code} is not in the code table`);
  return info.severity;
}

/** A diagnostic at an explicit range of a file. */
export function diagnosticAtRange(file: string, range: SourceRange, code: string, message: string, options: DiagnosticOptions = {}): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: options.severity ?? severityOf(code), message, file, range };
  return options.hint ? { ...diagnostic, hint: options.hint } : diagnostic;
}

/** A diagnostic at the node a data path names in a parsed file. */
export function diagnosticAt(file: ParsedFile, path: DataPath, code: string, message: string, options: DiagnosticOptions = {}): Diagnostic {
  return diagnosticAtRange(file.path, rangeOf(file, path, options.target), code, message, options);
}
