/**
 * The deploy commit's message: a subject, a short ML summary, and git trailers that link the commit
 * back to the change (`Mlops-Source-Sha:`, `Mlops-Source-Repo:`, `Mlops-Pull-Request:`,
 * `Mlops-Author:`, `Mlops-Approved-By:`, `Mlops-Audit-Seq:`, `Mlops-Event:`; `Mlops-Audit-Last-Seq:` when
 * `waiver-used` entries follow the deploy's own in the same commit; `Mlops-Included-In:` on the
 * audit-only record of a superseded merge, naming the deploy commit that includes it). Every value comes from
 * a PR or a config and is sanitised: one line, printable, bounded. Pure.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';

/** Trailer keys. */
export const TRAILERS = {
  sourceSha: 'Mlops-Source-Sha',
  sourceRepo: 'Mlops-Source-Repo',
  pullRequest: 'Mlops-Pull-Request',
  author: 'Mlops-Author',
  approvedBy: 'Mlops-Approved-By',
  auditSeq: 'Mlops-Audit-Seq',
  lastAuditSeq: 'Mlops-Audit-Last-Seq',
  event: 'Mlops-Event',
  includedIn: 'Mlops-Included-In',
} as const;

/** A value safe for a commit message line: control and format characters removed, white space collapsed, at most `limit` characters. */
export function sanitizeLine(text: string, limit = 200): string {
  const clean = text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > limit ? `${clean.slice(0, limit - 1)}…` : clean;
}

function summaryLines(entry: AuditEntry): string[] {
  const lines = entry.changes.slice(0, 20).map((change) => {
    const version = change.action === 'removed' ? `removed (was ${change.versionBefore ?? '?'})` : change.versionBefore && change.versionBefore !== change.versionAfter ? `${change.versionBefore} → ${change.versionAfter}` : (change.versionAfter ?? '');
    const canary = change.canary ? `, canary ${change.canary.version} at ${change.canary.traffic}%` : '';
    return sanitizeLine(`- ${change.team}/${change.deployment} in ${change.environment}: ${version}${canary}`);
  });
  if (entry.changes.length > 20) lines.push(`- … and ${entry.changes.length - 20} more serving changes`);
  if (entry.deploy.includedIn !== undefined) lines.push(sanitizeLine(`Deployed by ${entry.deploy.includedIn}, a newer merge that includes this one; this commit records the merge and its approvals only.`));
  if (entry.deploy.commit !== undefined) lines.push(sanitizeLine(`Deploy commit ${entry.deploy.commit}${entry.deploy.cluster ? ` on cluster ${entry.deploy.cluster}` : ''}.`));
  if (entry.message !== undefined && entry.event !== 'deploy-failed') lines.push(sanitizeLine(entry.message, 300));
  return lines;
}

/**
 * The commit message of a deploy (or of a refused deploy's audit-only commit); `lastSeq` is the last
 * entry the commit appends when entries follow `entry` (its `waiver-used` entries).
 */
export function deployCommitMessage(entry: AuditEntry, details: readonly string[] = [], lastSeq?: number): string {
  const source = entry.source;
  const short = sanitizeLine(source.sha, 64).slice(0, 12);
  const included = entry.deploy.includedIn;
  const what = entry.event === 'deploy-failed' ? 'deploy failed' : included !== undefined ? `${entry.event} recorded, included in ${sanitizeLine(included, 64).slice(0, 12)}` : entry.event;
  const pr = source.pr !== undefined ? ` (PR #${source.pr})` : '';
  const subject = sanitizeLine(`${what}: ${source.repo}@${short}${pr}${entry.teams.length > 0 ? ` — ${entry.teams.slice(0, 5).join(', ')}${entry.teams.length > 5 ? ', …' : ''}` : ''}`, 120);
  const body = [...summaryLines(entry), ...details.map((line) => sanitizeLine(line, 300))];
  const trailers = [
    `${TRAILERS.sourceSha}: ${sanitizeLine(source.sha, 64)}`,
    `${TRAILERS.sourceRepo}: ${sanitizeLine(source.repo)}`,
    ...(source.pr !== undefined ? [`${TRAILERS.pullRequest}: ${source.pr}`] : []),
    ...(source.author ? [`${TRAILERS.author}: ${sanitizeLine(source.author, 100)}`] : []),
    ...entry.approvers.map((approver) => `${TRAILERS.approvedBy}: ${sanitizeLine(approver, 100)}`),
    `${TRAILERS.auditSeq}: ${entry.seq}`,
    ...(lastSeq !== undefined && lastSeq > entry.seq ? [`${TRAILERS.lastAuditSeq}: ${lastSeq}`] : []),
    `${TRAILERS.event}: ${entry.event}`,
    ...(included !== undefined ? [`${TRAILERS.includedIn}: ${sanitizeLine(included, 64)}`] : []),
  ];
  return `${subject}\n\n${body.length > 0 ? `${body.join('\n')}\n\n` : ''}${trailers.join('\n')}\n`;
}

/** Trailers of a commit message, by key (a key may repeat); only the last paragraph is read, as git does. */
export function parseTrailers(message: string): Map<string, string[]> {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  const last = paragraphs[paragraphs.length - 1] ?? '';
  const trailers = new Map<string, string[]>();
  for (const line of last.split('\n')) {
    const match = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (!match) continue;
    const values = trailers.get(match[1]!) ?? [];
    values.push(match[2]!.trim());
    trailers.set(match[1]!, values);
  }
  return trailers;
}

/** The source change a deploy commit names, from its trailers; undefined for a commit that is not a deploy. */
export interface DeployCommitLink {
  readonly sourceSha: string;
  readonly sourceRepo: string;
  readonly pullRequest?: number;
  readonly auditSeq?: number;
  /** The last audit entry the commit appends, when more than `auditSeq`. */
  readonly lastAuditSeq?: number;
  readonly event?: string;
  /** On the audit-only record of a superseded merge: the deploy commit that includes it (it landed no manifests itself). */
  readonly includedIn?: string;
}

/** Reads the link back to the source change from a deploy commit's message. */
export function deployCommitLink(message: string): DeployCommitLink | undefined {
  const trailers = parseTrailers(message);
  const sourceSha = trailers.get(TRAILERS.sourceSha)?.[0];
  const sourceRepo = trailers.get(TRAILERS.sourceRepo)?.[0];
  if (!sourceSha || !sourceRepo) return undefined;
  const number = (key: string) => {
    const value = Number(trailers.get(key)?.[0]);
    return Number.isSafeInteger(value) && value > 0 ? value : undefined;
  };
  const pullRequest = number(TRAILERS.pullRequest);
  const auditSeq = number(TRAILERS.auditSeq);
  const lastAuditSeq = number(TRAILERS.lastAuditSeq);
  const event = trailers.get(TRAILERS.event)?.[0];
  const includedIn = trailers.get(TRAILERS.includedIn)?.[0];
  return { sourceSha, sourceRepo, ...(pullRequest ? { pullRequest } : {}), ...(auditSeq ? { auditSeq } : {}), ...(lastAuditSeq ? { lastAuditSeq } : {}), ...(event ? { event } : {}), ...(includedIn ? { includedIn } : {}) };
}
