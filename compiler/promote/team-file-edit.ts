/**
 * Minimal, byte-preserving edits of a team file. The yaml Document API finds the nodes and their
 * source ranges; an edit splices new text into exactly that range, so comments, ordering, quoting and
 * blank lines elsewhere stay byte for byte. Every edit is checked by parsing the result and comparing
 * its data with the intended data; blocks with anchors, aliases or merge keys are not edited. Pure.
 */
import { isAlias, isMap, isScalar, type Node, type Pair, parseDocument, type Document, visit, type YAMLMap } from 'yaml';
import { canonicalJson } from '../audit/audit-entry.ts';
import type { Diagnostic, SourceRange } from '../diagnostics/diagnostic.ts';
import { PROMOTE_CODES } from './codes.ts';

/** One replacement of `[start, end)` of the original text. */
export interface TextSplice {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The 1-based line/column range of `[start, end)` in `text`. */
export function rangeAt(text: string, start: number, end: number = start): SourceRange {
  const position = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
  };
  return { start: position(start), end: position(end) };
}

/** A diagnostic of the promote stage (severity from its code). */
export function promoteDiagnostic(code: keyof typeof PROMOTE_CODES, message: string, file: string, range: SourceRange, hint?: string): Diagnostic {
  return { code, severity: PROMOTE_CODES[code].severity, message, file, range, ...(hint !== undefined ? { hint } : {}) };
}

/** The range of a node (or the start of the file when it has none). */
export function nodeRange(text: string, node: Node | Pair | null | undefined): SourceRange {
  const target = node && 'range' in node ? node : node && 'key' in node ? (node.key as Node) : undefined;
  const range = target?.range;
  return range ? rangeAt(text, range[0], range[1]) : rangeAt(text, 0);
}

/** Parses a team file; undefined when it has errors or its data cannot be built (e.g. too many aliases). */
export function parseTeamFile(text: string): Document.Parsed | undefined {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) return undefined;
  try {
    doc.toJS();
  } catch {
    return undefined;
  }
  return doc;
}

/** The pair of a map whose key is the string `key`. */
export function pairOf(map: unknown, key: string): Pair<Node, Node | null> | undefined {
  if (!isMap(map)) return undefined;
  return (map as YAMLMap<Node, Node | null>).items.find((pair) => isScalar(pair.key) && String(pair.key.value) === key);
}

/** The string keys of a map. */
export function keysOf(map: unknown): string[] {
  if (!isMap(map)) return [];
  return (map as YAMLMap<Node, unknown>).items.flatMap((pair) => (isScalar(pair.key) ? [String(pair.key.value)] : []));
}

/** True when a node is an alias or holds an anchor, alias or merge key anywhere inside. */
export function hasAliasing(node: unknown): boolean {
  if (isAlias(node)) return true;
  let found = false;
  if (node && typeof node === 'object' && 'anchor' in node && (node as { anchor?: string }).anchor) return true;
  visit(node as Node, {
    Alias: () => {
      found = true;
      return visit.BREAK;
    },
    Node: (_key, candidate) => {
      if ((candidate as { anchor?: string }).anchor) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && pair.key.value === '<<') {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** Applies non-overlapping splices to `text`. */
export function applySplices(text: string, splices: readonly TextSplice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.start - a.start)) result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}

/** JSON of YAML data with keys sorted at every level; `.inf` and `.nan` become marked strings instead of failing. */
export function dataKey(value: unknown): string {
  return canonicalJson(
    JSON.parse(JSON.stringify(value ?? null, (_key, member: unknown) => (typeof member === 'number' && !Number.isFinite(member) ? `\u0000number:${member}` : typeof member === 'bigint' ? `\u0000bigint:${member}` : member))),
  );
}

/** True when `text` parses cleanly to exactly `expected` (compared as canonical data). */
export function parsesTo(text: string, expected: unknown): boolean {
  const doc = parseTeamFile(text);
  return doc !== undefined && dataKey(doc.toJS()) === dataKey(expected);
}

/** A version as a YAML scalar, in the style of the scalar it replaces (double-quoted when new or when plain would change its type). */
export function versionScalar(version: string, style?: Node): string {
  const type = isScalar(style) ? style.type : undefined;
  if (type === 'QUOTE_SINGLE') return `'${version.replace(/'/g, "''")}'`;
  if (type === 'PLAIN' && /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(version)) {
    const reparsed = parseDocument(version).toJS();
    if (reparsed === version) return version;
  }
  return JSON.stringify(version);
}

/** The column (0-based) of `offset` in `text`. */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** Moves every line but the first of `block` from `fromColumn` to `toColumn` of indentation. */
export function reindent(block: string, fromColumn: number, toColumn: number): string {
  if (fromColumn === toColumn) return block;
  return block
    .split('\n')
    .map((line, index) => {
      if (index === 0 || line === '') return line;
      const leading = line.length - line.trimStart().length;
      return ' '.repeat(toColumn) + line.slice(Math.min(leading, fromColumn));
    })
    .join('\n');
}

/** The splice that removes one pair from a map: its whole lines in a block map, the pair and one comma in a flow map. */
export function pairRemoval(text: string, map: YAMLMap<Node, Node | null>, pair: Pair<Node, Node | null>): TextSplice | undefined {
  const index = map.items.indexOf(pair);
  const keyStart = pair.key?.range?.[0];
  const valueEnd = pair.value?.range?.[1];
  if (index < 0 || keyStart === undefined || valueEnd === undefined) return undefined;
  if (map.flow) {
    const previous = map.items[index - 1]?.value?.range?.[1];
    if (previous !== undefined) return { start: previous, end: valueEnd, text: '' };
    const next = map.items[index + 1]?.key?.range?.[0];
    return next !== undefined ? { start: keyStart, end: next, text: '' } : { start: keyStart, end: valueEnd, text: '' };
  }
  const lineStart = text.lastIndexOf('\n', keyStart - 1) + 1;
  if (text.slice(lineStart, keyStart).trim() !== '') return undefined;
  const newline = text[valueEnd - 1] === '\n' ? valueEnd - 1 : text.indexOf('\n', valueEnd);
  return { start: lineStart, end: newline < 0 ? text.length : newline + 1, text: '' };
}
