/**
 * Decodes and parses one config file, defending against hostile input: size limit, strict UTF-8,
 * one document per file, duplicate keys and alias bombs are all diagnostics, never exceptions.
 */
import { CORE_SCHEMA, constructFromEvents, type Event, EVENT_ID, parseEvents } from 'js-yaml';
import type { LineCounter } from 'yaml';
import { type Diagnostic, START_OF_FILE } from '../diagnostics/diagnostic.ts';
import { diagnosticAtRange } from '../diagnostics/report.ts';
import type { ConfigLocation } from './discover.ts';
import { documentProblems, unclosedFlowOpener } from './document-checks.ts';
import { documentLocator } from './document-locator.ts';
import { encodeEvents, eventLocator, needsFullParser } from './event-locator.ts';
import { nullPrototypeMapTag, withNullPrototypes } from './null-prototype.ts';
import { LineIndex } from './line-index.ts';
import { type ParsedFile, rangeFromOffsets } from './parsed-file.ts';
import { yamlLibrary } from './yaml-library.ts';

/** Limits that protect the compiler from oversized or hostile files. */
export interface ParseLimits {
  /** Largest file, in bytes. @default 1 MiB */
  readonly maxBytes: number;
  /** Most alias expansions per document. @default 100 */
  readonly maxAliasCount: number;
}

/** The default limits. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxBytes: 1024 * 1024, maxAliasCount: 100 };

/** Deepest nesting of mappings and sequences a config file may have (real config stays under 15). */
export const MAX_NESTING_DEPTH = 100;

/** The core schema, with mappings built as objects that inherit nothing (see null-prototype.ts). */
const CONFIG_SCHEMA = CORE_SCHEMA.withTags(nullPrototypeMapTag);

