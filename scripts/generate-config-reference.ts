/**
 * Generates docs/config-reference.md from the JSON Schemas in schemas/: every key of platform.yaml
 * and team files with its type, whether it is required, its default, allowed values, bounds and
 * description; plus the default platform and the environment tier rule, taken from the code.
 * Usage: `tsx scripts/generate-config-reference.ts [--check]`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stringify } from 'yaml';
import { DEFAULT_PLATFORM } from '../compiler/resolve/default-platform.ts';
import { defaultTier } from '../compiler/resolve/resolve-platform.ts';
import { emitGeneratedFile } from './generated-file.ts';

/** The subset of JSON Schema the config schemas use. */
interface Schema {
  readonly $ref?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly const?: unknown;
  readonly enum?: readonly unknown[];
  readonly default?: unknown;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly $defs?: Readonly<Record<string, Schema>>;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly minItems?: number;
  readonly minProperties?: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly uniqueItems?: boolean;
}

/** One documented key. */
interface Row {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly default?: unknown;
  readonly description: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const schemas: Record<string, Schema> = Object.fromEntries(
  ['common', 'platform', 'team'].map((name) => [`${name}.schema.json`, JSON.parse(readFileSync(join(root, 'schemas', `${name}.schema.json`), 'utf8')) as Schema]),
);

/** Follows `$ref`s (local or into another schema file); keeps the referring schema's description and default. */
function deref(schema: Schema, file: string): { schema: Schema; file: string } {
  if (!schema.$ref) return { schema, file };
  const [target, pointer = ''] = schema.$ref.split('#');
  const targetFile = target === '' || target === undefined ? file : target;
  let resolved: unknown = schemas[targetFile];
  for (const segment of pointer.split('/').filter(Boolean)) resolved = (resolved as Record<string, unknown>)[segment];
  if (!resolved) throw new Error(`bug: unresolved $ref ${schema.$ref} in ${file}`);
  const { $ref: _ref, ...overrides } = schema;
  const inner = deref(resolved as Schema, targetFile);
  return { schema: { ...inner.schema, ...overrides }, file: inner.file };
}

function code(value: unknown): string {
  return `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;
}

/** Parenthesises a composite type so `map of (a or b)` reads unambiguously. */
function grouped(type: string): string {
  return / or |\\\|/.test(type) ? `(${type})` : type;
}

function typeOf(schema: Schema, file: string): string {
  const { schema: resolved, file: at } = deref(schema, file);
  if (resolved.const !== undefined) return code(resolved.const);
  if (resolved.enum) return resolved.enum.map(code).join(' \\| ');
  if (resolved.oneOf) return resolved.oneOf.map((option) => typeOf(option, at)).join(' or ');
  const types = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : [];
  if (types.includes('array') && resolved.items) return `list of ${grouped(typeOf(resolved.items, at))}`;
  if (types.includes('object') && !resolved.properties && typeof resolved.additionalProperties === 'object') {
    return `map of ${grouped(typeOf(resolved.additionalProperties, at))}`;
  }
  return types.join(' or ') || 'any';
}

function constraints(schema: Schema): string[] {
  const notes: string[] = [];
  if (schema.minimum !== undefined && schema.maximum !== undefined) notes.push(`${schema.minimum}–${schema.maximum}`);
  else if (schema.minimum !== undefined) notes.push(`at least ${schema.minimum}`);
  else if (schema.maximum !== undefined) notes.push(`at most ${schema.maximum}`);
  if (schema.exclusiveMinimum !== undefined) notes.push(`greater than ${schema.exclusiveMinimum}`);
  if (schema.minItems !== undefined) notes.push(`at least ${schema.minItems} item${schema.minItems === 1 ? '' : 's'}`);
  if (schema.minProperties !== undefined) notes.push(`at least ${schema.minProperties} entr${schema.minProperties === 1 ? 'y' : 'ies'}`);
  if (schema.minLength !== undefined && schema.minLength > 1) notes.push(`at least ${schema.minLength} characters`);
  if (schema.uniqueItems) notes.push('no duplicates');
  if (schema.pattern) notes.push(`matches \`${schema.pattern.replaceAll('|', '\\|')}\``);
  return notes;
}

function cell(text: string): string {
  return text.replaceAll('\n', ' ').replaceAll('|', '\\|').replaceAll('\\\\|', '\\|');
}

