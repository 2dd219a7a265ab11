/**
 * Golden plan cases planned with the real compiler, and the expected files they are compared with
 * (`expected.md`: the full Markdown report; `expected.json`: the plan without diff texts).
 * Regenerate: `npx tsx test/plan/support/golden-plans.ts` (or `UPDATE_GOLDEN=1 npx vitest run test/plan/golden.test.ts`).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readPlanTemplates } from '../../../compiler/cli/templates-source.ts';
import { plan } from '../../../compiler/plan/plan.ts';
import type { Plan } from '../../../compiler/plan/plan-model.ts';
import { renderReport } from '../../../compiler/plan/report/render-report.ts';
import { headFiles, listCases, PLAN_FIXTURES, type PlanCase, readTree, toSourceTree } from './plan-case.ts';

/** The clock of every golden plan (waiver expiry). */
export const GOLDEN_NOW = new Date('2026-11-27T12:00:00Z');

/** The reviewable essence of a plan: everything but the diff texts. */
export function planSummary(result: Plan): unknown {
  return {
    status: result.status,
    noop: result.noop,
    inputs: result.inputs,
    counts: result.counts,
    clusters: result.clusters,
    resources: result.resources.map((change) => `${change.action} ${change.path} (+${change.linesAdded} -${change.linesRemoved})`),
    deletions: result.deletions.map((change) => change.path),
    ml: result.ml,
    impact: result.impact,
    diagnostics: {
      head: result.diagnostics.head.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.severity} ${diagnostic.code}`),
      introduced: result.diagnostics.introduced.length,
      resolved: result.diagnostics.resolved.length,
    },
    approvals: result.approvals,
    risk: result.risk,
    scope: result.scope,
  };
}

/** One planned case with its expected files' paths and actual contents. */
export interface GoldenPlan {
  readonly planCase: PlanCase;
  readonly plan: Plan;
  readonly files: readonly { readonly path: string; readonly actual: string }[];
}

/** Plans every case against the base repo. */
export async function goldenPlans(): Promise<GoldenPlan[]> {
  const templates = await readPlanTemplates();
  const base = await readTree(join(PLAN_FIXTURES, 'base'));
  const results: GoldenPlan[] = [];
  for (const planCase of await listCases()) {
    const head = await headFiles(base, planCase);
    const result = plan(toSourceTree(base), toSourceTree(head), { now: GOLDEN_NOW, ...(planCase.author ? { author: planCase.author } : {}) });
    const report = renderReport(result, templates, { fullReport: 'plan.md' });
    results.push({
      planCase,
      plan: result,
      files: [
        { path: join(PLAN_FIXTURES, planCase.name, 'expected.md'), actual: report.markdown },
        { path: join(PLAN_FIXTURES, planCase.name, 'expected.json'), actual: `${JSON.stringify(planSummary(result), null, 2)}\n` },
      ],
    });
  }
  return results;
}

/** Rewrites every expected file from the current compiler; review the diff before committing. */
export async function writeGoldenPlans(): Promise<void> {
  for (const golden of await goldenPlans()) {
    for (const file of golden.files) await writeFile(file.path, file.actual);
    console.log(`plan ${golden.planCase.name}: ${golden.plan.resources.length} resource changes, ${golden.plan.diagnostics.head.length} diagnostics`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await writeGoldenPlans();