/** A parse result: the file when it could be read, and what was wrong. */
export interface ParseOutcome {
  readonly file?: ParsedFile;
  readonly diagnostics: Diagnostic[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(content: string | Uint8Array): string | undefined {
  if (typeof content === 'string') return content;
  try {
    return utf8.decode(content);
  } catch {
    return undefined;
  }
}

function byteLength(content: string | Uint8Array): number {
  return typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
}

/**
 * What the fast path makes of a file that parses cleanly: its value and its events (see
 * event-locator.ts). Plain data, so another thread can parse a file and hand this over.
 */
export interface FastParse {
  readonly value: Record<string, unknown>;
  readonly events: Int32Array;
}

/** The text of a file within the limits, decoded, without a byte-order mark; undefined when it is too large or not UTF-8. */
function readableText(content: string | Uint8Array, limits: ParseLimits): string | undefined {
  if (byteLength(content) > limits.maxBytes) return undefined;
  return decode(content)?.replace(/^\uFEFF/, '');
}

/**
 * The fast-path parse of a file, or undefined when it needs the full parser (or is unreadable):
 * what `parseConfigFile` would start from. Pure, so files can be parsed on other threads first.
 */
export function parseFileFast(content: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS): FastParse | undefined {
  const text = readableText(content, limits);
  return text === undefined ? undefined : parseFast(text);
}

/**
 * Parses one config file. `preparsed` is the file's `parseFileFast` result when it was made already
 * (on another thread); it must come from the same content and limits.
 */
export function parseConfigFile(location: ConfigLocation, content: string | Uint8Array, limits: ParseLimits = DEFAULT_PARSE_LIMITS, preparsed?: FastParse): ParseOutcome {
  const path = location.path;
  const size = byteLength(content);
  if (size > limits.maxBytes) {
    return { diagnostics: [diagnosticAtRange(path, START_OF_FILE, 'ML105', `File is ${size} bytes; the limit is ${limits.maxBytes} bytes.`)] };
  }
  const decoded = decode(content);
  if (decoded === undefined) {
    return { diagnostics: [diagnosticAtRange(path, START_OF_FILE, 'ML106', 'File is not valid UTF-8 text.', { hint: 'Save it with UTF-8 encoding.' })] };
  }
  const text = decoded.replace(/^\uFEFF/, '');
  const lineCounter = countLines(text);
  const fast = preparsed ?? parseFast(text);
  if (fast) {
    // A value parsed on another thread was copied across and inherits from Object.prototype again.
    const value = preparsed ? withNullPrototypes(fast.value) : fast.value;
    const file: ParsedFile = { path, role: location.role, text, lineCounter, value, locator: eventLocator(fast.events, text), ...(location.folder ? { folder: location.folder } : {}) };
    return { file, diagnostics: [] };
  }
  const where = { path, text, lineCounter };
  const tooDeep = nestingTooDeep(text);
  if (tooDeep !== undefined) {
    return { diagnostics: [diagnosticAtRange(path, rangeFromOffsets(where, tooDeep, tooDeep + 1), 'ML118', `Mappings and sequences are nested more than ${MAX_NESTING_DEPTH} levels deep here.`, { hint: 'Config is a few levels deep; remove the runaway nesting.' })] };
  }
  const documents = yamlLibrary().parseAllDocuments(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  const list = Array.isArray(documents) ? documents : [];
  if (list.length > 1) {
    const second = list[1]!;
    const start = second.range[0];
    return { diagnostics: [diagnosticAtRange(path, rangeFromOffsets(where, start, start + 3), 'ML107', `File holds ${list.length} YAML documents; a config file holds exactly one.`)] };
  }
  const document = list[0];
  if (!document) {
    return { diagnostics: [diagnosticAtRange(path, START_OF_FILE, 'ML111', 'File is empty; expected a mapping with `apiVersion`, `kind` and `metadata`.')] };
  }
  const diagnostics: Diagnostic[] = [];
  // Every duplicate key is its own mistake; after the first syntax error the parser has lost track,
  // and what it reports next is mostly the echo of that one mistake, so only the first is shown.
  const firstSyntaxError = document.errors.find((error) => error.code !== 'DUPLICATE_KEY');
  for (const error of document.errors) {
    if (error.code !== 'DUPLICATE_KEY' && error !== firstSyntaxError) continue;
    const code = error.code === 'DUPLICATE_KEY' ? 'ML102' : 'ML101';
    const message = error.code === 'DUPLICATE_KEY' ? 'Duplicate key: YAML keeps only one of the two values.' : `YAML syntax error: ${firstLine(error.message)}.`;
    const unclosed = /end with an? ([\]}])/.exec(error.message);
    const opener = unclosed ? unclosedFlowOpener(text, error.pos[0], unclosed[1] === ']' ? '[' : '{') : undefined;
    if (opener !== undefined) {
      const kind = unclosed![1] === ']' ? 'sequence `[`' : 'mapping `{`';
      diagnostics.push(diagnosticAtRange(path, rangeFromOffsets(where, opener, opener + 1), code, `YAML syntax error: this flow ${kind} is never closed.`, { hint: `Close it with \`${unclosed![1]}\` on the same line, or write it as a block.` }));
      continue;
    }
    diagnostics.push(diagnosticAtRange(path, rangeFromOffsets(where, error.pos[0], error.pos[1]), code, message));
  }
  for (const warning of document.warnings) {
    diagnostics.push(diagnosticAtRange(path, rangeFromOffsets(where, warning.pos[0], warning.pos[1]), 'ML103', `YAML warning: ${firstLine(warning.message)}.`));
  }
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return { diagnostics };
  const problems = documentProblems(document, where);
  if (problems.length > 0) return { diagnostics: [...diagnostics, ...problems] };
  let value: unknown;
  try {
    value = withNullPrototypes(document.toJS({ maxAliasCount: limits.maxAliasCount }));
  } catch (error) {
    if (error instanceof ReferenceError || (error instanceof Error && /alias/i.test(error.message))) {
      diagnostics.push(diagnosticAtRange(path, START_OF_FILE, 'ML104', `File expands YAML aliases more than ${limits.maxAliasCount} times.`, { hint: 'Write the repeated parts out.' }));
      return { diagnostics };
    }
    throw error;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const range = document.contents?.range ? rangeFromOffsets(where, document.contents.range[0], document.contents.range[1]) : START_OF_FILE;
    diagnostics.push(diagnosticAtRange(path, range, 'ML111', 'Top level must be a mapping with `apiVersion`, `kind` and `metadata`.'));
    return { diagnostics };
  }
  const file: ParsedFile = { path, role: location.role, text, lineCounter, value, locator: documentLocator(document), ...(location.folder ? { folder: location.folder } : {}) };
  return { file, diagnostics };
}

/**
 * The fast path (js-yaml's event parser, several times faster than the `yaml` CST) for the common
 * case only: one document whose top level is a mapping, no aliases, no error. Anything else returns
 * undefined and takes the full parser, whose diagnostics are richer; both locators agree on ranges.
 */
function parseFast(text: string): FastParse | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
  } catch {
    return undefined;
  }
  const documents = events.filter((event) => event.type === EVENT_ID.DOCUMENT).length;
  if (documents !== 1 || events[1]?.type !== EVENT_ID.MAPPING || needsFullParser(events)) return undefined;
  let value: unknown;
  try {
    value = constructFromEvents(events, { source: text, json: false, schema: CONFIG_SCHEMA })[0];
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return { value: value as Record<string, unknown>, events: encodeEvents(events, text) };
}

/** The offset where nesting passes the depth limit, or undefined (the full parser would overflow the stack). */
function nestingTooDeep(text: string): number | undefined {
  try {
    parseEvents(text, { maxDepth: MAX_NESTING_DEPTH });
    return undefined;
  } catch (error) {
    const position = (error as { mark?: { position?: unknown } }).mark?.position;
    return error instanceof Error && /maxDepth/.test(error.message) && typeof position === 'number' ? position : undefined;
  }
}

/**
 * The line starts of a text. Built from the text itself rather than by the YAML lexer, which skips
 * the newlines inside an unterminated quoted scalar and would put later offsets on the wrong line.
 */
function countLines(text: string): LineCounter {
  const lineCounter = new LineIndex();
  lineCounter.addNewLine(0);
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineCounter.addNewLine(index + 1);
  return lineCounter;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/\s*at line \d+, column \d+:?$/, '').replace(/\.$/, '');
}
