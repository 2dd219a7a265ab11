/**
 * Escaping of user-supplied strings for the PR comment. Handlebars' HTML escaping is not Markdown
 * escaping: a backtick, `|`, `*` or `[` would still break a table or start a link. Every user string
 * goes through one of these before it reaches a template (templates are compiled with noEscape).
 */

/** Characters with a meaning in GitHub Markdown or HTML, written as numeric character references. */
const INLINE_SPECIAL = /[&<>`|\\*_[\]~#@$]/g;

/**
 * Text safe anywhere inline: in Markdown paragraphs, list items, table cells, inside `<code>` and
 * `<summary>`. Markup characters become numeric references (rendered as the character, never
 * parsed), newlines become spaces, control characters are dropped, and mentions cannot ping.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(INLINE_SPECIAL, (character) => `&#${character.charCodeAt(0)};`);
}

/** User text shown as code: `<code>` with escaped content (a Markdown code span cannot hold a backtick safely in a table). */
export function inlineCode(text: string): string {
  return `<code>${escapeInline(text)}</code>`;
}

/**
 * A fenced code block holding `content` verbatim: the fence is longer than any backtick run inside,
 * so no line of the content can close it.
 */
export function fencedBlock(content: string, info = ''): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = content.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
  return `${fence}${info}\n${body.endsWith('\n') ? body : `${body}\n`}${fence}`;
}

/** Text for a terminal: control characters (ANSI escapes included) and bidi overrides are dropped, newlines kept. */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, '');
}

/** One line for a terminal or CI log: as `terminalSafe`, and line breaks and tabs become spaces, so no text can start a line of its own (`::error::`). */
export function terminalLine(text: string): string {
  return terminalSafe(text.replace(/[\r\n\t]+/g, ' '));
}
