/** The shape of a CLI command: the shell (`main.ts`) parses flags and hands them to `run`. */
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes and what it may read about its surroundings. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Colour and other terminal niceties only when true. */
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Parsed command-line input. */
export interface CliInput {
  readonly positionals: readonly string[];
  readonly values: Readonly<Record<string, string | boolean | string[] | undefined>>;
}

/** One `mlops <name>` command. */
export interface CliCommand {
  readonly name: string;
  /** One line for `mlops --help`. */
  readonly summary: string;
  /** Usage text for `mlops <name> --help`. */
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code: 0 clean, 1 findings with errors, 2 usage or I/O error. */
  run(input: CliInput, io: CliIO): Promise<number>;
}

/** A mistake in how the command was called or an I/O failure: printed without a stack trace, exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
