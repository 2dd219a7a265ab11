/**
 * Publishing check runs, idempotently: a run is found by name and head SHA among the bot's own (their
 * `external_id` starts with `cirrus-mlops:`), created only when missing, and updated in place. The
 * `external_id` carries a hash of the result, so a redelivered event — or a second replica that
 * computed the same result — finds its result already there and writes nothing. Annotations go 50
 * per request (the first batch with the create or update, the rest in further updates).
 */
import { createHash } from 'node:crypto';
import type { RepositoryName } from '../git/clone-url.ts';
import type { CheckRunRecord, CheckRunWrite, Forge } from '../forge/forge.ts';
import type { CheckResult } from '../render/check-results.ts';
import { ANNOTATIONS_PER_REQUEST } from '../render/text-limits.ts';

/** Prefix of every external_id the bot writes. */
export const EXTERNAL_ID_PREFIX = 'cirrus-mlops:';

/** Where check runs go. */
export interface CheckTarget {
  readonly forge: Forge;
  readonly repository: RepositoryName;
  readonly headSha: string;
  /** What the runs are about: `pr=7` or `merge-group` (read back on a re-run request). */
  readonly subject: string;
  /** Link of the runs (the PR comment). */
  readonly detailsUrl?: string;
}

/** The subject of an external_id written by the bot (`pr=7`), or undefined for a foreign one. */
export function subjectOfExternalId(externalId: string | null | undefined): string | undefined {
  if (!externalId?.startsWith(EXTERNAL_ID_PREFIX)) return undefined;
  return externalId.slice(EXTERNAL_ID_PREFIX.length).split(':')[0];
}

function externalIdOf(target: CheckTarget, result: CheckResult): string {
  const hash = createHash('sha256').update(JSON.stringify([result, target.detailsUrl ?? ''])).digest('hex').slice(0, 20);
  return `${EXTERNAL_ID_PREFIX}${target.subject}:${hash}`;
}

function latest(runs: readonly CheckRunRecord[]): CheckRunRecord | undefined {
  return runs.reduce<CheckRunRecord | undefined>((best, run) => (best === undefined || run.id > best.id ? run : best), undefined);
}

/**
 * Creates an in-progress run for each name that has none on the head yet, so users see the bot at work
 * and a replica handling another event of the PR finds the runs and updates them instead of creating.
 */
export async function claimChecks(target: CheckTarget, names: readonly string[], existing?: Promise<CheckRunRecord[]>): Promise<void> {
  const found = await (existing ?? target.forge.listCheckRuns(target.repository, target.headSha, names));
  // Concurrent requests: the forge's pacer still spaces them in production.
  await Promise.all(
    names
      .filter((name) => !found.some((run) => run.name === name))
      .map((name) => target.forge.createCheckRun(target.repository, { name, headSha: target.headSha, status: 'in_progress', output: { title: 'Checking…', summary: 'Cirrus MLOps is reading and compiling this change.' }, externalId: `${EXTERNAL_ID_PREFIX}${target.subject}:pending` })),
  );
}

async function sendRemainingAnnotations(target: CheckTarget, id: number, result: CheckResult): Promise<void> {
  for (let start = ANNOTATIONS_PER_REQUEST; start < result.annotations.length; start += ANNOTATIONS_PER_REQUEST) {
    await target.forge.updateCheckRun(target.repository, id, { output: result.output, annotations: result.annotations.slice(start, start + ANNOTATIONS_PER_REQUEST) });
  }
}

/** Publishes the results (`prefetched`: the runs on the head, when already listed); returns how many runs were written. */
export async function publishChecks(target: CheckTarget, results: readonly CheckResult[], prefetched?: Promise<CheckRunRecord[]>): Promise<number> {
  const existing = await (prefetched ?? target.forge.listCheckRuns(target.repository, target.headSha, results.map((result) => result.name)));
  const written = await Promise.all(results.map((result) => publishOne(target, result, existing)));
  return written.filter(Boolean).length;
}

/** Publishes one result; false when it was already there. */
async function publishOne(target: CheckTarget, result: CheckResult, existing: readonly CheckRunRecord[]): Promise<boolean> {
  const externalId = externalIdOf(target, result);
  const runs = existing.filter((run) => run.name === result.name);
  const current = latest(runs);
  if (current && current.status === 'completed' && current.externalId === externalId) return false;
  const write: CheckRunWrite = {
    name: result.name,
    headSha: target.headSha,
    status: 'completed',
    conclusion: result.conclusion,
    output: result.output,
    annotations: result.annotations.slice(0, ANNOTATIONS_PER_REQUEST),
    externalId,
    ...(target.detailsUrl !== undefined ? { detailsUrl: target.detailsUrl } : {}),
  };
  // Annotations are appended on update: a run that already has some gets a fresh run instead.
  const id = current && !(current.annotationsCount > 0 && result.annotations.length > 0) ? current.id : undefined;
  if (id === undefined) {
    const created = await target.forge.createCheckRun(target.repository, write);
    await sendRemainingAnnotations(target, created, result);
  } else {
    const { name: _name, headSha: _headSha, ...update } = write;
    await target.forge.updateCheckRun(target.repository, id, update);
    await sendRemainingAnnotations(target, id, result);
  }
  // Runs a concurrent replica created for the same name must not stay in progress.
  for (const other of runs) {
    if (other.id === id || other.status === 'completed') continue;
    await target.forge.updateCheckRun(target.repository, other.id, { status: 'completed', conclusion: result.conclusion, output: result.output, externalId });
  }
  return true;
}
