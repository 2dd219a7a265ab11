/**
 * Property test: whatever a user does to a valid config — deleting or renaming keys, swapping value
 * types, truncating the text, injecting YAML syntax errors or random bytes — `validate` never
 * throws and every diagnostic points inside its file.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostic.ts';
import type { SourceTree } from '../../compiler/load/source-tree.ts';
import { validate } from '../../compiler/pipeline.ts';
import { FUZZING, failOnNodeWarnings, fuzzParameters } from '../support/fuzz-settings.ts';
import { syntheticOrg } from '../support/synthetic-org.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

const BASE = syntheticOrg({ teams: 1, modelsPerTeam: 2, versionsPerModel: 2, phase: 3 });
const PATHS = Object.keys(BASE);

function allPaths(value: Json, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...allPaths(item, [...prefix, index])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...allPaths(item, [...prefix, key])]);
  return [];
}

function parentOf(root: Json, path: Path): Json {
  let node = root;
  for (const segment of path.slice(0, -1)) node = (node as Record<string | number, Json>)[segment] as Json;
  return node;
}

type StructuralEdit = { kind: 'delete' } | { kind: 'rename'; key: string } | { kind: 'replace'; value: Json };

function applyStructural(text: string, pick: number, edit: StructuralEdit): string {
  const root = parse(text, { logLevel: 'silent' }) as Json; // the harness's own parse must not warn
  const paths = allPaths(root);
  if (paths.length === 0) return text;
  const path = paths[pick % paths.length]!;
  const parent = parentOf(root, path) as Record<string | number, Json> | Json[];
  const last = path.at(-1)!;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (edit.kind === 'delete') parent.splice(last, 1);
    else if (edit.kind === 'replace') parent[last] = edit.value;
  } else if (!Array.isArray(parent)) {
    const record = parent as Record<string, Json>;
    const value = record[last as string] as Json;
    if (edit.kind === 'delete') delete record[last as string];
    else if (edit.kind === 'replace') record[last as string] = edit.value;
    else {
      delete record[last as string];
      record[edit.key] = value;
    }
  }
  return stringify(root);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype);

const BREAKERS = ['? { a: 1 }\n: ', '!!binary ', '!!timestamp ', '!!merge ', '<<: ', '__proto__: ', 'constructor: ', '\u001b[2J', '\u0085', '.nan', '.inf', '1e308', '&r [*r]', '"\\e"', '[', '{', '"', "'", '\t', ': :', '- ', '&a ', '*missing ', '!tag ', '\n---\n', '? ', '|\n', '%YAML 1.2\n', '\n  bad indent: [', '}', '\u0000', '\uFEFF'];

const scalar: fc.Arbitrary<Json> = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -1000, max: 1000 }), fc.double({ noNaN: true }), fc.string({ maxLength: 20 }), fc.constantFrom('Foo', '../x', '1.4.0', '61 * * * *', '4GB', 'prod', '2026-02-30', 'sso:x', 'H * * * *', '\u0000', '\u001b[2J'), fc.constantFrom(...PROTOTYPE_KEYS));
const jsonValue: fc.Arbitrary<Json> = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), scalar, { maxKeys: 3 }));

const structural: fc.Arbitrary<StructuralEdit> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom(...PROTOTYPE_KEYS)).map((key) => ({ kind: 'rename' as const, key })),
  jsonValue.map((value) => ({ kind: 'replace' as const, value })),
);

type Mutation =
  | { kind: 'structural'; pick: number; edit: StructuralEdit }
  | { kind: 'truncate'; at: number }
  | { kind: 'inject'; at: number; text: string }
  | { kind: 'bytes'; at: number; bytes: Uint8Array };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('structural' as const), pick: fc.nat(), edit: structural }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('inject' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...BREAKERS), fc.string({ maxLength: 6 })) }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function mutate(content: string | Uint8Array, change: Mutation): string | Uint8Array {
  if (change.kind === 'bytes') {
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    const at = change.at % (bytes.length + 1);
    return new Uint8Array([...bytes.subarray(0, at), ...change.bytes, ...bytes.subarray(at)]);
  }
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  if (change.kind === 'truncate') return text.slice(0, change.at % (text.length + 1));
  if (change.kind === 'inject') {
    const at = change.at % (text.length + 1);
    return text.slice(0, at) + change.text + text.slice(at);
  }
  try {
    return applyStructural(text, change.pick, change.edit);
  } catch {
    return text;
  }
}

/** The text the compiler measured positions in: decoded leniently, without a byte-order mark. */
function measuredText(content: string | Uint8Array): string {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8').decode(content);
  return text.replace(/^\uFEFF/, '');
}

function assertInside(diagnostic: Diagnostic, tree: SourceTree): void {
  const { start, end } = diagnostic.range;
  expect(start.line).toBeGreaterThanOrEqual(1);
  expect(start.column).toBeGreaterThanOrEqual(1);
  expect(end.offset).toBeGreaterThanOrEqual(start.offset);
  if (diagnostic.file === '.') return;
  const file = tree.files.find((candidate) => candidate.path === diagnostic.file);
  expect(file, `diagnostic file ${diagnostic.file} is in the tree`).toBeDefined();
  const text = measuredText(file!.content);
  const lines = text.split('\n');
  for (const position of [start, end]) {
    expect(position.offset).toBeLessThanOrEqual(text.length);
    expect(position.line).toBeLessThanOrEqual(lines.length);
    expect(position.column).toBeLessThanOrEqual(lines[position.line - 1]!.length + 1);
  }
}

describe('validate on mutated configs', () => {
  failOnNodeWarnings();

  it('never throws, prints no Node warning and keeps every diagnostic inside its file', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), fc.array(mutation, { minLength: 1, maxLength: 3 }), (path, mutations) => {
        const content = mutations.reduce<string | Uint8Array>((current, change) => mutate(current, change), BASE[path]!);
        const tree: SourceTree = { files: PATHS.map((name) => ({ path: name, content: name === path ? content : BASE[name]! })) };
        const result = validate(tree);
        for (const diagnostic of result.diagnostics) assertInside(diagnostic, tree);
        if (result.org) expect(result.diagnostics.every((diagnostic) => diagnostic.severity !== 'error')).toBe(true);
        for (const diagnostic of result.diagnostics) seen.add(diagnostic.code);
      }),
      fuzzParameters(300),
    );
    // The mutations reach every stage: parsing, schema and semantic checks.
    expect([...seen].some((code) => code.startsWith('ML1'))).toBe(true);
    expect([...seen].some((code) => code.startsWith('ML2'))).toBe(true);
    expect([...seen].some((code) => code.startsWith('ML3'))).toBe(true);
  }, FUZZING ? 3_600_000 : 180_000); // 300 validations take seconds, but the CI machine is shared
});
