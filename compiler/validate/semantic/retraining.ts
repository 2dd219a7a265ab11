/** Automated retraining needs a trigger that exists: drift monitoring on the named deployment, or a schedule (ML323). */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { ValidTeamFile } from '../validated-config.ts';

/** Retraining-trigger checks of one team file. */
export function retrainingDiagnostics(team: ValidTeamFile): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [name, pipeline] of Object.entries(config.pipelines ?? {})) {
    const retrain = pipeline.retrain;
    if (!retrain) continue;
    const base = ['pipelines', name, 'retrain'];
    if (retrain.on === 'schedule' && pipeline.schedule === undefined) {
      diagnostics.push(diagnosticAt(file, [...base, 'on'], 'ML323', `Pipeline \`${name}\` retrains on its schedule but has no \`schedule\`.`, { hint: 'Add `schedule` to the pipeline, or retrain `on: drift`.' }));
    }
    if (retrain.on !== 'drift') continue;
    if (retrain.deployment === undefined) {
      diagnostics.push(diagnosticAt(file, base, 'ML323', `Pipeline \`${name}\` retrains on drift but names no \`deployment\` whose drift triggers it.`, { target: 'key', hint: 'Add `deployment: <name>` under `retrain`.' }));
      continue;
    }
    const known = config.deployments?.[retrain.deployment] !== undefined;
    if (known && !config.monitoring?.[retrain.deployment]?.drift) {
      diagnostics.push(
        diagnosticAt(file, [...base, 'deployment'], 'ML323', `Pipeline \`${name}\` retrains on drift of \`${retrain.deployment}\`, but that deployment has no drift monitoring.`, { hint: `Add \`monitoring.${retrain.deployment}.drift\`.` }),
      );
    }
  }
  return diagnostics;
}
