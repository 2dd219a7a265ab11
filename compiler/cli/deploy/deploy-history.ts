/**
 * What the deploy repo's history says beyond its files: the highest audit sequence number its
 * commits name (their `Mlops-Audit-Seq:` and `Mlops-Audit-Last-Seq:` trailers, so a trail cut off at
 * the end is caught), whether the deploy commit each superseded merge's record names as including it
 * (`deploy.includedIn`) is a deploy commit in the history, whether every commit that changed the
 * audit trail carries a good SSH signature from an allowed signer (`git verify-commit` with
 * `gpg.ssh.allowedSignersFile`), and which commits claim a deploy that the audit trail does not back
 * (forged trailers).
 */
import type { AuditEntry } from '../../audit/audit-entry.ts';
import type { TrailLine } from '../../audit/parse-trail.ts';
import type { TrailProblem } from '../../audit/verify-trail.ts';
import { type DeployCommitLink, deployCommitLink } from '../../deploy/commit-trailers.ts';
import { renderedTreeHash } from '../../deploy/deploy-state.ts';
import { claimedDeploy, deployMismatch, type ForgedDeployCommit, subjectOf } from '../../deploy/trusted-deploy.ts';
import { git, runGit } from './git-command.ts';

/** The highest `Mlops-Audit-Seq:` (or `Mlops-Audit-Last-Seq:`) in the history of `tip` (0 when none). */
export async function highestAuditSeq(repoDir: string, tip: string): Promise<number> {
  const log = (await git(repoDir, ['log', '--format=%B%x00', tip])).toString('utf8');
  let highest = 0;
  for (const message of log.split('\0')) {
    const link = deployCommitLink(message);
    highest = Math.max(highest, link?.lastAuditSeq ?? 0, link?.auditSeq ?? 0);
  }
  return highest;
}

/** A commit whose signature does not verify. */
export interface SignatureProblem {
  readonly commit: string;
  readonly subject: string;
  /** What git said, one line. */
  readonly reason: string;
}

/** Why `commit` has no good SSH signature of an allowed signer (`git verify-commit`); undefined when it has one. */
export async function signatureProblem(repoDir: string, commit: string, allowedSignersFile: string): Promise<string | undefined> {
  const result = await runGit(repoDir, ['-c', 'gpg.format=ssh', '-c', `gpg.ssh.allowedSignersFile=${allowedSignersFile}`, 'verify-commit', commit]);
  if (result.code === 0) return undefined;
  if (/no signature/i.test(result.stderr) || result.stderr.trim() === '') return 'not signed';
  return result.stderr.trim().split('\n').filter((text) => text !== '').at(-1) ?? `exit ${result.code}`;
}

/** Checks the signature of every commit in `tip`'s history that changed `audit/`. */
export async function verifyAuditSignatures(repoDir: string, tip: string, allowedSignersFile: string): Promise<{ checked: number; problems: SignatureProblem[] }> {
  const log = (await git(repoDir, ['log', '--format=%H%x00%s', tip, '--', 'audit/'])).toString('utf8').trim();
  const problems: SignatureProblem[] = [];
  const commits = log === '' ? [] : log.split('\n');
  for (const line of commits) {
    const [commit = '', subject = ''] = line.split('\0');
    const reason = await signatureProblem(repoDir, commit, allowedSignersFile);
    if (reason !== undefined) problems.push({ commit, subject, reason });
  }
  return { checked: commits.length, problems };
}

/** The source of the rendered trees `verifyDeployClaims` hashes (the deploy target's cache clone). */
export interface GeneratedTreeReader {
  generatedAt(commit: string): Promise<{ generated: Map<string, string> }>;
}

/** A commit whose trailers claim a deploying event. */
export interface DeployClaim {
  readonly commit: string;
  readonly message: string;
  readonly link: DeployCommitLink;
}

