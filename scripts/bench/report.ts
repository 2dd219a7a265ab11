/**
 * Benchmark: the rollout report over a trail of 100,000 audit events (about four years of a busy
 * org: deploys to staging and two production clusters, Argo CD reports, failures, rollbacks,
 * waivers), from the trail files' text to the Markdown report — reading, parsing and every figure —
 * paired in each run with the floor of `JSON.parse` of every line. Target: ≤ 2 s.
 * Run: `npx tsx scripts/bench/report.ts [events] [--runs N]` or `npm run bench -- report`.
 */
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readReportTemplates } from '../../compiler/cli/report/read-report-templates.ts';
import { type AuditEntry, type AuditServingChange, auditFilePath, chainEntry, serializeEntry, type UnchainedAuditEntry } from '../../compiler/audit/audit-entry.ts';
import { buildReport } from '../../compiler/report/build-report.ts';
import type { TrailFile } from '../../compiler/audit/parse-trail.ts';
import { reportTrail } from '../../compiler/report/report-trail.ts';
import { renderMarkdown } from '../../compiler/report/render/render-report.ts';
import { median, timed } from './support/measure.ts';

const START = Date.parse('2023-01-02T00:00:00Z');
const MINUTE = 60_000;

function change(index: number, tier: AuditServingChange['tier']): AuditServingChange {
  const team = `team-${index % 40}`;
  return { team, deployment: `api-${index % 7}`, model: `model-${index % 7}`, environment: tier === 'production' ? 'prod' : 'staging', tier, riskTier: (['low', 'medium', 'high'] as const)[index % 3]!, action: 'changed', versionAfter: `1.${index % 50}.0`, metrics: { auc: 0.8 + (index % 100) / 1000 } };
}

/** A synthetic trail of about `events` entries, chained, as monthly files. */
export function syntheticTrail(events: number): { files: TrailFile[]; until: Date } {
  const entries: AuditEntry[] = [];
  const push = (entry: UnchainedAuditEntry) => entries.push(chainEntry(entry, entries.at(-1)));
  let time = START;
  for (let deploy = 0; entries.length < events; deploy++) {
    time += 20 * MINUTE;
    const tree = `sha256:${deploy.toString(16).padStart(64, '0')}`;
    const prod = deploy % 3 !== 0;
    const failed = deploy % 29 === 0;
    const base: UnchainedAuditEntry = {
      time: new Date(time).toISOString(),
      event: failed ? 'deploy-failed' : deploy % 97 === 0 ? 'rollback' : 'deploy',
      actor: `dev-${deploy % 60}`,
      source: { repo: 'acme/config', sha: tree.slice(7, 47), pr: deploy, prOpenedAt: new Date(time - 90 * MINUTE).toISOString(), mergedAt: new Date(time - MINUTE).toISOString(), author: `dev-${deploy % 60}` },
      approvers: [`dev-${(deploy + 1) % 60}`, `dev-${(deploy + 2) % 60}`],
      approvals: [{ id: 'prod', count: 2, approvedBy: [`dev-${(deploy + 1) % 60}`, `dev-${(deploy + 2) % 60}`], satisfied: deploy % 31 !== 0 }],
      deploy: { repo: 'acme/deploy', branch: 'main', treeHash: tree },
      environments: prod ? ['prod'] : ['staging'],
      teams: [`team-${deploy % 40}`],
      changes: prod ? [change(deploy, 'production'), change(deploy + 1, 'production')] : [change(deploy, 'staging')],
      policy: { passed: true, errors: 0, warnings: 1, waivers: deploy % 11 === 0 ? [{ rule: 'k8s/read-only-root-fs', target: `deployments/api-${deploy % 7}`, team: `team-${deploy % 40}`, ticket: 'SEC-1', approvedBy: '@sec', expires: new Date(time + 30 * 86_400_000).toISOString().slice(0, 10) }] : [] },
    };
    push(base);
    if (failed) continue;
    for (const cluster of prod ? ['prod-eu', 'prod-us'] : ['stg-eu']) {
      time += 5 * MINUTE;
      push({ ...base, time: new Date(time).toISOString(), event: deploy % 43 === 0 && cluster === 'prod-us' ? 'degraded' : 'synced', actor: 'argocd', deploy: { ...base.deploy, cluster, commit: tree.slice(7, 47) } });
    }
  }
  const byPath = new Map<string, string[]>();
  for (const entry of entries) {
    const path = auditFilePath(entry.time);
    const lines = byPath.get(path) ?? [];
    lines.push(serializeEntry(entry));
    byPath.set(path, lines);
  }
  return { files: [...byPath].map(([path, lines]) => ({ path, content: `${lines.join('\n')}\n` })), until: new Date(time + MINUTE) };
}

