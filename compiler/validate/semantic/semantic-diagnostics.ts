/** Semantic checks: what the schema cannot say (references, names, values, DAGs). */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ValidatedConfig } from '../validated-config.ts';

/** Runs every semantic check over schema-valid config. */
export function semanticDiagnostics(_config: ValidatedConfig): Diagnostic[] {
  return [];
}
