/**
 * Locates data paths from js-yaml's event stream, kept as a compact Int32Array (four integers an
 * event: kind, start, end, scalar style) so a thousand parsed files cost megabytes, not hundreds.
 * Lookups walk the events lazily; only diagnostics and source annotations ask for them.
 */
import { EVENT_ID, type Event } from 'js-yaml';
import type { DataPath, NodeLocator, OffsetRange } from './parsed-file.ts';

const FIELDS = 4;
const KIND = 0;
const START = 1;
const END = 2;
const STYLE = 3;
const { MAPPING, SEQUENCE, SCALAR, ALIAS, POP } = EVENT_ID;
const QUOTED = new Set([2, 3]);
const BLOCK = new Set([4, 5]);

/**
 * Whether the events hold an alias or an explicit tag: the fast path declines those (expansion limits,
 * undefined aliases and unsupported tags are diagnosed by the full parser).
 */
export function needsFullParser(events: readonly Event[]): boolean {
  for (const event of events) {
    if (event.type === ALIAS) return true;
    if ((event.type === SCALAR || event.type === MAPPING || event.type === SEQUENCE) && event.tagStart >= 0) return true;
  }
  return false;
}

function scalarRange(event: Extract<Event, { type: typeof SCALAR }>, text: string): OffsetRange {
  if (event.valueStart < 0) return [-1, -1];
  let start = event.valueStart;
  let end = event.valueEnd;
  if (QUOTED.has(event.style)) {
    start -= 1;
    end += 1;
  } else if (BLOCK.has(event.style)) {
    let indicator = start - 1;
    while (indicator > 0 && text[indicator] !== '|' && text[indicator] !== '>') indicator--;
    start = indicator;
  }
  const decorations = [event.anchorStart, event.tagStart].filter((offset) => offset >= 0).map((offset) => offset - 1);
  return [Math.min(start, ...decorations), end];
}

/** Encodes the events of one document (the DOCUMENT event itself is dropped). */
export function encodeEvents(events: readonly Event[], text: string): Int32Array {
  const encoded = new Int32Array(events.length * FIELDS);
  const open: number[] = [];
  let count = 0;
  let lastEnd = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) continue;
    const at = count * FIELDS;
    encoded[at + KIND] = event.type;
    if (event.type === MAPPING || event.type === SEQUENCE) {
      encoded[at + START] = event.start;
      open.push(at);
    } else if (event.type === SCALAR) {
      const [start, end] = scalarRange(event, text);
      encoded[at + START] = start;
      encoded[at + END] = end;
      encoded[at + STYLE] = event.style;
      if (end > lastEnd) lastEnd = end;
    } else if (event.type === ALIAS) {
      encoded[at + START] = event.anchorStart - 1;
      encoded[at + END] = event.anchorEnd;
      if (event.anchorEnd > lastEnd) lastEnd = event.anchorEnd;
    } else if (event.type === POP) {
      const collection = open.pop();
      if (collection === undefined) continue;
      encoded[collection + END] = Math.max(lastEnd, encoded[collection + START]! + 1);
    }
    count++;
  }
  return encoded.subarray(0, count * FIELDS);
}

/** Index of the event after the subtree starting at `index`. */
function skip(events: Int32Array, index: number): number {
  const kind = events[index * FIELDS + KIND];
  if (kind !== MAPPING && kind !== SEQUENCE) return index + 1;
  let depth = 0;
  let current = index;
  do {
    const currentKind = events[current * FIELDS + KIND];
    if (currentKind === MAPPING || currentKind === SEQUENCE) depth++;
    else if (currentKind === POP) depth--;
    current++;
  } while (depth > 0);
  return current;
}

function keyText(events: Int32Array, index: number, text: string): string {
  const at = index * FIELDS;
  const start = events[at + START]!;
  const end = events[at + END]!;
  if (start < 0) return '';
  const raw = text.slice(start, end);
  const style = events[at + STYLE];
  if (style === 3) {
    try {
      return JSON.parse(raw) as string;
    } catch {
      return unescapeDoubleQuoted(raw.slice(1, -1));
    }
  }
  if (style === 2) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** What String() makes of a number, null or boolean: a key that may have been written otherwise. */
const RETYPED = /^(?:-?(?:[0-9]+(?:\.[0-9]+)?(?:e[-+][0-9]+)?|Infinity)|NaN|null|true|false)$/;

/** The string the core schema turns a plain scalar key into (`1.10` → `1.1`, `~` → `null`). */
export function coreSchemaKey(raw: string): string {
  if (/^(?:~|null|Null|NULL|)$/.test(raw)) return 'null';
  if (/^(?:true|True|TRUE)$/.test(raw)) return 'true';
  if (/^(?:false|False|FALSE)$/.test(raw)) return 'false';
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(raw)) return raw.startsWith('-') ? '-Infinity' : 'Infinity';
  if (/^\.(?:nan|NaN|NAN)$/.test(raw)) return 'NaN';
  if (/^0o[0-7]+$/.test(raw)) return String(Number.parseInt(raw.slice(2), 8));
  if (/^0x[0-9a-fA-F]+$/.test(raw)) return String(Number.parseInt(raw.slice(2), 16));
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) return String(Number(raw));
  return raw;
}

