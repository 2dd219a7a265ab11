/**
 * The sticky comment, idempotently: found by its hidden marker among the bot's comments, created once,
 * edited in place, never rewritten with the same body. When two replicas create it at the same time,
 * both see both afterwards and keep the oldest: the newer one is deleted, so one comment remains.
 */
import type { RepositoryName } from '../git/clone-url.ts';
import type { CommentRecord, Forge } from '../forge/forge.ts';

/** Where the comment goes. */
export interface CommentTarget {
  readonly forge: Forge;
  readonly repository: RepositoryName;
  readonly number: number;
  readonly marker: string;
}

async function ours(target: CommentTarget): Promise<CommentRecord[]> {
  return (await target.forge.findComments(target.repository, target.number, target.marker)).filter((comment) => comment.byBot);
}

async function deleteQuietly(target: CommentTarget, id: number): Promise<void> {
  await target.forge.deleteComment(target.repository, id).catch((error: { status?: number }) => {
    if (error.status !== 404) throw error;
  });
}

/**
 * Makes the sticky comment say `body`; creates it only when `create` is true (a PR that never touched
 * config gets no comment). `prefetched` is the marker search when the caller started it already.
 * Returns the comment, or undefined when there is none.
 */
export async function publishComment(target: CommentTarget, body: string, create: boolean, prefetched?: Promise<CommentRecord[]>): Promise<CommentRecord | undefined> {
  const found = prefetched ? (await prefetched).filter((comment) => comment.byBot) : await ours(target);
  if (found.length === 0) {
    if (!create) return undefined;
    const created = await target.forge.createComment(target.repository, target.number, body);
    const now = await ours(target);
    const oldest = now[0];
    if (oldest === undefined || oldest.id === created.id) return created;
    await deleteQuietly(target, created.id);
    if (oldest.body !== body) await target.forge.updateComment(target.repository, oldest.id, body);
    return { ...oldest, body };
  }
  const [oldest, ...extra] = found as [CommentRecord, ...CommentRecord[]];
  for (const comment of extra) await deleteQuietly(target, comment.id);
  if (oldest.body !== body) await target.forge.updateComment(target.repository, oldest.id, body);
  return { ...oldest, body };
}
