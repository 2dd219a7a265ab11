/**
 * Deterministic rendering of emitted objects: keys sorted at every level (whatever order the objects
 * hold them in), no timestamps, stable file names. The same objects always render to the same bytes.
 */
import { type Diagnostic, START_OF_FILE } from '../diagnostics/diagnostic.ts';
import { diagnosticAtRange } from '../diagnostics/report.ts';
import { rangeFromOffsets } from '../load/parsed-file.ts';
import type { ResolvedOrg } from '../resolve/resolved-org.ts';
import { parseSourceAnnotation, SOURCE_ANNOTATION } from './labels.ts';
import type { KubernetesObject, Manifest, OutputFile } from './manifest.ts';
import { compareCodePoints } from '../support/compare-code-points.ts';
import { NO_PROTOTYPE } from '../support/own.ts';

/** Output file format. */
export type OutputFormat = 'yaml' | 'json';

/** True when `keys` are in code-point order. */
function hasSortedKeys(keys: readonly string[]): boolean {
  for (let index = 1; index < keys.length; index++) if (keys[index - 1]! > keys[index]!) return false;
  return true;
}

/**
 * `value` with the keys of every mapping sorted (code-point order) and `undefined` entries dropped.
 * Mappings already in order are reused rather than copied (cdk8s output mostly is), so this is cheap.
 */
export function sortKeys<T>(value: T): T {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let index = 0; index < value.length; index++) {
      const sorted = sortKeys(value[index]);
      if (sorted === value[index]) continue;
      copy ??= [...value];
      copy[index] = sorted;
    }
    return (copy ?? value) as T;
  }
  if (value === null || typeof value !== 'object') return value;
  assertPlainMapping(value);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let changed = !hasSortedKeys(keys);
  const entries: [string, unknown][] = [];
  for (const key of changed ? [...keys].sort() : keys) {
    const entry = record[key];
    if (entry === undefined) {
      changed = true;
      continue;
    }
    const sorted = sortKeys(entry);
    if (sorted !== entry) changed = true;
    entries.push([key, sorted]);
  }
  return (changed ? Object.fromEntries(entries) : value) as T;
}

/** Words YAML 1.1 or 1.2 reads as booleans or null when unquoted. */
const RESERVED_WORDS = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;
/** Strings safe as plain scalars: no leading digit or sign (numbers, dates, versions), no indicators. */
const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9 _./@+=:-]*$/;
/** Characters a YAML stream may not hold raw (or that some parsers read as line breaks). */
const NON_PRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\r]/;
const NON_PRINTABLE_GLOBAL = /[\u007f-\u009f\u2028\u2029\ufeff]/g;

/** Strings made only of characters numbers are written with (`E0`, `e5` read as numbers by some YAML 1.1 parsers). */
const NUMBER_LIKE = /^[-+.0-9eE_:]+$/;

function isPlainSafe(text: string): boolean {
  return PLAIN_SAFE.test(text) && !RESERVED_WORDS.test(text) && !NUMBER_LIKE.test(text) && !text.includes(': ') && !text.endsWith(':') && !text.endsWith(' ') && !text.includes(' #');
}

