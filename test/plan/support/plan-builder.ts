/** Builds Plan values by hand, for report tests that need shapes no config could produce. */
import type { Diagnostic } from '../../../compiler/diagnostics/diagnostic.ts';
import type { Plan, ResourceChange } from '../../../compiler/plan/plan-model.ts';
import { unifiedDiff } from '../../../compiler/plan/diff/line-diff.ts';

/** A resource change with a real diff between two texts. */
export function resourceChange(path: string, before: string | undefined, after: string | undefined, extra: Partial<ResourceChange> = {}): ResourceChange {
  const diff = unifiedDiff(path, before, after);
  const action = before === undefined ? 'added' : after === undefined ? 'removed' : 'changed';
  return { path, action, cluster: 'prod-eu', environment: 'prod', team: 'fraud', objects: [], diff: diff.text, linesAdded: diff.added, linesRemoved: diff.removed, ...extra };
}

/** A diagnostic at line:column of a file. */
export function diagnosticAt(file: string, line: number, column: number, code: string, message: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const position = { line, column, offset: 0 };
  return { code, severity, message, file, range: { start: position, end: position } };
}

/** An empty, valid plan with the given parts replaced. */
export function buildPlan(parts: Partial<Plan> = {}): Plan {
  const resources = parts.resources ?? [];
  const count = (action: ResourceChange['action']) => resources.filter((change) => change.action === action).length;
  const clusters = [...new Set(resources.map((change) => change.cluster))].sort().map((cluster) => {
    const group = resources.filter((change) => change.cluster === cluster);
    return { cluster, environment: group[0]!.environment, teams: [...new Set(group.map((change) => change.team))].sort(), added: group.filter((change) => change.action === 'added').length, changed: group.filter((change) => change.action === 'changed').length, removed: group.filter((change) => change.action === 'removed').length };
  });
  return {
    status: 'ok',
    noop: resources.length === 0,
    inputs: [],
    resources,
    counts: { added: count('added'), changed: count('changed'), removed: count('removed') },
    clusters,
    deletions: resources.filter((change) => change.action === 'removed'),
    ml: { versions: [], rollouts: [], capacity: [], pipelines: [], monitors: [], waivers: [] },
    impact: { platformChanged: false, teams: [], clusters: [], unaffectedTeams: [] },
    diagnostics: { head: [], introduced: [], resolved: [], headErrors: 0, baseErrors: 0 },
    approvals: { rules: [], conflicts: [] },
    risk: { level: 'low', reasons: [{ level: 'low', text: 'No output changes.' }] },
    scope: { incremental: true, compiledTeams: [], totalTeams: 1 },
    ...parts,
  };
}
