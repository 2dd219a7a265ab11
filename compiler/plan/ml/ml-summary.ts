/** The ML-aware summary of a change, computed from the base and head resolved orgs. */
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { ResolvedOrg } from '../../resolve/resolved-org.ts';
import { capacityDeltas } from './capacity.ts';
import type { MlSummary } from './ml-model.ts';
import { modelVersionChanges } from './model-versions.ts';
import { monitorChanges } from './monitor-changes.ts';
import { pipelineChanges } from './pipeline-changes.ts';
import { rolloutChanges } from './rollouts.ts';
import { waiverNotes } from './waiver-notes.ts';

/** Summarises what changes for models, deployments, pipelines, monitors and waivers (their status from the head diagnostics). */
export function mlSummary(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined, now: Date, changedTeams: readonly string[] = [], headDiagnostics: readonly Diagnostic[] = []): MlSummary {
  const versions = modelVersionChanges(base, head);
  const rollouts = rolloutChanges(base, head);
  const pipelines = pipelineChanges(base, head);
  const monitors = monitorChanges(base, head);
  const targets = new Set<string>();
  const touch = (team: string, subject: string) => {
    targets.add(`${team}\u0000${subject}`);
    targets.add(`${team}\u0000team`);
  };
  for (const version of versions) touch(version.team, `models/${version.model}`);
  for (const rollout of rollouts) {
    touch(rollout.team, `deployments/${rollout.deployment}`);
    touch(rollout.team, `models/${rollout.model}`);
  }
  for (const pipeline of pipelines) touch(pipeline.team, `pipelines/${pipeline.pipeline}`);
  for (const monitor of monitors) touch(monitor.team, `deployments/${monitor.deployment}`);
  for (const team of changedTeams) targets.add(`${team}\u0000team`);
  return { versions, rollouts, capacity: capacityDeltas(base, head), pipelines, monitors, waivers: waiverNotes(base, head, { targets }, now, headDiagnostics) };
}
