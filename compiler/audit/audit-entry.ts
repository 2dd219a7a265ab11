/**
 * One entry of the audit trail: hash-chained JSON Lines kept in the deploy repo
 * (`audit/<YYYY>-<MM>.jsonl`, one line per entry, the chain running on across months), written in
 * the same commit as the manifests it describes. This file is the contract between the writers
 * (the deploy core, the bot's Argo CD endpoint) and the readers (`mlops audit`, `mlops report`).
 *
 * An entry's `hash` is `sha256:` + the SHA-256 of the canonical JSON of the entry without `hash`
 * (keys sorted at every level, no white space); `prev` is the previous entry's `hash`, or
 * {@link GENESIS_HASH} for the first. Editing, removing, inserting or reordering a line breaks the chain
 * at that line. Pure: no I/O.
 */
import { createHash } from 'node:crypto';

/** `prev` of the first entry of a trail. */
export const GENESIS_HASH = `sha256:${'0'.repeat(64)}`;

/** What happened. */
export type AuditEventKind =
  /** Rendered manifests were committed to the deploy repo. */
  | 'deploy'
  /** A deploy was attempted and did not land (render error, push refused after retries, drift). */
  | 'deploy-failed'
  /** Argo CD reported a deploy commit synced and healthy in a cluster. */
  | 'synced'
  /** Argo CD reported a sync failure or degraded health for a deploy commit. */
  | 'degraded'
  /** A deploy that restored an earlier desired state (a merged rollback PR). */
  | 'rollback'
  /** A deploy that moved a version into a further environment (a merged promotion PR). */
  | 'promotion'
  /**
   * A policy waiver was relied on by a deploy: one entry per waiver that suspended a finding of the
   * deployed change, right after the deploy's entry and in the same commit.
   */
  | 'waiver-used';


/** Where the change came from. */
export interface AuditSource {
  /** `owner/name` of the config repo. */
  readonly repo: string;
  /** The config-repo commit that was rendered. */
  readonly sha: string;
  /** The pull request that merged it, when there was one. */
  readonly pr?: number;
  /** ISO time the PR was opened. */
  readonly prOpenedAt?: string;
  /** ISO time the PR was merged. */
  readonly mergedAt?: string;
  /** GitHub login of the PR author (or the commit author without a PR). */
  readonly author?: string;
}

/** Where the rendered tree went. */
export interface AuditDeployTarget {
  /** `owner/name` or a path of the deploy repo. */
  readonly repo: string;
  readonly branch: string;
  /**
   * SHA-256 of the rendered tree: `sha256:` over the sorted lines `path\0<git blob id>\n` of every
   * generated file (a blob id is the SHA-1 of the content, so this fixes every byte; see
   * `renderedTreeHash` in compiler/deploy/deploy-state.ts).
   */
  readonly treeHash: string;
  /** The deploy commit an event is about (`synced`, `degraded`); a `deploy` entry lives in its own commit and omits it. */
  readonly commit?: string;
  /** The cluster an Argo CD event is about. */
  readonly cluster?: string;
  /**
   * On a `deploy` (`rollback`, `promotion`) entry recorded in an audit-only commit: the deploy commit
   * whose render already included this source commit. Set when a newer merge landed first and this
   * older, superseded merge (an ancestor of the newer one) gets its own record; the manifests are the
   * including commit's, and `treeHash` is that commit's. Absent on an entry whose own commit landed the
   * manifests.
   */
  readonly includedIn?: string;
}

/** What one deployment serves in one environment after the change (ML terms, from the plan). */
export interface AuditServingChange {
  readonly team: string;
  readonly deployment: string;
  readonly model: string;
  readonly environment: string;
  readonly tier: 'development' | 'staging' | 'production';
  readonly riskTier: 'low' | 'medium' | 'high';
  readonly action: 'added' | 'changed' | 'removed';
  readonly versionBefore?: string;
  readonly versionAfter?: string;
  readonly canary?: { readonly version: string; readonly traffic: number };
  /** Registry metrics of `versionAfter` (e.g. `{ auc: 0.941 }`). */
  readonly metrics?: Readonly<Record<string, number>>;
}

/** One approval requirement and who met it. */
export interface AuditApproval {
  readonly id: string;
  readonly count: number;
  readonly approvedBy: readonly string[];
  readonly satisfied: boolean;
}

/** A waiver a deploy relied on. */
export interface AuditWaiver {
  readonly rule: string;
  readonly target: string;
  readonly team: string;
  readonly ticket?: string;
  readonly approvedBy?: string;
  /** `YYYY-MM-DD`. */
  readonly expires: string;
  /** Why it was granted, as the team file states it (on `waiver-used` entries). */
  readonly justification?: string;
}

/** Policy results at the time of the event. */
export interface AuditPolicy {
  /** True when no policy error stood (waived findings do not count as errors). */
  readonly passed: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly waivers: readonly AuditWaiver[];
}

/** One line of the audit trail, as stored. */
export interface AuditEntry {
  /** 1, 2, 3, … without gaps across the whole trail. */
  readonly seq: number;
  /** ISO 8601 UTC time of the event. */
  readonly time: string;
  readonly event: AuditEventKind;
  /** Who caused the event: a GitHub login, `argocd`, or the local user of `mlops deploy`. */
  readonly actor: string;
  readonly source: AuditSource;
  /** GitHub logins whose approvals counted (never the author). */
  readonly approvers: readonly string[];
  readonly approvals: readonly AuditApproval[];
  readonly deploy: AuditDeployTarget;
  readonly environments: readonly string[];
  readonly teams: readonly string[];
  readonly changes: readonly AuditServingChange[];
  readonly policy: AuditPolicy;
  /** On a `waiver-used` entry: the one waiver it records (also its `policy.waivers`), with who granted it and why. */
  readonly waiver?: AuditWaiver;
  /** For failures and manual notes: one sentence. */
  readonly message?: string;
  readonly prev: string;
  readonly hash: string;
}

/** An entry before it is chained. */
export type UnchainedAuditEntry = Omit<AuditEntry, 'seq' | 'prev' | 'hash'>;

/** JSON with keys sorted at every level and no white space; `undefined` members are dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not JSON`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const members: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${canonicalJson(member)}`);
  }
  return `{${members.join(',')}}`;
}

/** The hash an entry must carry: over everything but `hash` itself. */
export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _ignored, ...rest } = entry as AuditEntry;
  return `sha256:${createHash('sha256').update(canonicalJson(rest)).digest('hex')}`;
}

/** Chains an entry after `previous` (or as the first entry). */
export function chainEntry(entry: UnchainedAuditEntry, previous: AuditEntry | undefined): AuditEntry {
  const unhashed = { ...entry, seq: (previous?.seq ?? 0) + 1, prev: previous?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: entryHash(unhashed) };
}

/** The trail file an entry belongs in: `audit/<YYYY>-<MM>.jsonl` by its UTC time. */
export function auditFilePath(time: string): string {
  return `audit/${time.slice(0, 7)}.jsonl`;
}

/** One stored line: the canonical JSON of the entry. */
export function serializeEntry(entry: AuditEntry): string {
  return canonicalJson(entry);
}
