/**
 * runDeploy: one source commit to the deploy repo, the shell around the pure `deploy` core shared by
 * `mlops deploy` and the bot. Fetch the deploy repo; skip a redelivered SHA (found by its trailer);
 * for a SHA older than the one deployed (source order, by the config repo's ancestry) commit only its
 * own audit record, naming the deploy commit that includes it; else render from the newest deploy
 * state; commit; push. A push rejected because another deploy landed first is retried
 * from the top — fetch, re-read, re-render — with exponential backoff, a bounded number of times. A
 * push that never lands leaves the deploy repo untouched.
 */
import type { AuditEntry } from '../../audit/audit-entry.ts';
import { deploy, withApprovals } from '../../deploy/deploy.ts';
import type { DeployMetadata, DeployOutcome, DeployRefused } from '../../deploy/deploy-model.ts';
import type { RequiredApprovals, Review } from '../../plan/approvals/approval-model.ts';
import type { SourceTree } from '../../load/source-tree.ts';
import type { ConfigSource } from './config-source.ts';
import type { GitDeployTarget } from './git-deploy-target.ts';
import { recordIncludedDeploy } from './record-included-deploy.ts';

/** Options of `runDeploy`. */
export interface RunDeployOptions {
  readonly source: ConfigSource;
  readonly target: GitDeployTarget;
  /** Who and what; `time` is taken per attempt from `clock` when omitted. */
  readonly metadata: Omit<DeployMetadata, 'time'> & { readonly time?: string };
  /** Attempts in all (first push included). @default 5 */
  readonly attempts?: number;
  /** Wait before retry n (1-based), in ms. @default 100 ms × 2^(n-1), ± 50 % jitter */
  readonly backoff?: (retry: number) => number;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** Called with each attempt's outcome before it is pushed (tests use it to force races). */
  readonly beforePush?: (attempt: number) => Promise<void>;
  /**
   * The approvals that count against the approvals the change needs, resolved once the render named
   * them (the bot resolves reviewers' team memberships for the teams the rules name, and drops stale
   * approvals); undefined: `metadata.reviews` as given. Asked at most once per set of rules.
   */
  readonly approvalsFor?: (required: RequiredApprovals) => Promise<readonly Review[]>;
  /** Told how long each phase took (the benchmark reports where the time goes). */
  readonly onPhase?: (phase: 'read-source' | 'fetch' | 'render' | 'commit' | 'push', ms: number) => void;
}

/** How a deploy run ended. */
export type DeployRunResult =
  | { readonly status: 'deployed'; readonly commit: string; readonly entry: AuditEntry; readonly waiverEntries: readonly AuditEntry[]; readonly attempts: number; readonly incremental: boolean; readonly files: { readonly written: number; readonly deleted: number } }
  | { readonly status: 'refused'; readonly commit: string; readonly entry: AuditEntry; readonly attempts: number; readonly outcome: DeployRefused }
  | { readonly status: 'already-deployed'; readonly commit?: string }
  /**
   * A newer merge that includes this one was deployed first: its manifests stand; this merge's own
   * record (`deploy.includedIn` naming the including commit) was appended in an audit-only commit.
   */
  | { readonly status: 'superseded'; readonly deployedSha: string; readonly includedIn: string; readonly commit: string; readonly entry: AuditEntry; readonly attempts: number };

/** The push kept being rejected: another writer kept winning. Nothing of this deploy landed. */
export class DeployRaceLostError extends Error {
  override readonly name = 'DeployRaceLostError';
}

