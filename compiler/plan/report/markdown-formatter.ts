/** The Formatter for the PR comment, and list limiting shared by the view functions. */
import type { Formatter } from './describe-ml.ts';
import { escapeInline, inlineCode } from './escape.ts';
import type { LimitedList } from './view-model.ts';

/** Escapes user strings for GitHub Markdown. */
export const MARKDOWN: Formatter = { code: inlineCode, text: escapeInline, strong: (text) => `**${text}**` };

/** The first `limit` items (all when no limit) and how many were left out. */
export function limited<T>(items: readonly T[], limit: number | undefined): LimitedList<T> {
  if (limit === undefined || items.length <= limit) return { items, hidden: 0 };
  return { items: items.slice(0, limit), hidden: items.length - limit };
}
