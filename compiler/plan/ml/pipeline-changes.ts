/** Pipelines added, removed or changed, with schedule changes called out. */
import type { ResolvedOrg, ResolvedPipeline } from '../../resolve/resolved-org.ts';
import type { PipelineChange } from './ml-model.ts';

function pipelineIndex(org: ResolvedOrg | undefined): Map<string, ResolvedPipeline> {
  const index = new Map<string, ResolvedPipeline>();
  for (const team of org?.teams ?? []) for (const pipeline of team.pipelines) index.set(`${team.name}\u0000${pipeline.name}`, pipeline);
  return index;
}

/** JSON of a resolved value without its `source` references (which move when lines move). */
export function withoutSources(value: unknown): string {
  return JSON.stringify(value, (key, entry) => (key === 'source' ? undefined : entry));
}

/** Pipeline changes sorted by team and pipeline. */
export function pipelineChanges(base: ResolvedOrg | undefined, head: ResolvedOrg | undefined): PipelineChange[] {
  const before = pipelineIndex(base);
  const after = pipelineIndex(head);
  const changes: PipelineChange[] = [];
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort();
  for (const key of keys) {
    const old = before.get(key);
    const current = after.get(key);
    const subject = (current ?? old)!;
    const schedules = { ...(old?.schedule ? { scheduleBefore: old.schedule } : {}), ...(current?.schedule ? { scheduleAfter: current.schedule } : {}) };
    const common = { team: subject.team, pipeline: subject.name, environment: subject.environment, ...schedules };
    if (!old) changes.push({ ...common, action: 'added', scheduleChanged: current?.schedule !== undefined });
    else if (!current) changes.push({ ...common, action: 'removed', scheduleChanged: old.schedule !== undefined });
    else if (withoutSources(old) !== withoutSources(current)) {
      changes.push({ ...common, action: 'changed', scheduleChanged: old.schedule !== current.schedule || old.timezone !== current.timezone });
    }
  }
  return changes;
}
