/**
 * Golden emit fixtures: `test/fixtures/emit/<case>/input/` is a config repo, `expected/` the exact tree
 * `compile` writes for it and `diagnostics.txt` what it reports (policies off, so the fixtures pin
 * emit alone). `sample-repo/` is a case too, with its expected tree under `test/fixtures/emit/sample-repo/`.
 * `npm run golden` (scripts/update-golden.ts) rewrites every expected tree from the current compiler.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSourceTree } from '../../../compiler/cli/fs-source.ts';
import type { Diagnostic } from '../../../compiler/diagnostics/diagnostic.ts';
import { type CompileResult, compile } from '../../../compiler/pipeline.ts';

/** Root of the repository. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Folder of the emit fixtures. */
export const EMIT_FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'emit');

/** One golden case. */
export interface GoldenCase {
  readonly name: string;
  readonly input: string;
  readonly expected: string;
  readonly diagnostics: string;
}

/** Every golden case: each fixture folder with an `input/`, then `sample-repo`. */
export function goldenCases(): GoldenCase[] {
  const cases = readdirSync(EMIT_FIXTURES, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(EMIT_FIXTURES, entry.name, 'input')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, input: join(EMIT_FIXTURES, name, 'input'), expected: join(EMIT_FIXTURES, name, 'expected'), diagnostics: join(EMIT_FIXTURES, name, 'diagnostics.txt') }));
  const sample = join(EMIT_FIXTURES, 'sample-repo');
  return [...cases, { name: 'sample-repo', input: join(REPO_ROOT, 'sample-repo'), expected: join(sample, 'expected'), diagnostics: join(sample, 'diagnostics.txt') }];
}

/** Compiles a case the way the goldens pin it: YAML output, policies off. */
export async function compileCase(golden: GoldenCase): Promise<CompileResult> {
  return compile(await readSourceTree(golden.input), { policies: false });
}

/** Diagnostics as text, one per line: `file:line:column severity code message`. */
export function diagnosticsText(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}\n`).join('');
}

function walk(root: string, directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    return entry.isDirectory() ? walk(root, path) : [relative(root, path).split(sep).join('/')];
  });
}

/** The files of a folder as path → text, sorted by path (empty when the folder does not exist). */
export function readTree(root: string): Map<string, string> {
  if (!existsSync(root)) return new Map();
  return new Map(
    walk(root, root)
      .sort()
      .map((path) => [path, readFileSync(join(root, path), 'utf8')]),
  );
}
