/**
 * The deploy core's data: what it is given (the merged source tree, the deploy repo as it stands, who
 * merged what) and what it decides (the files to write and delete, the audit entry, the commit
 * message), or why it refused. Pure data; `deploy.ts` computes it, the shells (CLI, bot) carry it out.
 */
import type { AuditEntry } from '../audit/audit-entry.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { OutputFile } from '../emit/manifest.ts';
import type { SourceTree } from '../load/source-tree.ts';
import type { Review } from '../plan/approvals/approval-model.ts';
import type { DeployRecordParts } from './deploy-records.ts';
import type { DeployState } from './deploy-state.ts';
import type { ForgedDeployCommit } from './trusted-deploy.ts';

/** The audit event a successful deploy records: a plain merge, a merged rollback PR or a merged promotion PR. */
export type DeployEvent = 'deploy' | 'rollback' | 'promotion';

/** Who merged what, as the shell knows it. Every string is treated as hostile (sanitised before it reaches a commit message). */
export interface DeployMetadata {
  /** `owner/name` (or path) of the config repo. */
  readonly sourceRepo: string;
  /** The merged config-repo commit. */
  readonly sha: string;
  readonly pullRequest?: number;
  /** ISO time the PR was opened. */
  readonly prOpenedAt?: string;
  /** ISO time the PR was merged. */
  readonly mergedAt?: string;
  /** GitHub login of the PR author (or the commit author without a PR). */
  readonly author?: string;
  /** Approving reviews of the merged PR (their team memberships, when known, let team-owner rules count them). */
  readonly reviews: readonly Review[];
  /** Who caused the deploy: the merger's login, or the local user of `mlops deploy`. */
  readonly actor: string;
  /** ISO 8601 UTC time of the deploy. */
  readonly time: string;
  /** @default 'deploy' */
  readonly event?: DeployEvent;
}

/** The deploy repo as it stands on its branch, read cheaply by the shell (blob ids, not contents). */
export interface DeployRepoSnapshot {
  /** Git blob id of every file under the generated roots (`clusters/`, `argocd/`, `registry.json`), by path. */
  readonly generated: ReadonlyMap<string, string>;
  /** Content of `registry.json`, when present (an incremental deploy updates the affected teams in it). */
  readonly registry?: string;
  /** The deploy state file, when present. */
  readonly state?: DeployState;
  /**
   * Generated files changed by commits after the last deploy commit (the shell diffs the two trees);
   * undefined when no deploy commit is known — then any existing file the render would not write
   * identically counts as drift.
   */
  readonly handEdits?: readonly DriftedFile[];
  /** The last entry of the audit trail, when there is one. */
  readonly lastEntry?: AuditEntry;
  /** Commits whose trailers claim a deploy that the audit trail does not back (see trusted-deploy.ts), newest first. */
  readonly forgedDeploys?: readonly ForgedDeployCommit[];
}

/** Where the rendered tree goes. */
export interface DeployDestination {
  /** `owner/name` or a path of the deploy repo. */
  readonly repo: string;
  readonly branch: string;
}

/** Everything `deploy` needs. */
export interface DeployInput {
  /** The config tree at the merged SHA. */
  readonly source: SourceTree;
  /**
   * The config tree at the last deployed source SHA (`repo.state.sourceSha`), when the shell could read
   * it: then only teams whose inputs changed are rendered (all of them when platform.yaml changed).
   */
  readonly previousSource?: SourceTree;
  readonly repo: DeployRepoSnapshot;
  readonly metadata: DeployMetadata;
  readonly destination: DeployDestination;
}

/** A generated file whose content is not what the last deploy wrote. */
export interface DriftedFile {
  readonly path: string;
  /** `edited`: content differs; `deleted`: we wrote it and it is gone; `added`: we never wrote it. */
  readonly kind: 'edited' | 'deleted' | 'added';
  /** The commit that changed it when that commit claimed, falsely, to be a deploy (its trailers match no trusted audit entry). */
  readonly forgedBy?: string;
}

/** A deploy to commit: manifests, state and audit entry in one commit. */
export interface DeployPlanned {
  readonly status: 'deployed';
  /** Files to write (only those whose content changes), sorted by path. */
  readonly writes: readonly OutputFile[];
  /** Generated files to delete, sorted. */
  readonly deletions: readonly string[];
  readonly state: DeployState;
  /** Blob id of every generated file after the deploy, by path (what the audit's tree hash covers). */
  readonly files: ReadonlyMap<string, string>;
  /** The deploy's own audit entry. */
  readonly entry: AuditEntry;
  /** One `waiver-used` entry per waiver the deployed change relied on, chained after `entry`, in the same commit. */
  readonly waiverEntries: readonly AuditEntry[];
  readonly commitMessage: string;
  /** What the entries were built from (`withApprovals` rebuilds them with other reviews, without rendering). */
  readonly record: DeployRecordParts;
  /** True when only the teams whose inputs changed were rendered. */
  readonly incremental: boolean;
  /** Team keys rendered (folder names). */
  readonly renderedTeams: readonly string[];
}

/** A deploy that must not land: only its `deploy-failed` audit entry is committed. */
export interface DeployRefused {
  readonly status: 'failed';
  readonly reason: 'render-errors' | 'drift';
  /** Error diagnostics of the render (for `render-errors`). */
  readonly diagnostics: readonly Diagnostic[];
  /** Hand-edited generated files (for `drift`). */
  readonly drift: readonly DriftedFile[];
  readonly entry: AuditEntry;
  readonly commitMessage: string;
}

/** The merged SHA is the one the deploy repo already serves: nothing to do. */
export interface DeployAlreadyDone {
  readonly status: 'already-deployed';
}

/** What `deploy` decided. */
export type DeployOutcome = DeployPlanned | DeployRefused | DeployAlreadyDone;
