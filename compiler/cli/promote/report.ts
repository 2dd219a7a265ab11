/** What `mlops promote` and `mlops rollback` print: the refusal with its reason, or the branch and the pull request text. */
import type { SourceTree } from '../../load/source-tree.ts';
import { terminalSafe } from '../../plan/report/escape.ts';
import type { PreparedChange } from '../../promote/prepare-promotion.ts';
import type { Refusal } from '../../promote/refusal.ts';
import type { CliIO } from '../command.ts';
import { formatDiagnostics } from '../format/diagnostics.ts';

/** Prints a refusal to stderr (the caller exits 1). */
export function printRefusal(command: string, refusal: Refusal, tree: SourceTree, io: CliIO, color: boolean): void {
  const lines = [`mlops ${command}: refused (${refusal.code}): ${terminalSafe(refusal.reason)}`];
  if (refusal.hint !== undefined) lines.push(`  hint: ${terminalSafe(refusal.hint)}`);
  io.stderr(`${lines.join('\n')}\n`);
  if (refusal.diagnostics.length > 0) io.stderr(formatDiagnostics(refusal.diagnostics, tree, { color, format: 'human' }));
}

/** Prints the branch created and the pull request to open. */
export function printPrepared(prepared: PreparedChange, commit: string, repoDisplay: string, evidence: string | undefined, io: CliIO): void {
  const { pullRequest } = prepared;
  const lines = [
    `Created branch ${pullRequest.branch} (commit ${commit.slice(0, 12)}) in ${terminalSafe(repoDisplay)}, changing ${terminalSafe(prepared.file)}:`,
    `  ${terminalSafe(pullRequest.description)}`,
    ...(evidence !== undefined ? [`  ${terminalSafe(evidence)}`] : []),
    '',
    'Open a pull request from it with this text:',
    '',
    `Title: ${terminalSafe(pullRequest.title)}`,
    '',
    terminalSafe(pullRequest.body),
  ];
  io.stdout(`${lines.join('\n')}`);
}
