/** A CliIO that records what a command prints, for tests. */
import type { CliIO } from '../../compiler/cli/command.ts';

/** Recorded output plus the io to hand to `main`. */
export interface CapturedIO {
  readonly io: CliIO;
  readonly out: () => string;
  readonly err: () => string;
}

/** An in-memory CliIO rooted at `cwd`. */
export function captureIO(cwd: string, env: Record<string, string | undefined> = {}, isTTY = false): CapturedIO {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    io: { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text), cwd, isTTY, env },
    out: () => stdout.join(''),
    err: () => stderr.join(''),
  };
}
