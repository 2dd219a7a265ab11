/** What one handled event works with: its forge, token, logger and the dependencies. */
import type { Octokit } from '@octokit/rest';
import type { BotDependencies } from '../bot-dependencies.ts';
import type { Forge } from '../forge/forge.ts';

/** The logger of an event (Probot's pino child logger fits). */
export interface EventLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** One event's working set. */
export interface EventRun {
  readonly dependencies: BotDependencies;
  readonly forge: Forge;
  readonly token: string | undefined;
  readonly log: EventLog;
  /** The event's installation Octokit (commands that open pull requests use it); absent in unit tests of the core. */
  readonly octokit?: Octokit;
}