/**
 * A full garbage collection before each timed step, so that no step pays for the garbage of the one
 * before (the CLI runs one report in a fresh process).
 */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Figures of one benchmark. */
export interface ReportBenchResult {
  readonly events: number;
  readonly megabytes: number;
  readonly reportMs: number;
  readonly floorMs: number;
  readonly ratio: number;
  /** `JSON.parse` of every line, the entries kept in an array (what holding the trail costs). */
  readonly keptFloorMs: number;
  readonly keptRatio: number;
}

/** Times the report (read + figures + Markdown) against `JSON.parse` of every line, `runs` times. */
export async function measure(events: number, runs: number): Promise<ReportBenchResult> {
  const { files, until } = syntheticTrail(events);
  const templates = await readReportTemplates();
  const reports: number[] = [];
  const floors: number[] = [];
  const ratios: number[] = [];
  const keptFloors: number[] = [];
  const keptRatios: number[] = [];
  const gc = collector();
  for (let index = 0; index < runs; index++) {
    gc();
    const floor = timed(() => {
      let parsed = 0;
      for (const file of files) for (const line of file.content.split('\n')) if (line !== '') parsed += (JSON.parse(line) as AuditEntry).seq > 0 ? 1 : 0;
      return parsed;
    });
    gc();
    const kept = timed(() => {
      const entries: AuditEntry[] = [];
      for (const file of files) for (const line of file.content.split('\n')) if (line !== '') entries.push(JSON.parse(line) as AuditEntry);
      return entries.length;
    });
    gc();
    const report = timed(() => renderMarkdown(buildReport({ trail: reportTrail(files), until }), templates));
    if (floor.value < events || !report.value.includes('Model deployment success')) throw new Error('the benchmark did not read the whole trail');
    reports.push(report.ms);
    floors.push(floor.ms);
    ratios.push(report.ms / floor.ms);
    keptFloors.push(kept.ms);
    keptRatios.push(report.ms / kept.ms);
  }
  const megabytes = files.reduce((sum, file) => sum + file.content.length, 0) / 2 ** 20;
  return { events, megabytes, reportMs: median(reports), floorMs: median(floors), ratio: median(ratios), keptFloorMs: median(keptFloors), keptRatio: median(keptRatios) };
}

/** Runs the benchmark (default 100,000 events, 5 runs). */
export async function run(events = 100_000, runs = 5): Promise<ReportBenchResult> {
  const result = await measure(events, runs);
  console.log(
    [
      `report: ${result.events} audit events (${result.megabytes.toFixed(1)} MiB of JSON Lines) → every figure + the Markdown report`,
      `  report, median            ${result.reportMs.toFixed(0)} ms (target ≤ 2000 ms)`,
      `  floor (JSON.parse), median ${result.floorMs.toFixed(0)} ms`,
      `  ratio to the floor         ${result.ratio.toFixed(2)}× (median of per-run ratios)`,
      `  JSON.parse, entries kept   ${result.keptFloorMs.toFixed(0)} ms; the report is ${result.keptRatio.toFixed(2)}× that`,
    ].join('\n'),
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
  const events = args.filter((_, index) => index !== runsAt && index !== runsAt + 1).map(Number)[0];
  await run(events, runs);
}
