/**
 * Which deploy the deploy repo can be trusted to hold. A commit's trailers prove nothing (anyone can
 * type `Mlops-Event: deploy`); what we rendered is what the audit trail says we rendered: every
 * `deploy`, `rollback` and `promotion` entry records the hash of the generated tree it committed
 * (`deploy.treeHash`, see `renderedTreeHash`). So the trusted deploy is the newest such entry whose
 * line, and every line after it, still chains (its hash recomputes, its `prev` and `seq` follow the
 * line before); the generated files at the branch tip must hash to its tree, else they drifted. A
 * commit whose trailers claim a deploy that no trusted entry backs is a forgery. Pure: no I/O.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import { type ChainBreak, chainBreak } from '../audit/chain-break.ts';
import type { TrailLine } from '../audit/parse-trail.ts';
import { type DeployCommitLink, deployCommitLink } from './commit-trailers.ts';
import { isDeployEvent } from './deploy-event.ts';

/** The deploying entries a deploy repo can be trusted to hold, newest first, and the line that breaks trust. */
export interface TrustedEntries {
  /** Deploying entries that chain, newest first. */
  readonly deploying: readonly AuditEntry[];
  /** The first line that does not chain (and so every line after it is distrusted), when there is one. */
  readonly distrusted?: ChainBreak;
}

/**
 * The trusted deploying entries of the newest lines of a trail (the shell reads the last month files,
 * enough to hold a deploying entry): every line up to the first that does not chain.
 */
export function trustedEntries(lines: readonly TrailLine[]): TrustedEntries {
  const distrusted = chainBreak(lines, false);
  const end = distrusted ? lines.findIndex((line) => line.file === distrusted.file && line.line === distrusted.line) : lines.length;
  const deploying: AuditEntry[] = [];
  for (let index = end - 1; index >= 0; index--) {
    const entry = lines[index]!.entry!;
    // A superseded merge's record (`deploy.includedIn`) landed no manifests: the deploy that includes it did.
    if (isDeployEvent(entry.event) && entry.deploy.includedIn === undefined) deploying.push(entry);
  }
  return { deploying, ...(distrusted ? { distrusted } : {}) };
}

/** A deploy commit as the shell lists it. */
export interface CommitRecord {
  readonly commit: string;
  readonly message: string;
}

/** A commit whose trailers claim a deploy that the audit trail does not back. */
export interface ForgedDeployCommit {
  readonly commit: string;
  /** The commit's subject line. */
  readonly subject: string;
  /** One sentence. */
  readonly reason: string;
}

/**
 * The link of a commit whose trailers claim a deploying event; undefined for any other commit,
 * including a superseded merge's audit-only record (`Mlops-Included-In:`), which lands no manifests.
 */
export function claimedDeploy(message: string): DeployCommitLink | undefined {
  const link = deployCommitLink(message);
  return link && isDeployEvent(link.event) && link.includedIn === undefined ? link : undefined;
}

/**
 * Why a commit claiming a deploy is not the one `entry` describes (undefined when it is): its trailers
 * must name the entry's sequence number and source, and its generated tree must hash to the entry's.
 * `treeHash` is the commit's generated tree hash, when the shell computed it.
 */
export function deployMismatch(link: DeployCommitLink, entry: AuditEntry | undefined, treeHash: string | undefined): string | undefined {
  if (link.auditSeq === undefined) return 'its trailers name no audit entry (Mlops-Audit-Seq)';
  if (entry === undefined) return `no trusted audit entry ${link.auditSeq} records it`;
  if (!isDeployEvent(entry.event)) return `audit entry ${entry.seq} is a ${entry.event}, not a deploy`;
  if (entry.source.sha !== link.sourceSha) return `audit entry ${entry.seq} records source ${entry.source.sha.slice(0, 12)}, the trailers claim ${link.sourceSha.slice(0, 12)}`;
  if (treeHash !== undefined && treeHash !== entry.deploy.treeHash) return `its generated files are not the tree audit entry ${entry.seq} records`;
  return undefined;
}

/** The subject of a commit message. */
export function subjectOf(message: string): string {
  return message.split('\n', 1)[0] ?? '';
}
