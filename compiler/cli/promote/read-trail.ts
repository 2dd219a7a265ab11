/** Reads the audit trail (`audit/*.jsonl`) of a deploy repo as committed at its HEAD, with simple-git. */
import { simpleGit } from 'simple-git';
import type { AuditEntry } from '../../audit/audit-entry.ts';
import { UsageError } from '../command.ts';
import { parseTrail } from './parse-trail.ts';

/** The entries of the deploy repo's trail at `ref` (default HEAD); an empty trail when there is none yet. */
export async function readDeployTrail(deployRepo: string, ref = 'HEAD'): Promise<AuditEntry[]> {
  const git = simpleGit(deployRepo);
  const valid = await git.revparse(['--verify', `${ref}^{commit}`]).then(
    () => true,
    () => false,
  );
  if (!valid) throw new UsageError(`Not a git repository with commits: ${deployRepo}`);
  const listing = await git.raw(['ls-tree', '-z', '--name-only', ref, '--', 'audit/']);
  const paths = listing.split('\0').filter((path) => /^audit\/[^/]+\.jsonl$/.test(path));
  const files = [];
  for (const path of paths) files.push({ path, text: await git.show([`${ref}:${path}`]) });
  return parseTrail(files);
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
