/** Reads a directory of config files into a SourceTree, as bytes so encoding errors reach the loader. */
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { RefusedFile, SourceTree } from '../../compiler/load/source-tree.ts';

/** Files of a fixture folder that describe the case rather than belong to the config repo. */
export const FIXTURE_META_FILES = new Set(['expected.json', 'options.json', 'README.md']);

function walk(root: string, directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return walk(root, path);
    return [relative(root, path).split(sep).join('/')];
  });
}

/**
 * Every file under `root` except the fixture's own meta files, sorted, as a SourceTree of bytes. As
 * the CLI does, a symbolic link resolving outside `root` is refused, never read.
 */
export function readFixtureTree(root: string): SourceTree {
  const paths = walk(root, root)
    .filter((path) => !FIXTURE_META_FILES.has(path))
    .sort();
  const realRoot = realpathSync(root);
  const refused: RefusedFile[] = [];
  const readable = paths.filter((path) => {
    if (!lstatSync(join(root, path)).isSymbolicLink()) return true;
    const target = realpathSync(join(root, path));
    if (target.startsWith(`${realRoot}${sep}`)) return true;
    refused.push({ path, reason: 'outside-link', target });
    return false;
  });
  return { files: readable.map((path) => ({ path, content: new Uint8Array(readFileSync(join(root, path))) })), ...(refused.length > 0 ? { refused } : {}) };
}
