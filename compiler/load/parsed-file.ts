/**
 * A parsed config file: its text, the YAML document with node positions, and the plain value.
 * `rangeOf` turns a data path (as ajv and the semantic checks speak it) into a source range.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Position, SourceRange } from '../diagnostics/diagnostic.ts';

/** Which config a file holds, decided by its location. */
export type ConfigFileRole = 'platform' | 'team';

/** A path into a config value: keys and array indexes. */
export type DataPath = readonly (string | number)[];

/** A successfully parsed config file. */
export interface ParsedFile {
  readonly path: string;
  readonly role: ConfigFileRole;
  /** For team files under `teams/<folder>/`, the folder name. */
  readonly folder?: string;
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The plain JavaScript value of the document. */
  readonly value: unknown;
}

/** Where on a node a range should point: its key (`name:`) or its value. */
export type RangeTarget = 'key' | 'value';

/** Converts a character offset to a 1-based line/column position. */
export function positionAt(file: Pick<ParsedFile, 'lineCounter' | 'text'>, offset: number): Position {
  const clamped = Math.max(0, Math.min(offset, file.text.length));
  const { line, col } = file.lineCounter.linePos(clamped);
  return { line, column: col, offset: clamped };
}

/** A range from two offsets. */
export function rangeFromOffsets(file: Pick<ParsedFile, 'lineCounter' | 'text'>, start: number, end: number): SourceRange {
  return { start: positionAt(file, start), end: positionAt(file, Math.max(start, end)) };
}

function nodeRange(file: ParsedFile, node: Node | null | undefined): SourceRange | undefined {
  if (!node?.range) return undefined;
  return rangeFromOffsets(file, node.range[0], node.range[1]);
}

function findPair(map: Node, key: string | number): Pair<Node, Node> | undefined {
  if (!isMap(map)) return undefined;
  for (const item of map.items) {
    if (!isPair(item)) continue;
    const itemKey = isScalar(item.key) ? item.key.value : item.key;
    if (itemKey === key || String(itemKey) === String(key)) return item as Pair<Node, Node>;
  }
  return undefined;
}

/**
 * The range of the node at `path`: the key of its entry (`target: 'key'`) or its value. When the
 * path does not exist (a missing key), returns the range of the deepest existing ancestor's key,
 * so a "missing key" diagnostic points at the mapping that lacks it.
 */
export function rangeOf(file: ParsedFile, path: DataPath, target: RangeTarget = 'value'): SourceRange {
  const root = file.document.contents as Node | null;
  let node: Node | null | undefined = root;
  let keyNode: Node | null | undefined;
  let best = nodeRange(file, root) ?? rangeFromOffsets(file, 0, 0);
  for (const segment of path) {
    if (isSeq(node) && typeof segment === 'number') {
      keyNode = undefined;
      node = node.items[segment] as Node | undefined;
    } else if (isMap(node)) {
      const pair = findPair(node, segment);
      keyNode = pair?.key;
      node = pair ? pair.value : undefined;
      if (!pair) return best;
    } else {
      return best;
    }
    if (!node && !keyNode) return best;
    best = nodeRange(file, keyNode ?? node) ?? best;
  }
  if (target === 'key' && keyNode) return nodeRange(file, keyNode) ?? best;
  return nodeRange(file, node) ?? nodeRange(file, keyNode) ?? best;
}

/** The whole-line text at a 1-based line, without its newline (for code frames). */
export function lineText(text: string, line: number): string {
  let start = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', start);
    if (next === -1) return '';
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? text.length : end).replace(/\r$/, '');
}
