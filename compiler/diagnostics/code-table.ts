/**
 * The registry of diagnostic codes. Each stage declares its codes in its own `codes.ts` with
 * `defineCodes`; this module gathers them so docs/diagnostics.md can be generated and tests can
 * prove every code is documented and exercised.
 */
import type { Severity } from './diagnostic.ts';

/** Documentation of one diagnostic code. */
export interface CodeInfo {
  readonly severity: Severity;
  /** Short name, e.g. "Unknown key". */
  readonly title: string;
  /** What triggers it, in a sentence or two. */
  readonly description: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Declares a stage's codes; returns them typed so `codes.ML201` autocompletes. */
export function defineCodes<const T extends Record<string, CodeInfo>>(codes: T): T {
  return codes;
}
