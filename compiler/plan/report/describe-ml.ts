/**
 * One-line descriptions of ML changes, for the PR comment and the terminal alike: the caller passes
 * a Formatter that escapes user strings for its medium.
 */
import type { CapacityDelta, ModelVersionChange, MonitorChange, PipelineChange, RolloutChange, ServingState, WaiverNote } from '../ml/ml-model.ts';
import { formatCpu, formatMemory } from '../ml/quantities.ts';

/** How user strings are written: `code` for names, `text` for free text (both must escape); `strong` for our own words. */
export interface Formatter {
  readonly code: (text: string) => string;
  readonly text: (text: string) => string;
  readonly strong: (text: string) => string;
}

/** `+1.5`, `-2`, `±0`. */
function signed(value: string, raw: number): string {
  return raw > 0 ? `+${value}` : raw < 0 ? value : '±0';
}

function traffic(state: ServingState | undefined, f: Formatter): string {
  if (!state) return 'none';
  if (state.abTest) return `A/B ${state.abTest.variants.map((variant) => `${f.code(variant.name)} ${f.code(`${variant.model}@${variant.version}`)} ${variant.traffic}%`).join(', ')}`;
  if (state.canary) return `canary ${f.code(state.canary.version)} at ${state.canary.traffic}%`;
  return 'no canary';
}

function resources(state: ServingState, f: Formatter): string {
  const gpu = state.resources.gpu > 0 ? `, ${state.resources.gpu} GPU` : '';
  return `${f.text(state.resources.cpu)} CPU, ${f.text(state.resources.memory)}${gpu}`;
}

/** `fraud/fraud-detector 1.5.0 registered (high risk)`. */
export function describeVersion(change: ModelVersionChange, f: Formatter): string {
  return `${f.code(`${change.team}/${change.model}`)} ${f.code(change.version)} ${change.action === 'added' ? 'registered' : 'withdrawn'} (${change.riskTier} risk)`;
}

/** `fraud/fraud-api in prod (prod-eu, prod-us): version 1.4.0 → 1.5.0; canary 1.5.0 at 10% → no canary`. */
export function describeRollout(change: RolloutChange, f: Formatter): string {
  const subject = `${f.code(`${change.team}/${change.deployment}`)} in ${f.code(change.environment)} (${change.clusters.map(f.text).join(', ')})`;
  if (change.action === 'added') return `${subject}: new, serving ${f.code(change.after!.stable)}, ${traffic(change.after, f)}, ${change.after!.replicas.min}–${change.after!.replicas.max} replicas`;
  if (change.action === 'removed') return `${subject}: ${f.strong('removed')} (was serving ${f.code(change.before!.stable)})`;
  const before = change.before!;
  const after = change.after!;
  const parts: string[] = [];
  const promoted = change.promotedFrom === undefined ? '' : ` (promoted from ${f.code(change.promotedFrom)})`;
  if (change.aspects.includes('version')) parts.push(`version ${f.code(before.stable)} → ${f.code(after.stable)}${promoted}`);
  if (change.aspects.includes('traffic')) parts.push(`${traffic(before, f)} → ${traffic(after, f)}`);
  if (change.aspects.includes('replicas')) parts.push(`replicas ${before.replicas.min}–${before.replicas.max} → ${after.replicas.min}–${after.replicas.max}`);
  if (change.aspects.includes('resources')) parts.push(`per replica ${resources(before, f)} → ${resources(after, f)}`);
  if (change.aspects.includes('clusters')) parts.push(`clusters ${change.clustersBefore.map(f.text).join(', ')} → ${change.clustersAfter.map(f.text).join(', ')}`);
  return `${subject}: ${parts.join('; ')}`;
}

/** `prod: CPU +4, memory +8 GiB, GPU ±0 at min replicas (max: …)`. */
export function describeCapacity(delta: CapacityDelta, f: Formatter): string {
  const one = (capacity: CapacityDelta['atMinReplicas']) =>
    `CPU ${signed(formatCpu(capacity.cpu), capacity.cpu)}, memory ${signed(formatMemory(capacity.memory), capacity.memory)}, GPU ${signed(String(capacity.gpu), capacity.gpu)}`;
  return `${f.code(delta.environment)}: ${one(delta.atMinReplicas)} at min replicas; ${one(delta.atMaxReplicas)} at max replicas`;
}

/** `fraud/train-fraud: schedule 0 3 * * 1 → 0 4 * * *`. */
export function describePipeline(change: PipelineChange, f: Formatter): string {
  const subject = `${f.code(`${change.team}/${change.pipeline}`)} (${f.code(change.environment)})`;
  const schedule = (cron: string | undefined) => (cron === undefined ? 'manual' : f.code(cron));
  if (change.action === 'added') return `${subject}: new, ${change.scheduleAfter ? `scheduled ${schedule(change.scheduleAfter)}` : 'manual runs'}`;
  if (change.action === 'removed') return `${subject}: ${f.strong('removed')} (was ${schedule(change.scheduleBefore)})`;
  return `${subject}: ${change.scheduleChanged ? `schedule ${schedule(change.scheduleBefore)} → ${schedule(change.scheduleAfter)}` : 'steps or settings changed'}`;
}

/** `fraud/fraud-api monitoring: latency p99 ≤ 150 ms → latency p99 ≤ 120 ms`. */
export function describeMonitor(change: MonitorChange, f: Formatter): string {
  const subject = `${f.code(`${change.team}/${change.deployment}`)} monitoring`;
  const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.map(f.text).join('; '));
  if (change.action === 'added') return `${subject}: new, ${list(change.after)}`;
  if (change.action === 'removed') return `${subject}: ${f.strong('removed')} (was ${list(change.before)})`;
  return `${subject}: ${list(change.before)} → ${list(change.after)}`;
}

/** `new waiver of ml/x for fraud/deployments/api, approved by @sec (SEC-1), expires 2026-12-31 (in 34 days)`. */
export function describeWaiver(note: WaiverNote, f: Formatter): string {
  const what = { added: 'new waiver', changed: 'renewed waiver', removed: 'withdrawn waiver', unchanged: 'waiver' }[note.action];
  const days = note.expiresInDays < 0 ? `expired ${-note.expiresInDays} days ago` : `in ${note.expiresInDays} days`;
  const covers = note.coversChange ? '; covers this change' : '';
  const status = note.status === undefined ? '' : `; ${{ 'in-use': 'in use: it suspends findings', unused: 'unused: the rule passes without it', expired: 'expired: findings are reported again', rejected: 'rejected by policy' }[note.status]}`;
  return `${what} of ${f.code(note.rule)} for ${f.code(`${note.team}/${note.target}`)}, approved by ${f.code(note.approvedBy)} (${f.text(note.ticket)}), expires ${f.text(note.expires)} (${days})${covers}${status}`;
}
