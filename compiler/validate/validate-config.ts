/** The validate stage: schema, then semantic checks and rollout phase on what the schema accepted. */
import type { Platform, Team } from '../config/types.generated.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { LoadedConfig } from '../load/load-config.ts';
import { DEFAULT_PLATFORM } from '../resolve/default-platform.ts';
import { rolloutPhaseDiagnostics } from './rollout-phase.ts';
import { schemaDiagnostics } from './schema-diagnostics.ts';
import { semanticDiagnostics } from './semantic/semantic-diagnostics.ts';
import type { ValidatedConfig, ValidTeamFile } from './validated-config.ts';

/** Outcome of validation: the valid part (when the platform itself is valid) and all diagnostics. */
export interface ValidationOutcome {
  readonly config?: ValidatedConfig;
  readonly diagnostics: Diagnostic[];
}

/**
 * Validates loaded files. Teams failing their schema are left out of `config`; a broken or unreadable
 * platform.yaml leaves none (checking teams against the default platform instead would only mislead).
 */
export function validateConfig(loaded: LoadedConfig): ValidationOutcome {
  const diagnostics: Diagnostic[] = [];
  const platformErrors = loaded.platform ? schemaDiagnostics(loaded.platform) : [];
  diagnostics.push(...platformErrors);
  const teams: ValidTeamFile[] = [];
  for (const file of loaded.teams) {
    const errors = schemaDiagnostics(file);
    diagnostics.push(...errors);
    if (errors.length === 0) teams.push({ file, config: file.value as Team });
  }
  if (platformErrors.length > 0 || loaded.platformUnreadable) return { diagnostics };
  const platform = loaded.platform ? { file: loaded.platform, config: loaded.platform.value as Platform } : { config: DEFAULT_PLATFORM };
  const config: ValidatedConfig = { platform, teams };
  diagnostics.push(...semanticDiagnostics(config), ...rolloutPhaseDiagnostics(config));
  return { config, diagnostics };
}
