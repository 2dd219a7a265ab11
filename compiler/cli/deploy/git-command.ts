/**
 * Runs one git command with bytes on stdin (`fast-import`) or a plain exit status
 * (`merge-base --is-ancestor`, `verify-commit`), which simple-git does not offer. Arguments are
 * passed as an array (no shell); the environment is the process's plus `env`.
 */
import { spawn } from 'node:child_process';

/** What a git command printed and how it ended. */
export interface GitResult {
  readonly code: number;
  readonly stdout: Buffer;
  readonly stderr: string;
}

/** A git command that failed unexpectedly. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(
    readonly args: readonly string[],
    readonly result: GitResult,
  ) {
    super(`git ${args[0] ?? ''} failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
}

/** Runs `git <args>` in `dir`; resolves with the exit code whatever it is. */
export function runGit(dir: string, args: readonly string[], options: { readonly input?: string | Buffer; readonly env?: Readonly<Record<string, string>> } = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], { cwd: dir, env: { ...process.env, ...options.env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.stdin.on('error', () => {
      // The exit code reports the failure; a closed pipe alone is not one.
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr).toString('utf8') }));
    child.stdin.end(options.input ?? '');
  });
}

/** Runs `git <args>` and returns stdout; throws `GitCommandError` on a non-zero exit. */
export async function git(dir: string, args: readonly string[], options: { readonly input?: string | Buffer; readonly env?: Readonly<Record<string, string>> } = {}): Promise<Buffer> {
  const result = await runGit(dir, args, options);
  if (result.code !== 0) throw new GitCommandError(args, result);
  return result.stdout;
}
