/**
 * The `/mlops report [--since YYYY-MM-DD]` bot command: renders the rollout report of the deploy
 * repo as Markdown and posts it as one sticky PR comment (found again by its marker, updated in
 * place). A handler with its ports injected — the bot core's command registry wires it, the tests
 * swap the ports. Comment text is hostile: arguments are parsed strictly, nothing from it runs.
 */
import { gatherReport } from '../../compiler/cli/report/gather-report.ts';
import { readReportTemplates } from '../../compiler/cli/report/read-report-templates.ts';
import { UsageError } from '../../compiler/cli/command.ts';
import { COMMENT_SIZE_LIMIT } from '../../compiler/plan/report/render-report.ts';
import { parseDay } from '../../compiler/policy/waivers.ts';
import { REPORT_MARKER, renderMarkdown } from '../../compiler/report/render/render-report.ts';

/** What the bot core knows about the command it received. */
export interface ReportCommandContext {
  /** The PR (or issue) the command was written on. */
  readonly issueNumber: number;
  /** The words after `/mlops report`, split on white space. */
  readonly args: readonly string[];
}

/** The small interface the handler needs from the bot. */
export interface ReportCommandPorts {
  /** A local clone of the deploy repo at the tip of its branch (the bot's git cache). */
  readonly deployRepoPath: () => Promise<string>;
  /** A local checkout of the config repo's base branch (targets, waivers, adoption), when available. */
  readonly configRepoPath?: () => Promise<string | undefined>;
  /** Prometheus base URL from the bot's settings, when it has one. */
  readonly prometheusUrl?: string;
  /** Creates the comment that starts with `marker` on the issue, or updates it in place. */
  readonly upsertComment: (issueNumber: number, marker: string, body: string) => Promise<void>;
  /** Today. */
  readonly now: () => Date;
}

/** What the handler did. */
export type ReportCommandResult = { readonly status: 'posted'; readonly changesShown: number } | { readonly status: 'rejected'; readonly reason: string };

/** `/mlops report` usage, posted back when the arguments are wrong. */
export const REPORT_COMMAND_USAGE = 'Usage: `/mlops report [--since YYYY-MM-DD]` — posts the rollout report of the deploy repo.';

function parseSince(args: readonly string[]): Date | undefined {
  if (args.length === 0) return undefined;
  const day = args.length === 2 && args[0] === '--since' ? parseDay(args[1]!) : undefined;
  if (day === undefined) throw new UsageError(REPORT_COMMAND_USAGE);
  return new Date(day * 86_400_000);
}

/** Handles one `/mlops report` command. */
export async function handleReportCommand(context: ReportCommandContext, ports: ReportCommandPorts): Promise<ReportCommandResult> {
  let since: Date | undefined;
  try {
    since = parseSince(context.args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    await ports.upsertComment(context.issueNumber, REPORT_MARKER, `${REPORT_MARKER}\n${REPORT_COMMAND_USAGE}\n`);
    return { status: 'rejected', reason: error.message };
  }
  const deployRepo = await ports.deployRepoPath();
  const config = await ports.configRepoPath?.();
  let report: Awaited<ReturnType<typeof gatherReport>>;
  try {
    report = await gatherReport({ deployRepo, ...(config ? { config } : {}), ...(ports.prometheusUrl ? { prometheus: ports.prometheusUrl } : {}), ...(since ? { since } : {}), until: ports.now(), cwd: deployRepo });
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    await ports.upsertComment(context.issueNumber, REPORT_MARKER, `${REPORT_MARKER}\n⚠️ The rollout report could not be made: ${error.message.replace(/[\u0000-\u001f\u007f]/g, ' ')}\n`);
    return { status: 'rejected', reason: error.message };
  }
  const templates = await readReportTemplates();
  for (const limit of [50, 20, 5, 0]) {
    const body = renderMarkdown(report, templates, limit);
    if (body.length <= COMMENT_SIZE_LIMIT) {
      await ports.upsertComment(context.issueNumber, REPORT_MARKER, body);
      return { status: 'posted', changesShown: Math.min(limit, report.prodChanges.length) };
    }
  }
  const body = `${renderMarkdown(report, templates, 0).slice(0, COMMENT_SIZE_LIMIT - 200)}\n\n… cut to fit GitHub's comment size limit; run \`mlops report --format json\` for the whole report.\n`;
  await ports.upsertComment(context.issueNumber, REPORT_MARKER, body);
  return { status: 'posted', changesShown: 0 };
}
