/**
 * The filesystem ConfigSource: turns a directory on disk into the SourceTree the compiler reads.
 * Config files (and config lookalikes, so the loader can warn about them) are read as bytes; every
 * other path is only listed, so rules can check that files such as model cards exist.
 *
 * The directory is hostile (any team's pull request): only regular files inside it are read. A config
 * path that is a FIFO, socket or device is refused without being opened; a symbolic link (to a file or
 * a folder) resolving outside the directory is refused naming the link; a file over the size limit is
 * refused from its `lstat`/`fstat` size, never read. Refusals go to the loader, which reports them.
 */
import { constants, type Dirent, type Stats } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { DEFAULT_PARSE_LIMITS } from '../load/parse-file.ts';
import type { RefusedFile, SourceFile, SourceTree } from '../load/source-tree.ts';
import { UsageError } from './command.ts';

/** Folders never descended into: they hold no config and can be huge. */
const SKIPPED_FOLDERS = new Set(['.git', 'node_modules']);

/** Paths whose contents the loader needs: real config files and their near misses (`mlops.yml`). */
const CONFIG_LIKE = /(^|\/)(platform|mlops)\.ya?ml$/;

/** Folders where config lives: a link there leading outside the repo is refused, not skipped. */
const CONFIG_FOLDER = /^teams(\/[^/]+)?$/;

/** True when the loader needs the file's contents rather than just its path. */
export function isConfigLikePath(path: string): boolean {
  return CONFIG_LIKE.test(path);
}

/** Options of `readSourceTree`. */
export interface ReadSourceOptions {
  /** Config files larger than this are refused unread. @default 1 MiB (the parser's limit) */
  readonly maxBytes?: number;
  /** How messages name `dir`: as the user gave it. @default dir */
  readonly shown?: string;
}

/** Throws a UsageError unless `dir` is an existing folder (named as the user gave it: `shown`). */
export async function assertDirectory(dir: string, shown: string = dir): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') throw new UsageError(`No such directory: ${shown}`);
    throw error;
  });
  if (!info.isDirectory()) throw new UsageError(`Not a directory: ${shown}`);
}

function specialKind(info: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isCharacterDevice()) return 'a character device';
  return 'not a regular file';
}

function inside(root: string, absolute: string): boolean {
  return absolute === root || absolute.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
}

interface Listing {
  readonly files: string[];
  readonly links: string[];
  readonly special: { path: string; kind: string }[];
}

/** Lists every entry below `root` as `/`-separated relative paths; links and special files apart. */
async function listEntries(root: string): Promise<Listing> {
  const listing: Listing = { files: [], links: [], special: [] };
  async function walk(relative: string): Promise<void> {
    const entries: Dirent[] = await readdir(relative === '' ? root : join(root, relative), { withFileTypes: true });
    const folders: string[] = [];
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) folders.push(path);
      } else if (entry.isFile()) listing.files.push(path);
      else if (entry.isSymbolicLink()) listing.links.push(path);
      else listing.special.push({ path, kind: specialKind(entry) });
    }
    await Promise.all(folders.map(walk));
  }
  await walk('');
  return listing;
}

/** Reads a regular file without following a link or blocking on a FIFO swapped in; refuses it when it is not regular or too large. */
async function readRegular(path: string, absolute: string, maxBytes: number): Promise<Uint8Array | RefusedFile> {
  const handle = await open(absolute, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { path, reason: 'special-file', kind: specialKind(info) };
    if (info.size > maxBytes) return { path, reason: 'too-large', size: info.size };
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Reads a config path found as a regular file or as a link inside the repo. */
async function readConfig(root: string, path: string, maxBytes: number): Promise<SourceFile | RefusedFile> {
  let absolute = join(root, path);
  let info = await lstat(absolute);
  if (info.isSymbolicLink()) {
    const target = await realpath(absolute).catch(() => undefined);
    if (target === undefined || !inside(root, target)) return { path, reason: 'outside-link', target: target ?? 'nothing' };
    absolute = target;
    info = await lstat(absolute);
  }
  if (!info.isFile()) return { path, reason: 'special-file', kind: specialKind(info) };
  if (info.size > maxBytes) return { path, reason: 'too-large', size: info.size };
  const content = await readRegular(path, absolute, maxBytes);
  return content instanceof Uint8Array ? { path, content } : content;
}

/** Classifies the links of a listing: file links inside the repo are listed, others refused or skipped. */
async function classifyLinks(root: string, links: readonly string[]): Promise<{ paths: string[]; refused: RefusedFile[] }> {
  const paths: string[] = [];
  const refused: RefusedFile[] = [];
  await Promise.all(
    links.map(async (path) => {
      const target = await realpath(join(root, path)).catch(() => undefined);
      const info = target === undefined ? undefined : await stat(target).catch(() => undefined);
      const outside = target === undefined || !inside(root, target);
      if (info?.isDirectory()) {
        // Linked folders are never followed; one leading out of the repo where config lives is an error.
        if (outside && CONFIG_FOLDER.test(path)) refused.push({ path, reason: 'outside-link', target: target ?? 'nothing' });
        return;
      }
      if (isConfigLikePath(path)) paths.push(path);
      else if (!outside && info?.isFile()) paths.push(path);
    }),
  );
  return { paths, refused };
}

/** Reads a config repo from disk. A missing directory is a UsageError naming it. */
export async function readSourceTree(dir: string, options: ReadSourceOptions = {}): Promise<SourceTree> {
  await assertDirectory(dir, options.shown ?? dir);
  const maxBytes = options.maxBytes ?? DEFAULT_PARSE_LIMITS.maxBytes;
  const root = await realpath(dir);
  const listing = await listEntries(root);
  const links = await classifyLinks(root, listing.links);
  const paths = [...listing.files, ...links.paths].sort();
  const refused: RefusedFile[] = [...links.refused];
  for (const special of listing.special) if (isConfigLikePath(special.path)) refused.push({ path: special.path, reason: 'special-file', kind: special.kind });
  const configPaths = paths.filter(isConfigLikePath);
  const otherPaths = paths.filter((path) => !isConfigLikePath(path));
  const files: SourceFile[] = [];
  for (const outcome of await Promise.all(configPaths.map((path) => readConfig(root, path, maxBytes)))) {
    if ('content' in outcome) files.push(outcome);
    else refused.push(outcome);
  }
  refused.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, otherPaths, ...(refused.length > 0 ? { refused } : {}) };
}
