/**
 * One long-lived `git cat-file --batch` process of a repository, through which the bot reads commits,
 * trees and blobs by object id: a request is a line on its stdin, the answer `<oid> <type> <size>`
 * and the content (or `<oid> missing`) on its stdout, in request order — so requests pipeline and cost
 * no process spawn (a spawn costs 15–25 ms here). Objects fetched after the process started are found
 * too: git looks for new packs before it answers "missing".
 *
 * Every answer names the object id it is about and is checked against the request, so a desynchronised
 * stream fails loudly and never hands one object's content to another's request. The process is
 * spawned on first use; when it dies (or answers out of turn) the pending reads fail and the next read
 * spawns a fresh one. `close()` lets it answer what was asked and end. It holds the event loop only
 * while reads are pending. Only full object ids are accepted: no ref, path or option reaches git.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/** An object read from the repository. */
export interface GitObject {
  readonly type: 'commit' | 'tree' | 'blob' | 'tag';
  readonly content: Buffer;
}

interface PendingRead {
  readonly oid: string;
  readonly resolve: (object: GitObject | undefined) => void;
  readonly reject: (error: Error) => void;
}

const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const OBJECT_TYPES = new Set(['commit', 'tree', 'blob', 'tag']);

/** The environment of the reader: the ambient one without GIT_* variables (none may redirect it). */
function readerEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith('GIT_')));
}

/** One spawned process with its own queue of reads and its own unparsed output. */
interface Session {
  readonly child: ChildProcessWithoutNullStreams;
  pending: PendingRead[];
  buffered: Buffer;
  stderr: string;
  ended: boolean;
}

/** A `git cat-file --batch` process of one git directory. */
export class CatFileProcess {
  readonly #gitDir: string;
  #current: Session | undefined;
  #spawns = 0;

  /** @param gitDir the repository's git directory (a bare clone). */
  constructor(gitDir: string) {
    this.#gitDir = gitDir;
  }

  /** Processes spawned so far (a fresh one after each crash); for tests and metrics. */
  get spawns(): number {
    return this.#spawns;
  }

  /** The id of the running process, undefined when none runs; for tests and diagnostics. */
  get pid(): number | undefined {
    return this.#current && !this.#current.ended ? this.#current.child.pid : undefined;
  }

  /** The object `oid`, or undefined when the repository does not have it. */
  read(oid: string): Promise<GitObject | undefined> {
    if (!OBJECT_ID.test(oid)) return Promise.reject(new Error(`Not an object id: ${JSON.stringify(oid)}`));
    const session = this.#session();
    return new Promise((resolve, reject) => {
      if (session.pending.length === 0) holdEventLoop(session.child, true);
      session.pending.push({ oid, resolve, reject });
      session.child.stdin.write(`${oid}\n`);
    });
  }

  /** Ends the process once it has answered the reads already asked; a later read spawns a new one. */
  close(): void {
    const session = this.#current;
    this.#current = undefined;
    session?.child.stdin.end();
  }

  #session(): Session {
    if (this.#current && !this.#current.ended) return this.#current;
    const child = spawn('git', ['--git-dir', this.#gitDir, 'cat-file', '--batch'], { env: readerEnvironment(), stdio: ['pipe', 'pipe', 'pipe'] });
    const session: Session = { child, pending: [], buffered: Buffer.alloc(0), stderr: '', ended: false };
    this.#spawns++;
    this.#current = session;
    holdEventLoop(child, false);
    child.stdout.on('data', (chunk: Buffer) => {
      session.buffered = session.buffered.length === 0 ? chunk : Buffer.concat([session.buffered, chunk]);
      this.#answer(session);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      session.stderr = (session.stderr + chunk.toString('utf8')).slice(-2000);
    });
    // A write to a process that just died fails with EPIPE; the exit below fails the reads.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => this.#end(session, new Error(`git cat-file in ${this.#gitDir} failed: ${error.message}`)));
    child.on('close', (code, signal) => this.#end(session, new Error(`git cat-file in ${this.#gitDir} ended (${signal ?? `exit ${code}`})${session.stderr ? `: ${session.stderr.trim()}` : ''}`)));
    return session;
  }

  /** Resolves the reads whose answers are complete in the session's output. */
  #answer(session: Session): void {
    while (session.pending.length > 0) {
      const lineEnd = session.buffered.indexOf(0x0a);
      if (lineEnd < 0) return;
      const header = session.buffered.subarray(0, lineEnd).toString('utf8').split(' ');
      const read = session.pending[0]!;
      if (header[0] !== read.oid) {
        this.#desynchronised(session, `answered ${JSON.stringify(header[0])} for ${read.oid}`);
        return;
      }
      if (header[1] === 'missing' && header.length === 2) {
        settle(session, lineEnd + 1).resolve(undefined);
        continue;
      }
      const size = Number(header[2]);
      if (header.length !== 3 || !OBJECT_TYPES.has(header[1]!) || !Number.isSafeInteger(size) || size < 0) {
        this.#desynchronised(session, `unexpected answer ${JSON.stringify(header.join(' '))}`);
        return;
      }
      const end = lineEnd + 1 + size;
      if (session.buffered.length < end + 1) return;
      if (session.buffered[end] !== 0x0a) {
        this.#desynchronised(session, `content of ${read.oid} not followed by a newline`);
        return;
      }
      const content = Buffer.from(session.buffered.subarray(lineEnd + 1, end));
      settle(session, end + 1).resolve({ type: header[1] as GitObject['type'], content });
    }
  }

  #desynchronised(session: Session, what: string): void {
    this.#end(session, new Error(`git cat-file in ${this.#gitDir} is out of step (${what}); restarting it`));
    session.child.kill();
  }

  /** Fails the session's pending reads; the next read spawns a fresh process. */
  #end(session: Session, error: Error): void {
    session.ended = true;
    if (this.#current === session) this.#current = undefined;
    const pending = session.pending;
    session.pending = [];
    session.buffered = Buffer.alloc(0);
    for (const read of pending) read.reject(error);
  }
}

/** Takes the first pending read off the session's queue and drops its answer (`length` bytes). */
function settle(session: Session, length: number): PendingRead {
  const read = session.pending.shift()!;
  session.buffered = session.buffered.subarray(length);
  if (session.pending.length === 0) holdEventLoop(session.child, false);
  return read;
}

/** Lets a process keep the event loop alive while reads wait for it, and only then. */
function holdEventLoop(child: ChildProcessWithoutNullStreams, hold: boolean): void {
  for (const handle of [child, child.stdout, child.stderr, child.stdin] as { ref?: () => void; unref?: () => void }[]) {
    if (hold) handle.ref?.();
    else handle.unref?.();
  }
}
