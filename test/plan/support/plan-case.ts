/**
 * Golden plan cases: `test/fixtures/plans/<case>/case.json` describes the head as edits of the shared
 * base repo (`test/fixtures/plans/base/`): text replacements, removed paths, and files under `add/`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { SourceTree } from '../../../compiler/load/source-tree.ts';

/** The fixtures folder. */
export const PLAN_FIXTURES = join(import.meta.dirname, '../../fixtures/plans');

/** A case description. */
export interface PlanCase {
  readonly name: string;
  readonly description: string;
  /** The PR author. */
  readonly author?: string;
  /** path → [[from, to], …]: each `from` must occur exactly once. */
  readonly edits?: Readonly<Record<string, readonly (readonly [string, string])[]>>;
  readonly remove?: readonly string[];
}

async function walk(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? walk(root, join(dir, entry.name)) : Promise.resolve([relative(root, join(dir, entry.name)).split('\\').join('/')]))));
  return nested.flat().sort();
}

/** Reads a folder as a SourceTree with string contents (config: platform.yaml and mlops.yaml files). */
export async function readTree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of await walk(root)) files.set(path, await readFile(join(root, path), 'utf8'));
  return files;
}

/** A path → text map as a SourceTree. */
export function toSourceTree(files: ReadonlyMap<string, string>): SourceTree {
  const config = /(^|\/)(platform|mlops)\.ya?ml$/;
  return {
    files: [...files].filter(([path]) => config.test(path)).map(([path, content]) => ({ path, content })),
    otherPaths: [...files.keys()].filter((path) => !config.test(path)),
  };
}

/** Applies a case's edits to the base files. */
export async function headFiles(base: ReadonlyMap<string, string>, planCase: PlanCase): Promise<Map<string, string>> {
  const head = new Map(base);
  for (const [path, edits] of Object.entries(planCase.edits ?? {})) {
    let text = head.get(path);
    if (text === undefined) throw new Error(`${planCase.name}: no file ${path} to edit`);
    for (const [from, to] of edits) {
      if (text.split(from).length !== 2) throw new Error(`${planCase.name}: ${JSON.stringify(from)} must occur exactly once in ${path}`);
      text = text.replace(from, () => to);
    }
    head.set(path, text);
  }
  for (const path of planCase.remove ?? []) {
    if (!head.delete(path)) throw new Error(`${planCase.name}: no file ${path} to remove`);
  }
  for (const [path, content] of await readTree(join(PLAN_FIXTURES, planCase.name, 'add'))) head.set(path, content);
  return head;
}

/** Every case folder (each holds a case.json). */
export async function listCases(): Promise<PlanCase[]> {
  const names = (await readdir(PLAN_FIXTURES, { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== 'base').map((entry) => entry.name).sort();
  return Promise.all(names.map(async (name) => ({ name, ...(JSON.parse(await readFile(join(PLAN_FIXTURES, name, 'case.json'), 'utf8')) as Omit<PlanCase, 'name'>) })));
}