function defaultBackoff(retry: number): number {
  const base = 100 * 2 ** (retry - 1);
  return Math.round(base * (0.5 + Math.random()));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Deploys `metadata.sha` of `source` to `target`. */
export async function runDeploy(options: RunDeployOptions): Promise<DeployRunResult> {
  const { source, target, metadata } = options;
  const attempts = options.attempts ?? 5;
  const clock = options.clock ?? (() => new Date());
  let started = performance.now();
  const lap = (phase: Parameters<NonNullable<RunDeployOptions['onPhase']>>[0]) => {
    const now = performance.now();
    options.onPhase?.(phase, now - started);
    started = now;
  };
  const tree = await source.treeAt(metadata.sha);
  lap('read-source');
  // Retries re-render against a newer deploy state; the approvals of the same rules are resolved once.
  const resolved = new Map<string, Promise<readonly Review[]>>();
  const approvals = (required: RequiredApprovals): Promise<readonly Review[]> => {
    const key = JSON.stringify(required.rules.map((rule) => rule.approvers));
    let found = resolved.get(key);
    if (!found) {
      found = options.approvalsFor!(required);
      resolved.set(key, found);
    }
    return found;
  };
  let lastRejection = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep((options.backoff ?? defaultBackoff)(attempt - 1));
    started = performance.now();
    const fetched = await target.fetch();
    lap('fetch');
    const done = await target.findDeployOf(fetched.tip, metadata.sha);
    if (done !== undefined) return { status: 'already-deployed', commit: done };
    const state = fetched.snapshot.state;
    if (state?.sourceSha === metadata.sha) return { status: 'already-deployed' };
    if (state && state.sourceRepo === metadata.sourceRepo && (await source.isAncestor(metadata.sha, state.sourceSha)) === true) {
      const time = metadata.time ?? clock().toISOString();
      const record = await recordIncludedDeploy({ source, target, tree, fetched, metadata: { ...metadata, time }, ...(options.approvalsFor ? { approvalsFor: approvals } : {}) });
      await options.beforePush?.(attempt);
      const pushed = await target.push(record.commit);
      if (!pushed.pushed) {
        lastRejection = pushed.detail;
        continue;
      }
      return { status: 'superseded', deployedSha: state.sourceSha, includedIn: record.includedIn, commit: record.commit, entry: record.entry, attempts: attempt };
    }
    let previousSource: SourceTree | undefined;
    if (state && state.sourceRepo === metadata.sourceRepo) {
      const previousSha = state.sourceSha;
      previousSource = await (source.treeFrom ? source.treeFrom(previousSha, { sha: metadata.sha, tree }) : source.treeAt(previousSha)).catch(() => undefined);
    }
    lap('read-source');
    const time = metadata.time ?? clock().toISOString();
    let outcome: DeployOutcome = deploy({
      source: tree,
      ...(previousSource ? { previousSource } : {}),
      repo: fetched.snapshot,
      metadata: { ...metadata, time },
      destination: { repo: target.url, branch: target.branch },
    });
    if (outcome.status === 'already-deployed') return { status: 'already-deployed' };
    if (outcome.status === 'deployed' && options.approvalsFor) outcome = withApprovals(outcome, await approvals(outcome.record.required), fetched.snapshot.lastEntry);
    lap('render');
    const commit = await target.commit(
      fetched.tip,
      outcome.status === 'deployed'
        ? { writes: outcome.writes, deletions: outcome.deletions, state: outcome.state, entry: outcome.entry, followingEntries: outcome.waiverEntries, message: outcome.commitMessage }
        : { writes: [], deletions: [], entry: outcome.entry, message: outcome.commitMessage },
      time,
    );
    lap('commit');
    await options.beforePush?.(attempt);
    started = performance.now();
    const pushed = await target.push(commit);
    lap('push');
    if (!pushed.pushed) {
      lastRejection = pushed.detail;
      continue;
    }
    if (outcome.status === 'deployed') {
      return { status: 'deployed', commit, entry: outcome.entry, waiverEntries: outcome.waiverEntries, attempts: attempt, incremental: outcome.incremental, files: { written: outcome.writes.length, deleted: outcome.deletions.length } };
    }
    return { status: 'refused', commit, entry: outcome.entry, attempts: attempt, outcome };
  }
  throw new DeployRaceLostError(`The deploy of ${metadata.sha} was rejected ${attempts} times (another deploy kept landing first): ${lastRejection}`);
}
