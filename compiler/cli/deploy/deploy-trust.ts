/**
 * Finds the deploy commit the deploy repo can be trusted to hold, and what changed after it (drift).
 * The trusted commit is the newest one whose trailers claim a deploy that a trusted audit entry backs
 * (same sequence number and source, generated files hashing to the entry's `deploy.treeHash`) and,
 * when an allowed-signers file is configured, that carries a good SSH signature of an allowed signer.
 * Newer commits that claim a deploy are forgeries; generated files (and the deploy state) that differ
 * between the trusted commit and the tip were changed by hand. The rules are in
 * compiler/deploy/trusted-deploy.ts; this is their git side.
 */
import type { DriftedFile } from '../../deploy/deploy-model.ts';
import { DEPLOY_STATE_PATH, parseDeployState, renderedTreeHash, type DeployState } from '../../deploy/deploy-state.ts';
import { type ForgedDeployCommit, subjectOf, trustedEntries } from '../../deploy/trusted-deploy.ts';
import type { ChainBreak } from '../../audit/chain-break.ts';
import { parseTrail, type TrailFile } from '../../audit/parse-trail.ts';
import { claimProblem, deployClaims } from './deploy-history.ts';
import { git } from './git-command.ts';

/** What the trust check reads through (the deploy target's cache clone). */
export interface TrustReader {
  readonly cacheDir: string;
  generatedAt(commit: string): Promise<{ generated: Map<string, string> }>;
  readFile(commit: string, path: string): Promise<string | undefined>;
}

/** The deploy repo as the tip stands. */
export interface TipView {
  readonly tip: string;
  readonly generated: ReadonlyMap<string, string>;
  /** Trail file paths at the tip, sorted. */
  readonly trailFiles: readonly string[];
  /** The newest trail file as already read. */
  readonly newestTrail?: TrailFile;
  readonly state?: DeployState;
}

/** The verdict. */
export interface DeployTrust {
  /** The trusted deploy commit; undefined when none could be found. */
  readonly trusted?: string;
  /** Generated files (and the deploy state) changed after the trusted commit; undefined without one. */
  readonly handEdits?: readonly DriftedFile[];
  /** The deploy state to act on: the trusted commit's when the tip's was changed by hand; undefined when nothing backs it. */
  readonly state?: DeployState;
  /** Commits whose trailers claim a deploy the audit trail does not back, newest first. */
  readonly forged: readonly ForgedDeployCommit[];
  /** The first trail line that does not chain, when one does not. */
  readonly distrusted?: ChainBreak;
}

/** Commits claiming a deploy that are looked at before giving up. */
const CLAIMS_LOOKED_AT = 200;
const DRIFT_PATHS = ['clusters', 'argocd', 'registry.json', DEPLOY_STATE_PATH];

async function readTrust(reader: TrustReader, view: TipView) {
  const files: TrailFile[] = view.newestTrail ? [view.newestTrail] : [];
  let next = view.trailFiles.length - (view.newestTrail ? 2 : 1);
  for (;;) {
    const trust = trustedEntries(parseTrail(files));
    if (trust.deploying.length > 0 || next < 0) return trust;
    const path = view.trailFiles[next--]!;
    files.unshift({ path, content: (await reader.readFile(view.tip, path)) ?? '' });
  }
}

async function changedPaths(dir: string, from: string, to: string): Promise<DriftedFile[]> {
  const diff = (await git(dir, ['diff', '--no-renames', '--name-status', '-z', from, to, '--', ...DRIFT_PATHS])).toString('utf8').split('\0');
  const edits: DriftedFile[] = [];
  for (let index = 0; index + 1 < diff.length; index += 2) {
    const status = diff[index]!;
    edits.push({ path: diff[index + 1]!, kind: status.startsWith('A') ? 'added' : status.startsWith('D') ? 'deleted' : 'edited' });
  }
  return edits;
}

/** Marks each drifted file with the forged deploy commit that last changed it, when one did. */
async function blameForged(dir: string, edits: DriftedFile[], forged: readonly ForgedDeployCommit[]): Promise<DriftedFile[]> {
  if (forged.length === 0 || edits.length === 0) return edits;
  const by = new Map<string, string>();
  // Oldest first, so the newest forgery that touched a path wins.
  for (const commit of [...forged].reverse()) {
    const paths = (await git(dir, ['diff-tree', '-r', '--no-commit-id', '--name-only', '-z', '--root', commit.commit, '--', ...DRIFT_PATHS])).toString('utf8').split('\0');
    for (const path of paths) if (path !== '') by.set(path, commit.commit);
  }
  return edits.map((edit) => (by.has(edit.path) ? { ...edit, forgedBy: by.get(edit.path)! } : edit));
}

/**
 * Finds the trusted deploy commit of `view.tip` and the drift after it. The common case — the tip's
 * generated tree and deploy state are what the newest trusted entry records, and no signatures are
 * required — costs one hash over the tip's blob ids.
 */
export async function assessDeployTrust(reader: TrustReader, view: TipView, options: { readonly allowedSignersFile?: string } = {}): Promise<DeployTrust> {
  const { deploying, distrusted } = await readTrust(reader, view);
  const tipHash = renderedTreeHash(view.generated);
  const newest = deploying[0];
  const backed = newest !== undefined && view.state?.sourceSha === newest.source.sha && view.state.sourceRepo === newest.source.repo;
  if (backed && options.allowedSignersFile === undefined && tipHash === newest.deploy.treeHash) {
    return { handEdits: [], ...(view.state ? { state: view.state } : {}), forged: [], ...(distrusted ? { distrusted } : {}) };
  }
  const bySeq = new Map(deploying.map((entry) => [entry.seq, entry]));
  const oldestKnown = deploying.at(-1)?.seq ?? Number.POSITIVE_INFINITY;
  const forged: ForgedDeployCommit[] = [];
  let trusted: string | undefined;
  for (const claim of await deployClaims(reader.cacheDir, view.tip, CLAIMS_LOOKED_AT)) {
    const { auditSeq } = claim.link;
    // Older than every entry read: its entry lies in a month not read, and a trusted deploy is newer.
    if (auditSeq !== undefined && auditSeq < oldestKnown && !bySeq.has(auditSeq)) break;
    const entry = auditSeq === undefined ? undefined : bySeq.get(auditSeq);
    const mismatch = await claimProblem(reader.cacheDir, reader, claim, entry, options.allowedSignersFile, claim.commit === view.tip ? tipHash : undefined);
    if (mismatch === undefined) {
      trusted = claim.commit;
      break;
    }
    forged.push({ commit: claim.commit, subject: subjectOf(claim.message), reason: mismatch });
  }
  const common = { forged, ...(distrusted ? { distrusted } : {}) };
  if (trusted === undefined) return common;
  const edits = trusted === view.tip ? [] : await blameForged(reader.cacheDir, await changedPaths(reader.cacheDir, trusted, view.tip), forged);
  const stateEdited = edits.some((edit) => edit.path === DEPLOY_STATE_PATH);
  const stateText = stateEdited ? await reader.readFile(trusted, DEPLOY_STATE_PATH) : undefined;
  const state = stateEdited ? (stateText === undefined ? undefined : parseDeployState(stateText)) : view.state;
  return { trusted, handEdits: edits, ...(state ? { state } : {}), ...common };
}
