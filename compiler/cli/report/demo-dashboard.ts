/**
 * The last step of `mlops demo`: the rollout dashboard of the demo's deploy repo, written where it
 * outlives the demo's temporary folder, and its path printed. A deploy repo without a trail (or not
 * there yet) gives the dashboard of an empty trail: every figure "not measurable yet".
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../command.ts';
import { gatherReport, renderReportAs } from './gather-report.ts';

/** Where the demo writes its dashboard (one file, replaced by each run). */
export const DEMO_DASHBOARD_PATH = join(tmpdir(), 'mlops-demo-dashboard.html');

/** What the demo hands over. */
export interface DemoDashboardInput {
  /** The demo's deploy repo (its audit trail). */
  readonly deployRepo: string;
  /** The demo's config repo. */
  readonly config: string;
  readonly io: CliIO;
  /** @default DEMO_DASHBOARD_PATH */
  readonly out?: string;
  /** @default now */
  readonly until?: Date;
}

/** Renders the dashboard of the demo's trail, writes it, prints its path; returns the path. */
export async function writeDemoDashboard(input: DemoDashboardInput): Promise<string> {
  const out = input.out ?? DEMO_DASHBOARD_PATH;
  const exists = (await stat(input.deployRepo).catch(() => undefined))?.isDirectory() === true;
  const empty = exists ? undefined : await mkdtemp(join(tmpdir(), 'mlops-demo-empty-deploy-'));
  try {
    const report = await gatherReport({ deployRepo: empty ?? input.deployRepo, config: input.config, until: input.until ?? new Date(), cwd: input.io.cwd });
    await mkdir(join(out, '..'), { recursive: true });
    await writeFile(out, await renderReportAs(report, 'html'));
  } finally {
    if (empty) await rm(empty, { recursive: true, force: true });
  }
  input.io.stdout(`\nRollout dashboard of the demo's audit trail: ${out}\n`);
  return out;
}