/** The commits of `tip`'s first-parent history whose trailers claim a deploy, newest first; `limit` caps the commits git lists. */
export async function deployClaims(repoDir: string, tip: string, limit?: number): Promise<DeployClaim[]> {
  const log = (await git(repoDir, ['log', '--first-parent', ...(limit === undefined ? [] : ['-n', String(limit)]), '--extended-regexp', '--grep=^Mlops-Event: (deploy|rollback|promotion)$', '--format=%H%x00%B%x00', tip])).toString('utf8').split('\0');
  const claims: DeployClaim[] = [];
  for (let index = 0; index + 1 < log.length; index += 2) {
    const message = log[index + 1]!;
    const link = claimedDeploy(message);
    if (link) claims.push({ commit: log[index]!.trim(), message, link });
  }
  return claims;
}

/**
 * Why the audit entry `entry` (the one the claim's `Mlops-Audit-Seq:` names) does not back `claim`,
 * undefined when it does: the entry must be a deploy of the same source whose tree hash is the
 * commit's generated tree (`treeHash` when the caller has it, else hashed from `reader`), and, with
 * `allowedSignersFile`, the commit must carry a good SSH signature of an allowed signer.
 */
export async function claimProblem(repoDir: string, reader: GeneratedTreeReader, claim: DeployClaim, entry: AuditEntry | undefined, allowedSignersFile?: string, treeHash?: string): Promise<string | undefined> {
  const hash = entry === undefined ? undefined : (treeHash ?? renderedTreeHash((await reader.generatedAt(claim.commit)).generated));
  return deployMismatch(claim.link, entry, hash) ?? (allowedSignersFile === undefined ? undefined : await signatureProblem(repoDir, claim.commit, allowedSignersFile));
}

/**
 * Every commit in `tip`'s first-parent history whose trailers claim a deploy and that no audit entry
 * backs (`claimProblem`). `entries` are the trail's entries by sequence number.
 */
export async function verifyDeployClaims(repoDir: string, reader: GeneratedTreeReader, tip: string, entries: ReadonlyMap<number, AuditEntry>, allowedSignersFile?: string): Promise<{ checked: number; forged: ForgedDeployCommit[] }> {
  const claims = await deployClaims(repoDir, tip);
  const forged: ForgedDeployCommit[] = [];
  for (const claim of claims) {
    const entry = claim.link.auditSeq === undefined ? undefined : entries.get(claim.link.auditSeq);
    const reason = await claimProblem(repoDir, reader, claim, entry, allowedSignersFile);
    if (reason !== undefined) forged.push({ commit: claim.commit, subject: subjectOf(claim.message), reason });
  }
  return { checked: claims.length, forged };
}

/**
 * Records of superseded merges whose `deploy.includedIn` is not a deploy commit (one that landed
 * manifests, with `Mlops-Source-Sha:` and a deploying `Mlops-Event:`, and no `Mlops-Included-In:`) in
 * the history of `tip`.
 */
export async function includedInProblems(repoDir: string, tip: string, lines: readonly TrailLine[]): Promise<TrailProblem[]> {
  const problems: TrailProblem[] = [];
  for (const line of lines) {
    const included = line.entry?.deploy.includedIn;
    if (!line.entry || included === undefined) continue;
    const known = /^[0-9a-f]{40}$/.test(included) && (await runGit(repoDir, ['merge-base', '--is-ancestor', included, tip])).code === 0;
    // A deploy commit: a deploying event that landed manifests (not another superseded merge's record).
    const deploying = known && claimedDeploy((await git(repoDir, ['show', '-s', '--format=%B', included])).toString('utf8')) !== undefined;
    if (!deploying) problems.push({ kind: 'dangling-include', file: line.file, line: line.line, seq: line.entry.seq, message: `Entry ${line.entry.seq} says it was deployed by ${included.slice(0, 40)}, which is not a deploy commit of this branch.` });
  }
  return problems;
}
