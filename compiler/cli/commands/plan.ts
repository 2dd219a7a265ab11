/**
 * `mlops plan [dir] --base <ref> [--head <ref>]`: what a PR from base to head changes — rendered
 * resources, ML summary, required approvals, risk — exactly as the bot would comment it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { SourceTree } from '../../load/source-tree.ts';
import { validate } from '../../pipeline.ts';
import { plan } from '../../plan/plan.ts';
import { planText } from '../../plan/report/plan-text.ts';
import { renderReport } from '../../plan/report/render-report.ts';
import { type CliCommand, type CliIO, UsageError } from '../command.ts';
import { escapeJsonControls } from '../format/visible-text.ts';
import { assertDirectory } from '../fs-source.ts';
import { readGitTree, readWorkingTree } from '../git-tree-source.ts';
import { gatherEvidence } from '../report/gather-report.ts';
import { assertCreatable, entryAt } from '../writable-target.ts';
import { readPlanTemplates } from '../templates-source.ts';
import { directoryArgument, formatOption, wantsColor } from './validate.ts';

/** Output formats of `mlops plan`. */
export type PlanFormat = 'text' | 'markdown' | 'json';

function stringOption(value: unknown, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`${flag} needs a value.`);
  return value;
}

/** Refuses an `--out` that is not a folder and cannot become one, before the plan is made or printed. */
async function checkReportFolder(out: string, shown: string): Promise<void> {
  const info = await entryAt(out);
  if (info && !info.isDirectory()) throw new UsageError(`--out ${shown} exists and is not a folder.`);
  await assertCreatable(out, shown);
}

async function writeReports(out: string, shown: string, reports: { comment: string; markdown: string; json: string }, io: CliIO): Promise<void> {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'plan.md'), reports.markdown);
  await writeFile(join(out, 'plan.json'), reports.json);
  await writeFile(join(out, 'comment.md'), reports.comment);
  io.stderr(`Wrote plan.md, plan.json and comment.md to ${shown}\n`);
}

/** The `plan` command. */
export const command: CliCommand = {
  name: 'plan',
  summary: 'Show what a change does: rendered resources, model versions and traffic, approvals needed, risk.',
  usage: [
    'Usage: mlops plan [dir] --base <ref> [--head <ref>] [--format text|markdown|json] [--out <dir>]',
    '',
    '  dir            config repo folder inside a git work tree (default: the current directory)',
    '  --base         git ref to compare against, e.g. main or origin/main (required)',
    '  --head         git ref of the change (default: the working tree, uncommitted edits included, ignored files left out)',
    '  --format       text (default), markdown (the PR comment) or json',
    '  --out          also write plan.md, plan.json and comment.md to this folder',
    '  --author       the change author (@handle): their approval never counts',
    '  --diff         with text output, print each resource diff',
    '  --full         compile every team, not only those whose inputs changed',
    '  --deploy-repo  the deploy repo: a change raising rollout.phase is gated on the success criteria measured from its audit trail',
    '  --prometheus   with --deploy-repo, Prometheus base URL for the availability criterion',
    '',
    'Exit codes: 0 planned, 1 the head has errors or the phase gate fails, 2 usage or I/O error.',
  ].join('\n'),
  options: {
    base: { type: 'string' },
    head: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    author: { type: 'string' },
    diff: { type: 'boolean' },
    full: { type: 'boolean' },
    'deploy-repo': { type: 'string' },
    prometheus: { type: 'string' },
  },
  async run(input, io) {
    const format = formatOption<PlanFormat>(input, ['text', 'markdown', 'json'], 'text');
    const baseRef = stringOption(input.values.base, '--base');
    if (baseRef === undefined) throw new UsageError('mlops plan needs --base <ref>, e.g. --base main.');
    const headRef = stringOption(input.values.head, '--head');
    const out = stringOption(input.values.out, '--out');
    const author = stringOption(input.values.author, '--author');
    const dir = directoryArgument(input, io, 'plan');
    await assertDirectory(dir.absolute, dir.given);
    if (out !== undefined) await checkReportFolder(resolve(io.cwd, out), out);
    const base = await readGitTree(dir.absolute, baseRef);
    const head: SourceTree = headRef === undefined ? await readWorkingTree(dir.absolute) : await readGitTree(dir.absolute, headRef);
    const deployRepo = stringOption(input.values['deploy-repo'], '--deploy-repo');
    const prometheus = stringOption(input.values.prometheus, '--prometheus');
    if (prometheus !== undefined && deployRepo === undefined) throw new UsageError('--prometheus needs --deploy-repo <deploy-repo>.');
    const baseOrg = deployRepo === undefined ? undefined : validate(base).org;
    const rolloutEvidence =
      deployRepo === undefined ? undefined : await gatherEvidence({ deployRepo: resolve(io.cwd, deployRepo), ...(baseOrg ? { config: baseOrg } : {}), ...(prometheus !== undefined ? { prometheus } : {}), until: new Date(), cwd: io.cwd });
    const result = plan(base, head, { ...(author !== undefined ? { author } : {}), incremental: input.values.full !== true, ...(rolloutEvidence ? { rolloutEvidence } : {}) });
    const needsReports = format !== 'text' || out !== undefined;
    const reports = needsReports ? renderReport(result, await readPlanTemplates(), { fullReport: out === undefined ? 'the output of `mlops plan --out <dir>`' : 'plan.md' }) : undefined;
    if (format === 'text') io.stdout(planText(result, { color: wantsColor(io), diffs: input.values.diff === true }));
    else if (format === 'markdown') io.stdout(reports!.comment);
    else io.stdout(escapeJsonControls(reports!.json));
    if (out !== undefined) await writeReports(resolve(io.cwd, out), out, reports!, io);
    return result.status === 'ok' && result.phaseGate?.status !== 'failed' ? 0 : 1;
  },
};
