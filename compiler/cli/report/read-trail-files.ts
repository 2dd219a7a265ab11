/**
 * Reads the audit trail's files (`audit/*.jsonl`) of a deploy repo: at HEAD when the folder is a git
 * repository (work tree or bare), else from the plain folder. Missing folder or repo: a UsageError.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import type { TrailFile } from '../../report/read-trail.ts';
import { UsageError } from '../command.ts';

const TRAIL_FILE = /^audit\/\d{4}-\d{2}\.jsonl$/;

/** The trail files and where they were read from (`<dir> @ <short sha>` or `<dir>`). */
export interface TrailSource {
  readonly files: readonly TrailFile[];
  readonly origin: string;
}

async function gitTopLevel(dir: string): Promise<boolean> {
  try {
    const git = simpleGit(dir);
    const inside = (await git.raw(['rev-parse', '--is-inside-work-tree', '--is-bare-repository'])).split('\n');
    if (inside[1] === 'true') return true;
    const top = (await git.raw(['rev-parse', '--show-prefix'])).trim();
    return inside[0] === 'true' && top === '';
  } catch {
    return false;
  }
}

async function readFromGit(dir: string, display: string): Promise<TrailSource> {
  const git = simpleGit(dir);
  let head: string;
  try {
    head = (await git.raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
  } catch {
    return { files: [], origin: `${display} (no commit yet)` };
  }
  if (head === '') return { files: [], origin: `${display} (no commit yet)` };
  const paths = (await git.raw(['ls-tree', '-r', '--name-only', '-z', head, '--', 'audit/'])).split('\0').filter((path) => TRAIL_FILE.test(path));
  const files: TrailFile[] = [];
  for (const path of paths) files.push({ path, text: await git.show([`${head}:${path}`]) });
  return { files, origin: `${display} @ ${head.slice(0, 12)}` };
}

async function readFromFolder(dir: string, display: string): Promise<TrailSource> {
  let names: string[];
  try {
    names = await readdir(join(dir, 'audit'));
  } catch {
    return { files: [], origin: `${display} (no audit/ folder)` };
  }
  const paths = names.map((name) => `audit/${name}`).filter((path) => TRAIL_FILE.test(path)).sort();
  const files: TrailFile[] = [];
  for (const path of paths) files.push({ path, text: await readFile(join(dir, path), 'utf8') });
  return { files, origin: display };
}

/** Reads the trail of the deploy repo at `dir`. */
export async function readTrailFiles(dir: string, display: string): Promise<TrailSource> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`Deploy repo ${display} is not a folder.`);
  return (await gitTopLevel(dir)) ? readFromGit(dir, display) : readFromFolder(dir, display);
}
