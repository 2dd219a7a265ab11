/** The bot's answers to `/mlops promote` and `/mlops rollback`: the pull request opened, a refusal with its reason, or the usage. Pure. */
import { escapeInline, inlineCode } from '../../compiler/plan/report/escape.ts';
import type { Refusal } from '../../compiler/promote/refusal.ts';

/** Marker of the bot's answers to promote/rollback commands. */
export const REPLY_MARKER = '<!-- mlops:promote-reply -->';

/** The comment saying a pull request was opened. */
export function openedReply(requestedBy: string, number: number, title: string, description: string): string {
  return `${REPLY_MARKER}\n&#64;${escapeInline(requestedBy)}: opened #${number} — ${escapeInline(title)}.\n\n${escapeInline(description)}.\n`;
}

/** The comment saying why nothing was opened. */
export function refusalReply(command: string, requestedBy: string, refusal: Refusal): string {
  const lines = [REPLY_MARKER, `&#64;${escapeInline(requestedBy)}: ${inlineCode(`/mlops ${command}`)} refused (${inlineCode(refusal.code)}): ${escapeInline(refusal.reason)}`];
  if (refusal.hint !== undefined) lines.push('', `Hint: ${escapeInline(refusal.hint)}`);
  const shown = refusal.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').slice(0, 10);
  if (shown.length > 0) lines.push('', ...shown.map((diagnostic) => `- ${inlineCode(`${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`)} ${inlineCode(diagnostic.code)} ${escapeInline(diagnostic.message)}`));
  return `${lines.join('\n')}\n`;
}

/** The comment for a command written wrongly. */
export function usageReply(requestedBy: string, usageError: string, usage: string): string {
  return `${REPLY_MARKER}\n&#64;${escapeInline(requestedBy)}: ${escapeInline(usageError)}\n\nUsage: ${inlineCode(usage)}\n`;
}
