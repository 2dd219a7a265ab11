/**
 * ML334: every drift check needs a source of logged predictions — its own `drift.inputs`, or, for a
 * deployment KServe serves everywhere, KServe's payload logger writing to the platform's
 * `monitoring.predictionLogs`. The `deployment` backend (chosen, the platform default, or forced by an
 * edge cluster) has no payload logger, so it must declare `drift.inputs`.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { diagnosticAt } from '../../diagnostics/report.ts';
import type { ValidTeamFile } from '../validated-config.ts';
import type { PlatformIndex } from './platform-index.ts';
import { plainBackendUse } from './serving.ts';

/** Drift-source checks of one team file. */
export function driftSourceDiagnostics(team: ValidTeamFile, index: PlatformIndex): Diagnostic[] {
  const { file, config } = team;
  const diagnostics: Diagnostic[] = [];
  for (const [name, monitor] of Object.entries(config.monitoring ?? {})) {
    if (!monitor.drift || monitor.drift.inputs) continue;
    const deployment = config.deployments?.[name];
    if (!deployment) continue; // ML306 reports the unknown deployment
    const plain = plainBackendUse(name, deployment, index);
    if (index.predictionLogs && !plain) continue;
    const why = plain ? `\`${name}\` ${plain.reason}, which has no payload logger` : `${index.describedAs} declares no \`monitoring.predictionLogs\` for KServe's payload logger`;
    diagnostics.push(
      diagnosticAt(file, ['monitoring', name, 'drift'], 'ML334', `The drift check of \`${name}\` has no data source: it declares no \`inputs\` and ${why}.`, {
        target: 'key',
        hint: plain ? 'Add `inputs: { uri: … }` naming where the model server\'s inputs are logged.' : 'Add `inputs: { uri: … }`, or `monitoring.predictionLogs: { sink, uri }` in platform.yaml.',
      }),
    );
  }
  return diagnostics;
}
