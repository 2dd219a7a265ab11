/** Rollout-phase gating (ARCHITECTURE §5): capabilities above the org's phase are diagnostics. */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { ValidatedConfig } from './validated-config.ts';

/** Reports every capability the config uses above `rollout.phase`. */
export function rolloutPhaseDiagnostics(_config: ValidatedConfig): Diagnostic[] {
  return [];
}
