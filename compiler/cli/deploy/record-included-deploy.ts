/**
 * The shell side of a superseded merge's record (see compiler/deploy/included-deploy.ts): finds the
 * deploy commit that includes the merge (the one that deployed the newer source the deploy state
 * names), the source that deploy was rendered against (the deploy state in its parent), and the
 * including deploy's own entry; builds the record and commits it (audit/ only) on the fetched tip.
 * Nothing is pushed here: `runDeploy` pushes, and on a rejection retries from a fresh fetch.
 */
import type { AuditEntry } from '../../audit/audit-entry.ts';
import { isDeployEvent } from '../../deploy/deploy-event.ts';
import { parseTrail, trailEntries } from '../../audit/parse-trail.ts';
import type { DeployMetadata } from '../../deploy/deploy-model.ts';
import { deployRecords } from '../../deploy/deploy-records.ts';
import { DEPLOY_STATE_PATH, parseDeployState, renderedTreeHash } from '../../deploy/deploy-state.ts';
import { includedDeployParts } from '../../deploy/included-deploy.ts';
import type { SourceTree } from '../../load/source-tree.ts';
import type { RequiredApprovals, Review } from '../../plan/approvals/approval-model.ts';
import type { ConfigSource } from './config-source.ts';
import type { FetchedDeployRepo, GitDeployTarget } from './git-deploy-target.ts';

/** What `recordIncludedDeploy` needs. */
export interface IncludedRecordRequest {
  readonly source: ConfigSource;
  readonly target: GitDeployTarget;
  /** The config tree at `metadata.sha`. */
  readonly tree: SourceTree;
  /** The deploy repo as fetched; its deploy state names the newer source that includes `metadata.sha`. */
  readonly fetched: FetchedDeployRepo;
  readonly metadata: DeployMetadata;
  /** As in `runDeploy`. */
  readonly approvalsFor?: (required: RequiredApprovals) => Promise<readonly Review[]>;
}

/** The committed (not yet pushed) record. */
export interface IncludedRecord {
  readonly includedIn: string;
  readonly commit: string;
  readonly entry: AuditEntry;
}

async function previousSourceOf(request: IncludedRecordRequest, includedIn: string): Promise<SourceTree> {
  const text = await request.target.readFile(`${includedIn}^1`, DEPLOY_STATE_PATH);
  const previous = text === undefined ? undefined : parseDeployState(text);
  if (!previous || previous.sourceRepo !== request.metadata.sourceRepo) return { files: [] };
  const read = request.source.treeFrom ? request.source.treeFrom(previous.sourceSha, { sha: request.metadata.sha, tree: request.tree }) : request.source.treeAt(previous.sourceSha);
  return read.catch(() => ({ files: [] }));
}

async function includingEntry(target: GitDeployTarget, includedIn: string, sourceSha: string): Promise<AuditEntry | undefined> {
  const entries = trailEntries(parseTrail(await target.readTrail(includedIn)));
  return entries.findLast((entry) => isDeployEvent(entry.event) && entry.source.sha === sourceSha && entry.deploy.includedIn === undefined);
}

/** Builds and commits the record of `request.metadata.sha`, superseded by the deployed source. */
export async function recordIncludedDeploy(request: IncludedRecordRequest): Promise<IncludedRecord> {
  const { target, fetched, metadata } = request;
  const deployedSha = fetched.snapshot.state!.sourceSha;
  const includedIn = (await target.findDeployOf(fetched.tip, deployedSha)) ?? fetched.tip!;
  const [previousSource, including] = await Promise.all([previousSourceOf(request, includedIn), includingEntry(target, includedIn, deployedSha)]);
  const treeHash = including?.deploy.treeHash ?? renderedTreeHash((await target.generatedAt(includedIn)).generated);
  const parts = includedDeployParts({ source: request.tree, previousSource, metadata, destination: { repo: target.url, branch: target.branch }, includedIn, ...(including ? { including } : {}), treeHash });
  const reviews = request.approvalsFor ? await request.approvalsFor(parts.required) : metadata.reviews;
  const { entry, commitMessage } = deployRecords(parts, reviews, fetched.snapshot.lastEntry);
  const commit = await target.commit(fetched.tip, { writes: [], deletions: [], entry, message: commitMessage }, metadata.time);
  return { includedIn, commit, entry };
}
