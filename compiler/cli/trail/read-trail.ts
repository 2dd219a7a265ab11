/**
 * The CLI's one reader of a deploy repo's audit trail (`audit/YYYY-MM.jsonl`), with simple-git: the
 * files at a commit (`mlops audit`, the deploy's drift check, the /argocd endpoint), at HEAD or from
 * a plain folder (`mlops report`), the entries with an unbroken chain (promotion and rollback act on
 * nothing less), and which commit recorded each entry. Parsing is compiler/audit/parse-trail.ts.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleGit } from 'simple-git';
import type { AuditEntry } from '../../audit/audit-entry.ts';
import { chainBreak } from '../../audit/chain-break.ts';
import { isTrailFile, parseTrail, type TrailFile } from '../../audit/parse-trail.ts';
import { UsageError } from '../command.ts';

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

/** The trail files of the commit `ref` of the git repository at `dir` (a work tree or a bare repo). */
export async function trailFilesAt(dir: string, ref: string): Promise<TrailFile[]> {
  const git = simpleGit(dir);
  const paths = (await git.raw(['ls-tree', '-r', '--name-only', '-z', ref, '--', 'audit/'])).split('\0').filter(isTrailFile);
  const files: TrailFile[] = [];
  for (const path of paths) files.push({ path, content: await git.show([`${ref}:${path}`]) });
  return files;
}

async function readFromGit(dir: string, display: string): Promise<TrailSource> {
  let head: string;
  try {
    head = (await simpleGit(dir).raw(['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])).trim();
  } catch {
    return { files: [], origin: `${display} (no commit yet)` };
  }
  if (head === '') return { files: [], origin: `${display} (no commit yet)` };
  return { files: await trailFilesAt(dir, head), origin: `${display} @ ${head.slice(0, 12)}` };
}

async function readFromFolder(dir: string, display: string): Promise<TrailSource> {
  let names: string[];
  try {
    names = await readdir(join(dir, 'audit'));
  } catch {
    return { files: [], origin: `${display} (no audit/ folder)` };
  }
  const paths = names.map((name) => `audit/${name}`).filter(isTrailFile).sort();
  const files: TrailFile[] = [];
  for (const path of paths) files.push({ path, content: await readFile(join(dir, path), 'utf8') });
  return { files, origin: display };
}

/** Reads the trail of the deploy repo at `dir`: at HEAD when it is a git repository, else from the plain folder. */
export async function readTrailFiles(dir: string, display: string): Promise<TrailSource> {
  const info = await stat(dir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UsageError(`Deploy repo ${display} is not a folder.`);
  return (await gitTopLevel(dir)) ? readFromGit(dir, display) : readFromFolder(dir, display);
}

/**
 * The entries of the deploy repo's trail at `ref` (default HEAD), whose chain must be unbroken (a
 * tampered trail is never acted on); an empty trail when there is none yet.
 */
export async function readDeployTrail(deployRepo: string, ref = 'HEAD'): Promise<AuditEntry[]> {
  const valid = await simpleGit(deployRepo).revparse(['--verify', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
  if (!valid) throw new UsageError(`Not a git repository with commits: ${deployRepo}`);
  const lines = parseTrail(await trailFilesAt(deployRepo, ref));
  const broken = chainBreak(lines, true);
  if (broken) throw new UsageError(`The audit trail is broken at ${broken.file}:${broken.line}${broken.seq !== undefined ? ` (seq ${broken.seq})` : ''}: ${broken.reason}; run \`mlops audit verify\` before promoting or rolling back.`);
  return lines.map((line) => line.entry!);
}

/**
 * Deploy `seq` → the deploy-repo commit that added its line (a deploy entry lives in its own commit), from
 * one `git log -p` over `audit/`, so `synced`/`degraded` events are matched by `deploy.commit`.
 */
export async function readDeployCommits(deployRepo: string, ref = 'HEAD'): Promise<Map<number, string>> {
  const log = await simpleGit(deployRepo).raw(['log', '--reverse', '--no-renames', '--format=commit %H', '-p', '--unified=0', ref, '--', 'audit/']);
  const commits = new Map<number, string>();
  let commit: string | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('commit ')) commit = line.slice('commit '.length).trim();
    else if (commit !== undefined && line.startsWith('+{')) {
      const seq = /"seq":([0-9]+)[,}]/.exec(line)?.[1];
      if (seq !== undefined && !commits.has(Number(seq))) commits.set(Number(seq), commit);
    }
  }
  return commits;
}
