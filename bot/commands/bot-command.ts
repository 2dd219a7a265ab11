/**
 * A command users type in a pull-request comment (`/mlops <name> [args]`): one entry of the registry
 * (`registry.ts`) with its name, usage, one-line summary and what it does.
 */
import type { EventRun } from '../core/event-run.ts';
import type { RepositoryName } from '../git/clone-url.ts';

/** What a command runs with. */
export interface CommandInvocation {
  readonly run: EventRun;
  readonly repository: RepositoryName;
  /** The pull request the comment is on. */
  readonly number: number;
  /** Login of the commenter (checked: write access or more). */
  readonly commenter: string;
  readonly commentId: number;
  /** Words after the command name. */
  readonly args: readonly string[];
  /** Every registered command (for help). */
  readonly commands: readonly BotCommand[];
}

/** One command. */
export interface BotCommand {
  /** The word after `/mlops`, lower case. */
  readonly name: string;
  /** e.g. `/mlops plan`. */
  readonly usage: string;
  /** One sentence, shown by `/mlops help`. */
  readonly summary: string;
  run(invocation: CommandInvocation): Promise<void>;
}