function keyMatches(events: Int32Array, index: number, text: string, wanted: string): boolean {
  const written = keyText(events, index, text);
  if (written === wanted) return true;
  const style = events[index * FIELDS + STYLE]!;
  return !QUOTED.has(style) && !BLOCK.has(style) && RETYPED.test(wanted) && coreSchemaKey(written) === wanted;
}

const YAML_ESCAPES: Readonly<Record<string, string>> = {
  '0': '\u0000', a: '\u0007', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\u001b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};

/** The value of a double-quoted YAML scalar's body that JSON cannot read (`\\e`, `\\x1b`, `\\a`, line folding). */
function unescapeDoubleQuoted(body: string): string {
  const joined = body.replace(/\\\r?\n[ \t]*/g, '');
  const folded = joined.replace(/[ \t]*((?:\r?\n[ \t]*)+)/g, (_, breaks: string) => {
    const count = breaks.split('\n').length - 1;
    return count === 1 ? ' ' : '\n'.repeat(count - 1);
  });
  return folded.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, sequence: string) => {
    if (/^[xuU]./.test(sequence)) return String.fromCodePoint(Number.parseInt(sequence.slice(1), 16));
    return YAML_ESCAPES[sequence] ?? sequence;
  });
}

function rangeAt(events: Int32Array, index: number): OffsetRange | undefined {
  const at = index * FIELDS;
  const start = events[at + START]!;
  return start < 0 ? undefined : [start, events[at + END]!];
}

/**
 * An empty value (`key:` or `-` and nothing) has no offsets in the events; like the Document
 * locator, place it right after its indicator, searched from `from` (stored on first lookup).
 */
function emptyValueAfter(events: Int32Array, value: number, text: string, indicator: ':' | '-', from: number): void {
  const at = value * FIELDS;
  if (events[at + KIND] !== SCALAR || events[at + START]! >= 0) return;
  const position = text.indexOf(indicator, from);
  if (position < 0) return;
  events[at + START] = position + 1;
  events[at + END] = position + 1;
}

/** A locator over encoded events; same contract as the Document locator. */
export function eventLocator(events: Int32Array, text: string): NodeLocator {
  return {
    locate(path: DataPath, target) {
      let node = 0;
      let key: number | undefined;
      let best: OffsetRange = rangeAt(events, 0) ?? [0, 0];
      for (const segment of path) {
        const kind = events[node * FIELDS + KIND];
        let found: number | undefined;
        if (kind === MAPPING) {
          const wanted = String(segment);
          for (let child = node + 1; events[child * FIELDS + KIND] !== POP; ) {
            const value = child + 1;
            if (keyMatches(events, child, text, wanted)) {
              key = child;
              found = value;
              break;
            }
            child = skip(events, value);
          }
        } else if (kind === SEQUENCE && typeof segment === 'number') {
          key = undefined;
          let child = node + 1;
          let previousEnd = events[node * FIELDS + START]!;
          for (let position = 0; position < segment && events[child * FIELDS + KIND] !== POP; position++) {
            previousEnd = Math.max(previousEnd, events[child * FIELDS + END]!);
            child = skip(events, child);
          }
          if (events[child * FIELDS + KIND] !== POP) {
            found = child;
            emptyValueAfter(events, child, text, '-', segment === 0 ? previousEnd : previousEnd + 1);
          }
        }
        if (found === undefined) return best;
        node = found;
        if (key !== undefined && kind === MAPPING) emptyValueAfter(events, node, text, ':', events[key * FIELDS + END]!);
        best = (key !== undefined ? rangeAt(events, key) : undefined) ?? rangeAt(events, node) ?? best;
      }
      if (target === 'key' && key !== undefined) return rangeAt(events, key) ?? best;
      return rangeAt(events, node) ?? (key !== undefined ? rangeAt(events, key) : undefined) ?? best;
    },
  };
}
