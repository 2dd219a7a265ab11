/**
 * How a caller says a merge is a rollback or a promotion: the merged PR carries the label
 * `mlops:rollback` or `mlops:promotion` (the bot reads labels), or the merged commit's message carries
 * the trailer `Mlops-Event: rollback|promotion` (the local `mlops deploy` reads it; `--event` overrides).
 * Anything else is a plain `deploy`. Pure.
 */
import type { DeployEvent } from './deploy-model.ts';
import { parseTrailers, TRAILERS } from './commit-trailers.ts';

/** PR label marking a rollback PR. */
export const ROLLBACK_LABEL = 'mlops:rollback';
/** PR label marking a promotion PR. */
export const PROMOTION_LABEL = 'mlops:promotion';

/** True for a value `--event` or a trailer may name: the events whose commit lands manifests. */
export function isDeployEvent(value: string | undefined): value is DeployEvent {
  return value === 'deploy' || value === 'rollback' || value === 'promotion';
}

/** The event of a merge, from its PR labels and/or its commit message; a rollback label wins over a promotion label. */
export function deployEventOf(marks: { readonly labels?: readonly string[]; readonly commitMessage?: string }): DeployEvent {
  const labels = new Set((marks.labels ?? []).map((label) => label.trim().toLowerCase()));
  if (labels.has(ROLLBACK_LABEL)) return 'rollback';
  if (labels.has(PROMOTION_LABEL)) return 'promotion';
  const trailer = marks.commitMessage === undefined ? undefined : parseTrailers(marks.commitMessage).get(TRAILERS.event)?.[0]?.toLowerCase();
  return trailer !== undefined && isDeployEvent(trailer) ? trailer : 'deploy';
}