/** A double-quoted scalar: JSON string syntax is valid YAML; characters JSON leaves raw but YAML forbids are escaped. */
function quoted(text: string): string {
  return JSON.stringify(text).replace(NON_PRINTABLE_GLOBAL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A string as a one-line scalar (plain when unambiguous, else double-quoted). */
function inlineString(text: string): string {
  return isPlainSafe(text) ? text : quoted(text);
}

/** The lines of a multi-line string when it can be a literal block (`|` or `|-`), else undefined. */
function literalBlock(text: string): { indicator: string; lines: string[] } | undefined {
  if (!text.includes('\n') || NON_PRINTABLE.test(text) || text.endsWith('\n\n') || text.startsWith('\n')) return undefined;
  const lines = (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  if (lines[0]!.startsWith(' ') || lines[0]!.startsWith('\t') || lines.some((line) => line !== '' && line.trim() === '')) return undefined;
  return { indicator: text.endsWith('\n') ? '|' : '|-', lines };
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return inlineString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`bug: cannot render the number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new Error(`bug: cannot render a ${typeof value} as YAML`);
}

/** Throws for objects that are not plain data (a cdk8s `Lazy` left unresolved, a class instance): a compiler bug. */
function assertPlainMapping(mapping: object): void {
  const prototype = Object.getPrototypeOf(mapping);
  if (prototype !== Object.prototype && prototype !== null && prototype !== NO_PROTOTYPE) throw new Error(`bug: cannot render an instance of ${prototype?.constructor?.name ?? 'a class'}`);
}

/** Sorts short key lists in place by insertion (no allocation: most mappings have a handful of keys). */
function sortKeysInPlace(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort();
    return;
  }
  for (let index = 1; index < keys.length; index++) {
    const key = keys[index]!;
    let position = index - 1;
    while (position >= 0 && keys[position]! > key) {
      keys[position + 1] = keys[position]!;
      position--;
    }
    keys[position + 1] = key;
  }
}

/** The keys of a mapping whose values are defined, in code-point order. */
function renderedKeys(mapping: Record<string, unknown>): string[] {
  assertPlainMapping(mapping);
  let keys = Object.keys(mapping);
  for (const key of keys) {
    if (mapping[key] === undefined) {
      keys = keys.filter((candidate) => mapping[candidate] !== undefined);
      break;
    }
  }
  if (!hasSortedKeys(keys)) sortKeysInPlace(keys);
  return keys;
}

/** Appends `value` after `head` (a key with colon, or a sequence dash), nested content indented by `indent`. */
function emitValue(head: string, value: unknown, indent: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.push(`${head} []\n`);
    else {
      out.push(`${head}\n`);
      emitSequence(value, indent, out);
    }
    return;
  }
  if (value !== null && typeof value === 'object') {
    const keys = renderedKeys(value as Record<string, unknown>);
    if (keys.length === 0) out.push(`${head} {}\n`);
    else {
      out.push(`${head}\n`);
      emitMapping(value as Record<string, unknown>, keys, indent, out);
    }
    return;
  }
  const block = typeof value === 'string' ? literalBlock(value) : undefined;
  if (!block) {
    out.push(`${head} ${scalar(value)}\n`);
    return;
  }
  out.push(`${head} ${block.indicator}\n`);
  for (const line of block.lines) out.push(line === '' ? '\n' : `${indent}${line}\n`);
}

function emitMapping(mapping: Record<string, unknown>, keys: readonly string[], indent: string, out: string[]): void {
  for (const key of keys) emitValue(`${indent}${inlineString(key)}:`, mapping[key], `${indent}  `, out);
}

function emitSequence(items: readonly unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
      const keys = renderedKeys(item as Record<string, unknown>);
      if (keys.length > 0) {
        // `- key: value`, the mapping's other keys aligned under its first.
        const first = out.length;
        emitMapping(item as Record<string, unknown>, keys, `${indent}  `, out);
        out[first] = `${indent}- ${out[first]!.slice(indent.length + 2)}`;
        continue;
      }
    }
    emitValue(`${indent}-`, item, `${indent}  `, out);
  }
}

/**
 * Serialises JSON-like data (mappings, sequences, strings, finite numbers, booleans, null) as block
 * YAML in the layout kubectl users know, the keys of every mapping in code-point order (sorting here,
 * in the one walk serialising needs anyway, spares emit a walk of its own); undefined entries are
 * skipped, so a mapping of only undefined values is `{}`. Strings are plain only when no YAML 1.1 or
 * 1.2 parser can read them as anything but a string; multi-line strings become literal blocks.
 */
export function toYaml(value: unknown): string {
  const out: string[] = [];
  if (Array.isArray(value)) {
    if (value.length > 0) emitSequence(value, '', out);
    else out.push('[]\n');
  } else if (value !== null && typeof value === 'object') {
    const keys = renderedKeys(value as Record<string, unknown>);
    if (keys.length > 0) emitMapping(value as Record<string, unknown>, keys, '', out);
    else out.push('{}\n');
  } else out.push(`${scalar(value)}\n`);
  return out.join('');
}

/** Renders one object as a YAML document or as pretty JSON, keys sorted at every level, ending in a newline. */
export function renderObject(object: unknown, format: OutputFormat): string {
  return format === 'json' ? `${JSON.stringify(sortKeys(object), null, 2)}\n` : toYaml(object);
}

/** The file name of an object inside its folder: `<kind>-<name>.<ext>`, e.g. `inferenceservice-fraud-api.yaml`. */
export function objectFileName(object: Pick<KubernetesObject, 'kind' | 'metadata'>, format: OutputFormat, qualifier?: string): string {
  const stem = qualifier ? `${object.kind.toLowerCase()}-${qualifier}-${object.metadata.name}` : `${object.kind.toLowerCase()}-${object.metadata.name}`;
  return `${stem}.${format}`;
}

/** An output file rendered from its object each time `content` is read (see `lazyOutputFile`). */
class LazyOutputFile implements OutputFile {
  constructor(
    readonly path: string,
    private readonly object: unknown,
    private readonly format: OutputFormat,
  ) {}

  get content(): string {
    return renderObject(this.object, this.format);
  }

  toJSON(): OutputFile {
    return { path: this.path, content: this.content };
  }
}

/**
 * A file whose `content` is rendered from `object` each time it is read. Output trees of large orgs run
 * to hundreds of MiB of text; rendering on demand lets a writer hold one file's text at a time.
 */
export function lazyOutputFile(path: string, object: unknown, format: OutputFormat): OutputFile {
  return new LazyOutputFile(path, object, format);
}

/** Renders manifests to (lazily rendered) files, in the manifests' order (placeObjects sorts by path). Every manifest must already carry its final path. */
export function renderManifests(manifests: readonly Manifest[], format: OutputFormat): OutputFile[] {
  return manifests.map((manifest) => lazyOutputFile(manifest.path, manifest.object, format));
}

/** The synthesised objects of one chart and the folder they go to. */
export interface PlacedChart {
  readonly cluster: string;
  readonly team: string;
  /** e.g. `clusters/prod-eu/fraud` or `argocd/prod-eu/fraud`. */
  readonly folder: string;
  readonly objects: readonly KubernetesObject[];
}

function objectKey(object: KubernetesObject): string {
  return `${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name}`;
}

/**
 * Gives every object its path: `<folder>/<kind>-<name>.<ext>`; when objects of one folder in different
 * namespaces share kind and name (a cluster serving two environments), each is qualified with its namespace. Objects that
 * still collide are dropped with ML505 at their source.
 */
export function placeObjects(org: Pick<ResolvedOrg, 'files'>, charts: readonly PlacedChart[], format: OutputFormat): { manifests: Manifest[]; diagnostics: Diagnostic[] } {
  const manifests: Manifest[] = [];
  const diagnostics: Diagnostic[] = [];
  const byFolder = new Map<string, { chart: PlacedChart; object: KubernetesObject; plain: string }[]>();
  for (const chart of charts) {
    let entries = byFolder.get(chart.folder);
    if (!entries) {
      entries = [];
      byFolder.set(chart.folder, entries);
    }
    for (const object of chart.objects) entries.push({ chart, object, plain: objectFileName(object, format) });
  }
  for (const [folder, entries] of byFolder) {
    // A file name used by objects of more than one namespace is qualified with the namespace.
    const namespaceOfName = new Map<string, string | null>();
    for (const { object, plain } of entries) {
      const namespace = object.metadata.namespace ?? '';
      const seen = namespaceOfName.get(plain);
      if (seen === undefined) namespaceOfName.set(plain, namespace);
      else if (seen !== namespace) namespaceOfName.set(plain, null);
    }
    const taken = new Map<string, KubernetesObject>();
    for (const { chart, object, plain } of entries) {
      const name = namespaceOfName.get(plain) === null && object.metadata.namespace ? objectFileName(object, format, object.metadata.namespace) : plain;
      const path = `${folder}/${name}`;
      const previous = taken.get(path);
      if (previous) {
        diagnostics.push(collisionDiagnostic(org, object, previous, path));
        continue;
      }
      taken.set(path, object);
      manifests.push({ cluster: chart.cluster, team: chart.team, path, object });
    }
  }
  manifests.sort((a, b) => compareCodePoints(a.path, b.path));
  return { manifests, diagnostics };
}

function collisionDiagnostic(org: Pick<ResolvedOrg, 'files'>, object: KubernetesObject, previous: KubernetesObject, path: string): Diagnostic {
  const source = parseSourceAnnotation(object.metadata.annotations?.[SOURCE_ANNOTATION]) ?? { file: 'platform.yaml' };
  const file = org.files.get(source.file);
  const lineStart = file && source.line !== undefined ? (file.lineCounter.lineStarts[source.line - 1] ?? 0) : 0;
  const offset = file ? lineStart + (/^[ \t]*/.exec(file.text.slice(lineStart))?.[0].length ?? 0) : 0;
  const range = file ? rangeFromOffsets(file, offset, offset) : START_OF_FILE;
  const first = previous.metadata.annotations?.[SOURCE_ANNOTATION] ?? objectKey(previous);
  const message = `${object.kind} \`${object.metadata.name}\` is emitted twice into \`${path}\`; the first comes from ${first}.`;
  return diagnosticAtRange(source.file, range, 'ML505', message, { hint: 'Rename one of the deployments, variants or models.' });
}
