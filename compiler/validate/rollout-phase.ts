/** Rollout-phase gating (ARCHITECTURE §5): capabilities above the org's phase are diagnostics (ML401). */
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../diagnostics/report.ts';
import { CAPABILITIES, PHASE_NAMES, type RolloutPhase } from './capabilities.ts';
import { indexPlatform } from './semantic/platform-index.ts';
import type { ValidatedConfig } from './validated-config.ts';

/** Reports every capability the config uses above `rollout.phase`, naming the phase that unlocks it. */
export function rolloutPhaseDiagnostics(config: ValidatedConfig): Diagnostic[] {
  const index = indexPlatform(config);
  const phase = index.phase as RolloutPhase;
  const diagnostics: Diagnostic[] = [];
  for (const capability of CAPABILITIES) {
    if (capability.phase <= phase) continue;
    for (const use of capability.find(config, index)) {
      const message = `${upperFirst(use.what)} uses ${midSentence(capability.title)}, which rollout phase ${capability.phase} (${PHASE_NAMES[capability.phase]}) unlocks; the platform is at phase ${phase} (${PHASE_NAMES[phase]}).`;
      diagnostics.push(
        diagnosticAt(use.file, use.path, 'ML401', message, {
          target: use.target,
          hint: index.file
            ? `Remove it, or ask the platform team to raise \`rollout.phase\` in platform.yaml to ${capability.phase}.`
            : `Remove it, or add a platform.yaml with \`rollout: { phase: ${capability.phase} }\` (without one, the default platform is at phase 1).`,
        }),
      );
    }
  }
  return diagnostics;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Canary releases` → `canary releases`, but `SSO groups` and `A/B testing` keep their capitals. */
function midSentence(title: string): string {
  return /^[A-Z][A-Z/]/.test(title) ? title : title.charAt(0).toLowerCase() + title.slice(1);
}
