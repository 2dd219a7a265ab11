import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { documentLocator } from '../../compiler/load/document-locator.ts';
import { DEFAULT_PARSE_LIMITS, parseConfigFile } from '../../compiler/load/parse-file.ts';
import type { DataPath } from '../../compiler/load/parsed-file.ts';
import { syntheticOrg } from '../support/synthetic-org.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function yamlFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return name.endsWith('.yaml') ? [path] : [];
  });
}

/** Every key and index path of a value, including paths one step past the end (missing keys). */
function allPaths(value: unknown, prefix: DataPath = []): DataPath[] {
  const paths: DataPath[] = [prefix, [...prefix, 'no-such-key']];
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) paths.push(...allPaths(item, [...prefix, index]));
  } else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) paths.push(...allPaths(item, [...prefix, key]));
  return paths;
}

function valueAt(value: unknown, path: DataPath): unknown {
  return path.reduce<unknown>((current, segment) => (current && typeof current === 'object' ? (current as Record<string, unknown>)[segment as string] : undefined), value);
}

function existingLength(value: unknown, path: DataPath): number {
  let current = value;
  for (const [index, segment] of path.entries()) {
    if (!current || typeof current !== 'object' || !(String(segment) in current)) return index;
    current = (current as Record<string, unknown>)[segment as string];
  }
  return path.length;
}

function isCollection(value: unknown): boolean {
  return value !== null && typeof value === 'object';
}

const corpus: [string, string][] = [
  ...[join(root, 'sample-repo'), join(root, 'test', 'fixtures', 'valid-minimal')].flatMap((directory) => yamlFiles(directory).map((path) => [path, readFileSync(path, 'utf8')] as [string, string])),
  ...Object.entries(syntheticOrg({ teams: 2, modelsPerTeam: 3 })),
  ['quoting.yaml', 'apiVersion: "x"\nkind: \'Team\'\n"quoted key": { \'single\': "dq \\" esc", plain: [a, "b", \'c\'] }\nempty:\nblock: |\n  text\nfolded: >-\n  more\nlist:\n  - { name: a }\n  -\n  - ~\n'],
];

describe('the fast event locator', () => {
  it.each(corpus.map(([path, text]) => [path.replace(`${root}/`, ''), text]))('agrees with the yaml Document locator on every node of %s', (path, text) => {
    const outcome = parseConfigFile({ path, role: 'team' }, text, DEFAULT_PARSE_LIMITS);
    expect(outcome.diagnostics).toEqual([]);
    const slow = documentLocator(parseDocument(text));
    const fast = outcome.file!.locator;
    for (const dataPath of allPaths(outcome.file!.value)) {
      for (const target of ['key', 'value'] as const) {
        const [fastStart, fastEnd] = fast.locate(dataPath, target);
        const [slowStart, slowEnd] = slow.locate(dataPath, target);
        // Collection ends differ by trailing blank space only (yaml counts it, the events do not); users see starts.
        const value = outcome.file!.value;
        const located = dataPath.slice(0, existingLength(value, dataPath));
        const pointsAtKey = (target === 'key' || located.length < dataPath.length) && typeof located.at(-1) === 'string';
        const comparesEnd = pointsAtKey || !isCollection(valueAt(value, located));
        expect([dataPath, target, fastStart, comparesEnd ? fastEnd : 'collection']).toEqual([dataPath, target, slowStart, comparesEnd ? slowEnd : 'collection']);
      }
    }
  });
});
