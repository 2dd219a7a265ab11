/**
 * Renders a plan as a PR comment within GitHub's size limit, plus the full Markdown and JSON reports.
 * The comment falls back from full (every diff) to concise (no diffs) to truncated (lists cut, with a
 * note pointing at the full report). Template sources are inputs: the shell reads `templates/`.
 */
import Handlebars from 'handlebars';
import type { Plan } from '../plan-model.ts';
import { escapeInline } from './escape.ts';
import { planView } from './plan-view.ts';
import type { PlanView, ReportMode } from './view-model.ts';

/** GitHub's limit on an issue or PR comment body, in characters. */
export const COMMENT_SIZE_LIMIT = 65_536;

/** Template sources: the main comment template and its partials by name. */
export interface PlanTemplates {
  readonly main: string;
  readonly partials: Readonly<Record<string, string>>;
}

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Where readers find the full report. @default "the plan.md and plan.json reports" */
  readonly fullReport?: string;
  /** Size budget of the comment. @default COMMENT_SIZE_LIMIT */
  readonly budget?: number;
}

/** The rendered reports. */
export interface PlanReport {
  /** The PR comment: starts with the sticky marker, at most `budget` characters. */
  readonly comment: string;
  readonly mode: ReportMode;
  /** The full Markdown report (every diff, no limit). */
  readonly markdown: string;
  /** The plan as JSON (`version` changes only on incompatible changes). */
  readonly json: string;
}

/** Renderers already compiled, per templates object (the bot renders many plans with one). */
const compiled = new WeakMap<PlanTemplates, (view: PlanView) => string>();

/** Compiles the templates into a renderer (throws on a malformed template: a bug, caught by tests). */
export function compileTemplates(templates: PlanTemplates): (view: PlanView) => string {
  const known = compiled.get(templates);
  if (known) return known;
  const renderer = compileFresh(templates);
  compiled.set(templates, renderer);
  return renderer;
}

function compileFresh(templates: PlanTemplates): (view: PlanView) => string {
  const handlebars = Handlebars.create();
  for (const [name, source] of Object.entries(templates.partials)) handlebars.registerPartial(name, handlebars.compile(source, { noEscape: true, strict: true }));
  const main = handlebars.compile<PlanView>(templates.main, { noEscape: true, strict: true });
  return (view) => `${main(view).replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/** The plan as stable JSON. */
export function planJson(plan: Plan): string {
  return `${JSON.stringify({ version: 1, ...plan }, null, 2)}\n`;
}

function largestFittingLimit(render: (limit: number) => string, budget: number, upper: number): { text: string; limit: number } | undefined {
  let low = 0;
  let high = upper;
  let best: { text: string; limit: number } | undefined;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text = render(middle);
    if (text.length <= budget) {
      best = { text, limit: middle };
      low = middle + 1;
    } else high = middle - 1;
  }
  return best;
}

/** Renders the comment within the budget, and the full reports. */
export function renderReport(plan: Plan, templates: PlanTemplates, options: ReportOptions = {}): PlanReport {
  const render = compileTemplates(templates);
  const fullReport = options.fullReport ?? 'the plan.md and plan.json reports';
  const budget = options.budget ?? COMMENT_SIZE_LIMIT;
  const markdown = render(planView(plan, { mode: 'full', fullReport }));
  const json = planJson(plan);
  if (markdown.length <= budget) return { comment: markdown, mode: 'full', markdown, json };
  const concise = render(planView(plan, { mode: 'concise', fullReport }));
  if (concise.length <= budget) return { comment: concise, mode: 'concise', markdown, json };
  const lists = [plan.resources, plan.diagnostics.head, plan.ml.rollouts, plan.ml.versions, plan.ml.waivers, plan.ml.pipelines, plan.ml.monitors, plan.approvals.rules, plan.impact.teams, plan.impact.unaffectedTeams];
  const longest = Math.max(1, ...lists.map((list) => list.length));
  const fitting = largestFittingLimit((limit) => render(planView(plan, { mode: 'truncated', limit, fullReport })), budget, longest);
  if (fitting) return { comment: fitting.text, mode: 'truncated', markdown, json };
  const note = `\n\n> [!NOTE]\n> This comment is cut to fit GitHub's comment size limit. The full report is in ${escapeInline(fullReport)}.\n`;
  const cut = render(planView(plan, { mode: 'truncated', limit: 0, fullReport })).slice(0, budget - note.length);
  return { comment: `${cut.slice(0, cut.lastIndexOf('\n'))}${note}`, mode: 'truncated', markdown, json };
}
