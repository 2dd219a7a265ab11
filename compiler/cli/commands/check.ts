/**
 * `mlops check [dir]`: compile a config repo and evaluate every policy (built-in, org, team) with
 * waivers; print findings for people, as JSON, or as SARIF 2.1.0 for code scanning.
 */
import { type Diagnostic, hasErrors } from '../../diagnostics/diagnostic.ts';
import type { FastParse } from '../../load/parse-file.ts';
import type { SourceTree } from '../../load/source-tree.ts';
import { compileInBatches } from '../../pipeline.ts';
import type { PolicyResult } from '../../policy/evaluate-policies.ts';
import { buildSarif } from '../../policy/sarif.ts';
import type { ActiveWaiver } from '../../policy/waivers.ts';
import { parseDay } from '../../policy/waivers.ts';
import { type CliCommand, type CliInput, UsageError } from '../command.ts';
import { escapeJsonControls, visibleText } from '../format/visible-text.ts';
import { type DiagnosticsJson, formatDiagnostics, summarizeDiagnostics } from '../format/diagnostics.ts';
import { readSourceTree } from '../fs-source.ts';
import { packageVersion } from '../package-layout.ts';
import { parseInParallel } from '../parallel-parse/parse-in-parallel.ts';
import { directoryArgument, formatOption, wantsColor } from './validate.ts';

/** Output formats of `check`. */
export type CheckFormat = 'human' | 'json' | 'sarif';

/** `--format json` output: the diagnostics JSON plus waivers in force and waived findings. */
export interface CheckJson extends DiagnosticsJson {
  /** Waivers in force; the bot checks each `approvedBy` against the change's author. */
  readonly waivers: readonly ActiveWaiver[];
  /** Findings suspended by a waiver. */
  readonly waived: readonly (Diagnostic & { readonly waiver: { readonly target: string; readonly ticket: string; readonly approvedBy: string; readonly expires: string } })[];
}

/** Everything `check` found. */
export interface CheckOutcome {
  readonly diagnostics: Diagnostic[];
  readonly policy?: PolicyResult;
}

/**
 * Validates, emits and evaluates policies; check writes no output, so only the findings matter and
 * each batch of objects is dropped once checked (memory stays flat for large orgs).
 */
export function runCheck(tree: SourceTree, now: Date, preparsed?: ReadonlyMap<string, FastParse>): CheckOutcome {
  const batches = compileInBatches(tree, { now, ...(preparsed ? { preparsed } : {}) });
  let step = batches.next();
  while (!step.done) step = batches.next();
  const { diagnostics, policy } = step.value;
  return { diagnostics, ...(policy ? { policy } : {}) };
}

function todayOption(input: CliInput): Date {
  const value = input.values.today;
  if (value === undefined) return new Date();
  const day = typeof value === 'string' ? parseDay(value) : undefined;
  if (day === undefined) throw new UsageError(`--today must be a date like 2026-12-31; got "${String(value)}".`);
  return new Date(day * 86_400_000);
}

/** The waivers section of human output. */
export function describeWaivers(waivers: readonly ActiveWaiver[], waivedCount: number): string {
  if (waivers.length === 0) return '';
  const lines = [`Waivers in force (${waivers.length}, covering ${waivedCount} finding${waivedCount === 1 ? '' : 's'}):`];
  for (const waiver of waivers) {
    lines.push(visibleText(`  ${waiver.rule} for ${waiver.team}/${waiver.target} — ${waiver.ticket}, approved by ${waiver.approvedBy}, expires ${waiver.expires} (${waiver.daysLeft} day${waiver.daysLeft === 1 ? '' : 's'} left)`));
    lines.push(`    ${visibleText(waiver.justification)}`);
  }
  return `${lines.join('\n')}\n`;
}

function checkJson(outcome: CheckOutcome): CheckJson {
  const waived = (outcome.policy?.findings ?? [])
    .filter((finding) => finding.waivedBy)
    .map((finding) => ({ ...finding.diagnostic, waiver: { target: finding.waivedBy!.target, ticket: finding.waivedBy!.ticket, approvedBy: finding.waivedBy!.approvedBy, expires: finding.waivedBy!.expires } }));
  return { version: 1, diagnostics: outcome.diagnostics, summary: summarizeDiagnostics(outcome.diagnostics), waivers: outcome.policy?.waivers ?? [], waived };
}

/** The `check` command. */
export const command: CliCommand = {
  name: 'check',
  summary: 'Evaluate policies (Kubernetes baseline, ML governance, org and team rules) with waivers.',
  usage: [
    'Usage: mlops check [dir] [--format human|json|sarif] [--today YYYY-MM-DD]',
    '',
    '  dir            root of the config repo (default: the current directory)',
    '  --format       human (default), json, or sarif (SARIF 2.1.0 for code scanning)',
    '  --today        the date waivers expire against (default: today)',
    '',
    'Explain a rule with `mlops explain <rule>`.',
    'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.',
  ].join('\n'),
  options: { format: { type: 'string' }, today: { type: 'string' } },
  async run(input, io) {
    const format = formatOption<CheckFormat>(input, ['human', 'json', 'sarif'], 'human');
    const now = todayOption(input);
    const dir = directoryArgument(input, io, 'check');
    const tree = await readSourceTree(dir.absolute, { shown: dir.given });
    const outcome = runCheck(tree, now, await parseInParallel(tree));
    const exitCode = hasErrors(outcome.diagnostics) ? 1 : 0;
    if (format === 'json') {
      io.stdout(`${escapeJsonControls(JSON.stringify(checkJson(outcome), null, 2))}\n`);
      return exitCode;
    }
    if (format === 'sarif') {
      const waived = (outcome.policy?.findings ?? []).filter((finding) => finding.waivedBy);
      io.stdout(`${escapeJsonControls(JSON.stringify(buildSarif({ diagnostics: outcome.diagnostics, rules: outcome.policy?.rules ?? [], waived, toolVersion: packageVersion() }), null, 2))}\n`);
      return exitCode;
    }
    const color = wantsColor(io);
    const pathPrefix = dir.display === '' ? '' : `${dir.display}/`;
    const waivedCount = (outcome.policy?.findings ?? []).filter((finding) => finding.waivedBy).length;
    const waivers = describeWaivers(outcome.policy?.waivers ?? [], waivedCount);
    if (waivers) io.stdout(`${waivers}\n`);
    io.stdout(formatDiagnostics(outcome.diagnostics, tree, { color, format: 'human', pathPrefix }));
    if (outcome.policy) io.stdout(`${outcome.policy.rules.length} rules evaluated.\n`);
    return exitCode;
  },
};
