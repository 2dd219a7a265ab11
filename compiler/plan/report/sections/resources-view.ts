/** Rendered-output changes per environment (a `<details>` with a diff per file), deletions and org impact. */
import type { Plan, ResourceChange } from '../../plan-model.ts';
import { escapeInline, fencedBlock, inlineCode } from '../escape.ts';
import { limited } from '../markdown-formatter.ts';
import type { EnvironmentView, ImpactView, ResourcesView, ResourceView } from '../view-model.ts';

const ACTION_ICON = { added: '➕', changed: '✏️', removed: '🗑️' } as const;

function resourceView(change: ResourceChange, detailed: boolean): ResourceView {
  const objects = change.objects.length > 0 ? ` — ${change.objects.map(escapeInline).join(', ')}` : '';
  const lines = `(+${change.linesAdded} −${change.linesRemoved})`;
  const summary = `${ACTION_ICON[change.action]} ${change.action} ${inlineCode(change.path)}${objects} ${lines}`;
  return { summary, diff: detailed ? fencedBlock(change.diff, 'diff') : '', line: summary };
}

function environmentTitle(environment: string): string {
  return environment === '' ? 'Org-wide output' : `Environment ${inlineCode(environment)}`;
}

/** Resource changes grouped by environment in plan order (org-wide first), at most `limit` in all. */
export function resourcesView(plan: Plan, detailed: boolean, limit: number | undefined): ResourcesView {
  const order = [...new Set(plan.clusters.map((cluster) => cluster.environment))];
  const ordered = order.flatMap((environment) => plan.resources.filter((change) => change.environment === environment));
  const shown = limited(ordered, limit);
  const environments: EnvironmentView[] = [];
  for (const environment of order) {
    const resources = shown.items.filter((change) => change.environment === environment).map((change) => resourceView(change, detailed));
    if (resources.length > 0) environments.push({ title: environmentTitle(environment), resources });
  }
  const deletions = plan.deletions.map((change) => `${inlineCode(change.path)}${change.objects.length > 0 ? ` (${change.objects.map(escapeInline).join(', ')})` : ''}`);
  return { show: plan.resources.length > 0, detailed, environments, hidden: shown.hidden, deletions: limited(deletions, limit) };
}

/** The org-level impact section (shown when platform.yaml changed); at most `limit` names per list. */
export function impactView(plan: Plan, limit: number | undefined): ImpactView {
  const names = (values: readonly string[]) => {
    if (values.length === 0) return 'none';
    const shown = limited(values, limit);
    return `${shown.items.map(inlineCode).join(', ')}${shown.hidden > 0 ? ` and ${shown.hidden} more` : ''}`;
  };
  return {
    show: plan.impact.platformChanged,
    teams: `${plan.impact.teams.length}: ${names(plan.impact.teams)}`,
    clusters: `${plan.impact.clusters.length}: ${names(plan.impact.clusters)}`,
    unaffected: `${plan.impact.unaffectedTeams.length}: ${names(plan.impact.unaffectedTeams)}`,
  };
}
