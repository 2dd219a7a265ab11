/**
 * The filesystem ConfigSource: turns a directory on disk into the SourceTree the compiler reads.
 * Config files (and config lookalikes, so the loader can warn about them) are read as bytes; every
 * other path is only listed, so rules can check that files such as model cards exist.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFile, SourceTree } from '../load/source-tree.ts';
import { UsageError } from './command.ts';

/** Folders never descended into: they hold no config and can be huge. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Paths whose contents the loader needs: real config files and their near misses (`mlops.yml`). */
const CONFIG_LIKE = /(^|\/)(platform|mlops)\.ya?ml$/;

/** True when the loader needs the file's contents rather than just its path. */
export function isConfigLikePath(path: string): boolean {
  return CONFIG_LIKE.test(path);
}

async function assertDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new UsageError(`No such directory: ${dir}`);
    throw error;
  });
  if (!info.isDirectory()) throw new UsageError(`Not a directory: ${dir}`);
}

async function isDirectoryLink(absolute: string): Promise<boolean> {
  const info = await stat(absolute).catch(() => undefined);
  return info?.isDirectory() ?? false;
}

/** Lists every file below `root` as `/`-separated relative paths; symlinked folders are not followed. */
async function listFiles(root: string): Promise<string[]> {
  const paths: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries: Dirent[] = await readdir(relative === '' ? root : join(root, relative), { withFileTypes: true });
    const folders: string[] = [];
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
      } else if (entry.isFile()) {
        paths.push(path);
      } else if (entry.isSymbolicLink() && !(await isDirectoryLink(join(root, path)))) {
        paths.push(path);
      }
    }
    await Promise.all(folders.map(walk));
  }
  await walk('');
  return paths.sort();
}

/** Reads a config repo from disk. A missing directory is a UsageError naming it. */
export async function readSourceTree(dir: string): Promise<SourceTree> {
  await assertDirectory(dir);
  const paths = await listFiles(dir);
  const configPaths = paths.filter(isConfigLikePath);
  const otherPaths = paths.filter((path) => !isConfigLikePath(path));
  const files: SourceFile[] = await Promise.all(
    configPaths.map(async (path) => ({ path, content: await readFile(join(dir, path)) })),
  );
  return { files, otherPaths };
}
