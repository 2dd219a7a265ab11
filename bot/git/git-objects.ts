/**
 * The two object formats the bot parses itself: commits (their tree and parents) and trees (mode,
 * name and object id of each entry), as `git cat-file --batch` returns them. See git's
 * Documentation/gitformat-*.txt: a tree is a run of `<octal mode> <name>\0<raw object id>` records.
 */

/** One entry of a tree object. */
export interface TreeEntry {
  readonly name: string;
  /** `tree`: a folder; `blob`: a file or symbolic link; `commit`: a submodule (no content here). */
  readonly kind: 'tree' | 'blob' | 'commit';
  readonly oid: string;
}

/** What the bot needs of a commit. */
export interface CommitObject {
  readonly tree: string;
  readonly parents: readonly string[];
}

const HEADER_OID = /^(tree|parent) ([0-9a-f]{40}|[0-9a-f]{64})$/;

/** Parses a commit object's header (the lines up to the first empty one). */
export function parseCommit(content: Buffer): CommitObject {
  const headerEnd = content.indexOf('\n\n');
  const lines = content.subarray(0, headerEnd < 0 ? content.length : headerEnd).toString('utf8').split('\n');
  let tree: string | undefined;
  const parents: string[] = [];
  for (const line of lines) {
    const match = HEADER_OID.exec(line);
    if (match?.[1] === 'tree' && tree === undefined) tree = match[2];
    else if (match?.[1] === 'parent') parents.push(match[2]!);
  }
  if (tree === undefined) throw new Error('Malformed commit object: no tree line');
  return { tree, parents };
}

/** Parses a tree object; `hashBytes` is 20 (SHA-1 repositories) or 32 (SHA-256). */
export function parseTree(content: Buffer, hashBytes: number): TreeEntry[] {
  const entries: TreeEntry[] = [];
  let offset = 0;
  while (offset < content.length) {
    const space = content.indexOf(0x20, offset);
    const nul = content.indexOf(0x00, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + hashBytes > content.length) throw new Error('Malformed tree object');
    const mode = content.subarray(offset, space).toString('latin1');
    const name = content.subarray(space + 1, nul).toString('utf8');
    const oid = content.subarray(nul + 1, nul + 1 + hashBytes).toString('hex');
    entries.push({ name, oid, kind: mode === '40000' ? 'tree' : mode === '160000' ? 'commit' : 'blob' });
    offset = nul + 1 + hashBytes;
  }
  return entries;
}