/** Every key below `schema`, depth first; map entries are written `<name>`, list items `[]`. */
function collect(schema: Schema, file: string, path: string, required: boolean, rows: Row[], seen: readonly string[] = []): void {
  const { schema: resolved, file: at } = deref(schema, file);
  if (path !== '') {
    const extra = constraints(resolved);
    const description = [resolved.description ?? '', extra.length > 0 ? `(${extra.join('; ')})` : ''].filter(Boolean).join(' ');
    rows.push({ path, type: typeOf(schema, file), required, ...(resolved.default !== undefined ? { default: resolved.default } : {}), description });
  }
  const key = `${at}#${resolved.title ?? path}`;
  if (seen.includes(key)) return;
  const nextSeen = [...seen, key];
  for (const [name, property] of Object.entries(resolved.properties ?? {})) {
    collect(property, at, path === '' ? name : `${path}.${name}`, resolved.required?.includes(name) ?? false, rows, nextSeen);
  }
  const descend = (inner: Schema, childPath: string) => {
    const child = deref(inner, at).schema;
    if (child.properties || typeof child.additionalProperties === 'object' || child.items) collect(inner, at, childPath, false, rows, nextSeen);
  };
  if (typeof resolved.additionalProperties === 'object') descend(resolved.additionalProperties, `${path}.<name>`);
  if (resolved.items) descend(resolved.items, `${path}[]`);
}

function table(rows: readonly Row[]): string {
  const lines = ['| Key | Type | Required | Default | Description |', '|---|---|---|---|---|'];
  for (const row of rows) {
    lines.push(`| \`${row.path}\` | ${cell(row.type)} | ${row.required ? 'yes' : ''} | ${row.default === undefined ? '' : cell(code(row.default))} | ${cell(row.description)} |`);
  }
  return lines.join('\n');
}

/** One section per top-level key of a file schema. */
function fileSection(schemaFile: string, heading: string, location: string): string {
  const schema = schemas[schemaFile]!;
  const parts = [`## ${heading}`, '', `${schema.description ?? ''}`, '', `Location: ${location}. Schema: [\`schemas/${schemaFile}\`](../schemas/${schemaFile}).`, ''];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const rows: Row[] = [];
    collect({ properties: { [name]: property }, ...(schema.required ? { required: schema.required } : {}) }, schemaFile, '', false, rows);
    parts.push(`### \`${name}\``, '', table(rows), '');
  }
  return parts.join('\n');
}

const TIER_EXAMPLES = ['prod', 'production', 'prod-eu', 'staging', 'stg', 'dev', 'qa', 'preprod'];

function tierSection(): string {
  const rows = TIER_EXAMPLES.map((name) => `| \`${name}\` | ${defaultTier(name)} |`);
  return [
    '## Environment tiers',
    '',
    'An environment without `tier` gets one from its name: names starting with `prod` are `production`, names starting with `stag` or `stg` are `staging`, everything else is `development`. Production-tier environments are where production-only policies apply.',
    '',
    '| Environment name | Tier |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n');
}

function defaultPlatformSection(): string {
  return [
    '## The default platform',
    '',
    'A repo without `platform.yaml` (for example a single team trying Cirrus MLOps) is compiled against this platform:',
    '',
    '```yaml',
    stringify(DEFAULT_PLATFORM).trimEnd(),
    '```',
    '',
    'Add a `platform.yaml` to declare real environments, clusters, quotas and policies.',
    '',
  ].join('\n');
}

/** The whole reference document. */
export function configReference(): string {
  return [
    '<!-- Generated from schemas/*.schema.json by scripts/generate-config-reference.ts; do not edit. Run `npm run generate`. -->',
    '# Config reference',
    '',
    'Every key of the two config files. Paths use `.` for nesting, `<name>` for an entry of a map keyed by a name you choose, and `[]` for the items of a list. Editors that speak the YAML language server autocomplete these keys when a file starts with `# yaml-language-server: $schema=<path to schemas/…schema.json>`.',
    '',
    '- [platform.yaml](#platformyaml)',
    '- [Team files](#team-files)',
    '- [Environment tiers](#environment-tiers)',
    '- [The default platform](#the-default-platform)',
    '',
    fileSection('platform.schema.json', 'platform.yaml', '`platform.yaml` at the root of the config repo'),
    fileSection('team.schema.json', 'Team files', '`teams/<team>/mlops.yaml`, or `mlops.yaml` at the root of a single-team repo'),
    tierSection(),
    defaultPlatformSection(),
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await emitGeneratedFile(join(root, 'docs/config-reference.md'), configReference());
}
