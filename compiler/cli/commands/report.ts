/**
 * `mlops report <deploy-repo> [--config <config-repo>] [--since YYYY-MM-DD] [--prometheus URL]
 * [--format md|html|json] [--out file]`: the rollout dashboard — each phase's success criteria and
 * the plan's KPIs measured from the audit trail (and the config and Prometheus when given).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseDay } from '../../policy/waivers.ts';
import { type CliCommand, type CliInput, UsageError } from '../command.ts';
import { gatherReport, type ReportFormat, renderReportAs } from '../report/gather-report.ts';
import { formatOption } from './validate.ts';

function stringOption(input: CliInput, flag: string): string | undefined {
  const value = input.values[flag];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${flag} needs a value.`);
  return value;
}

/** `--since YYYY-MM-DD` as the start of that UTC day. */
export function sinceOption(input: CliInput): Date | undefined {
  const text = stringOption(input, 'since');
  if (text === undefined) return undefined;
  const day = parseDay(text);
  if (day === undefined) throw new UsageError(`--since must be a date (YYYY-MM-DD); got ${JSON.stringify(text)}.`);
  return new Date(day * 86_400_000);
}

/** The `report` command. */
export const command: CliCommand = {
  name: 'report',
  summary: 'The rollout dashboard: success criteria and KPIs measured from the deploy repo\'s audit trail.',
  usage: [
    'Usage: mlops report <deploy-repo> [--config <config-repo>] [--since YYYY-MM-DD] [--prometheus URL] [--format md|html|json] [--out file]',
    '',
    '  deploy-repo    the deploy repo (a git repo, read at HEAD, or a plain folder) holding audit/YYYY-MM.jsonl',
    '  --config       the config repo folder: targets, criteria waivers, manual figures, adoption, feature usage',
    '  --since        first day of the report (default: the trail\'s first entry); the last is today',
    '  --prometheus   Prometheus base URL, e.g. http://prometheus:9090, for availability, latency, utilisation, pipeline runs',
    '  --format       md (default), html (the self-contained dashboard page) or json',
    '  --out          write to this file instead of standard output',
    '',
    'The report ends today; MLOPS_NOW=<ISO time> sets "today" (reproducible reports).',
    'Exit codes: 0 written, 2 usage or I/O error (an unreachable Prometheus included).',
  ].join('\n'),
  options: {
    config: { type: 'string' },
    since: { type: 'string' },
    prometheus: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(input, io) {
    const format = formatOption<ReportFormat>(input, ['md', 'html', 'json'], 'md');
    if (input.positionals.length !== 1) throw new UsageError(`mlops report takes one deploy repo; got ${input.positionals.length} arguments.`);
    const config = stringOption(input, 'config');
    const prometheus = stringOption(input, 'prometheus');
    const out = stringOption(input, 'out');
    const since = sinceOption(input);
    const until = new Date(io.env.MLOPS_NOW ?? Date.now());
    if (Number.isNaN(until.getTime())) throw new UsageError(`MLOPS_NOW must be an ISO time; got ${JSON.stringify(io.env.MLOPS_NOW)}.`);
    if (since && since.getTime() > until.getTime()) throw new UsageError('--since is after today.');
    const report = await gatherReport({
      deployRepo: resolve(io.cwd, input.positionals[0]!),
      deployRepoShown: input.positionals[0]!,
      ...(config !== undefined ? { config: resolve(io.cwd, config) } : {}),
      ...(prometheus !== undefined ? { prometheus } : {}),
      ...(since ? { since } : {}),
      until,
      cwd: io.cwd,
    });
    const text = await renderReportAs(report, format);
    if (out === undefined) io.stdout(text);
    else {
      const path = resolve(io.cwd, out);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text);
      io.stderr(`Wrote the ${format === 'html' ? 'dashboard' : 'report'} to ${path}\n`);
    }
    return 0;
  },
};
