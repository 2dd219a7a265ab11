/**
 * Renders diagnostics for people (compiler-style `file:line:col error CODE message`, a code frame
 * with the range underlined, the hint, a summary line) or for machines (stable JSON).
 */
import type { Diagnostic, Severity } from '../../diagnostics/diagnostic.ts';
import { lineText } from '../../load/parsed-file.ts';
import type { SourceTree } from '../../load/source-tree.ts';
import { escapeJsonControls, visibleSource, visibleText } from './visible-text.ts';

/** Widest source excerpt a code frame shows: a 1 MB line prints a window around the range, not the line. */
export const MAX_FRAME_WIDTH = 160;

/** How to render. */
export interface FormatOptions {
  /** ANSI colours (only on a terminal that wants them). */
  readonly color: boolean;
  readonly format: 'human' | 'json';
  /** Shown before every file path in human output (e.g. `sample-repo/`), so paths are clickable. */
  readonly pathPrefix?: string;
}

/** Counts of a diagnostic list. */
export interface DiagnosticSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  /** Files with at least one diagnostic. */
  readonly files: number;
}

/** The JSON output shape (`--format json`); `version` changes only on incompatible changes. */
export interface DiagnosticsJson {
  readonly version: 1;
  readonly diagnostics: readonly Diagnostic[];
  readonly summary: DiagnosticSummary;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, green: 32, dim: 2, bold: 1 } as const;
type Style = keyof typeof ANSI;

function painter(color: boolean): (style: Style, text: string) => string {
  return (style, text) => (color && text !== '' ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
}

const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', info: 'cyan' };

/** Counts errors, warnings, infos and the files they are in. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): DiagnosticSummary {
  const count = (severity: Severity) => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info'), files: new Set(diagnostics.map((diagnostic) => diagnostic.file)).size };
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `✖ 3 errors, 1 warning in 2 files`, or `✔ no problems found`. */
export function summaryLine(summary: DiagnosticSummary, color = false): string {
  const paint = painter(color);
  if (summary.errors + summary.warnings + summary.infos === 0) return paint('green', '✔ no problems found');
  const parts = [plural(summary.errors, 'error'), plural(summary.warnings, 'warning')];
  if (summary.infos > 0) parts.push(`${summary.infos} info`);
  const text = `${parts.join(', ')} in ${plural(summary.files, 'file')}`;
  return summary.errors > 0 ? paint('red', `✖ ${text}`) : paint('green', `✔ ${text}`);
}

const decoder = new TextDecoder('utf-8');

/** The text of every file of the tree, decoded the way the loader decodes it (BOM dropped). */
function fileTexts(tree: SourceTree): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of tree.files) {
    const text = typeof file.content === 'string' ? file.content : decoder.decode(file.content);
    texts.set(file.path, text.replace(/^\uFEFF/, ''));
  }
  return texts;
}

/** Replaces every character but tabs with a space, so a caret lines up under tab-indented text. */
function blankOut(text: string): string {
  return text.replace(/[^\t]/g, ' ');
}

/** The source line of a diagnostic with a gutter, and a `^~~~` marker under its range. */
export function codeFrame(text: string, diagnostic: Diagnostic, color = false): string[] {
  const paint = painter(color);
  const { start, end } = diagnostic.range;
  if (text.trim() === '') return [];
  const fullLine = lineText(text, start.line);
  const gutterWidth = String(start.line).length;
  const fullStart = Math.min(Math.max(0, start.column - 1), fullLine.length);
  const fullEnd = end.line === start.line ? Math.min(Math.max(end.column - 1, fullStart + 1), Math.max(fullLine.length, fullStart + 1)) : Math.max(fullLine.length, fullStart + 1);
  // A window of the line around the range, control characters made visible (widths measured after).
  const from = fullStart > MAX_FRAME_WIDTH / 2 ? fullStart - MAX_FRAME_WIDTH / 4 : 0;
  const to = Math.min(fullLine.length, from + MAX_FRAME_WIDTH);
  const before = (from > 0 ? '…' : '') + visibleSource(fullLine.slice(from, fullStart));
  const inRange = visibleSource(fullLine.slice(fullStart, Math.min(fullEnd, to)));
  const line = `${before}${inRange}${visibleSource(fullLine.slice(Math.min(fullEnd, to), to))}${to < fullLine.length ? '…' : ''}`;
  const marker = `^${'~'.repeat(Math.max(0, Math.min(inRange.length, MAX_FRAME_WIDTH) - 1))}`;
  return [
    `${paint('dim', ` ${String(start.line).padStart(gutterWidth)} |`)} ${line}`,
    `${paint('dim', ` ${' '.repeat(gutterWidth)} |`)} ${blankOut(before)}${paint(SEVERITY_STYLE[diagnostic.severity], marker)}`,
  ];
}

function location(diagnostic: Diagnostic, pathPrefix: string): string {
  if (diagnostic.file === '.' || diagnostic.file === '') return pathPrefix === '' ? '.' : visibleText(pathPrefix.replace(/\/$/, ''));
  return `${visibleText(`${pathPrefix}${diagnostic.file}`)}:${diagnostic.range.start.line}:${diagnostic.range.start.column}`;
}

function formatOne(diagnostic: Diagnostic, texts: ReadonlyMap<string, string>, options: FormatOptions): string {
  const paint = painter(options.color);
  const heading = `${paint('bold', location(diagnostic, options.pathPrefix ?? ''))} ${paint(SEVERITY_STYLE[diagnostic.severity], diagnostic.severity)} ${paint('dim', visibleText(diagnostic.code))} ${visibleText(diagnostic.message)}`;
  const lines = [heading];
  const text = texts.get(diagnostic.file);
  if (text !== undefined) lines.push(...codeFrame(text, diagnostic, options.color));
  if (diagnostic.hint) lines.push(`  ${paint('cyan', 'hint:')} ${visibleText(diagnostic.hint)}`);
  return lines.join('\n');
}

/** Renders diagnostics in the chosen format; human output ends with a summary line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], tree: SourceTree, options: FormatOptions): string {
  const summary = summarizeDiagnostics(diagnostics);
  if (options.format === 'json') {
    const json: DiagnosticsJson = { version: 1, diagnostics, summary };
    return `${escapeJsonControls(JSON.stringify(json, null, 2))}\n`;
  }
  const texts = fileTexts(tree);
  const blocks = diagnostics.map((diagnostic) => formatOne(diagnostic, texts, options));
  blocks.push(summaryLine(summary, options.color));
  return `${blocks.join('\n\n')}\n`;
}
