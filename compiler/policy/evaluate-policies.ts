/** The policy stage: built-in, org and team rules over config and emitted manifests, with waivers. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Manifest } from '../emit/manifest.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';

/** Inputs that are not part of the config. */
export interface PolicyContext {
  /** Today, for waiver expiry (injected so tests control the clock). */
  readonly now: Date;
}

/** Result of evaluating policies. */
export interface PolicyResult {
  readonly diagnostics: Diagnostic[];
}

/** Evaluates every rule. */
export function evaluatePolicies(_org: ResolvedOrg, _manifests: readonly Manifest[], _context: PolicyContext): PolicyResult {
  return { diagnostics: [] };
}
