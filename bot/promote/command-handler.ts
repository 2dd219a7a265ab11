/**
 * The small interface of a bot command handler (`/mlops promote …`, `/mlops rollback …`): parse the
 * words after the command name into a request or a usage error, then run the request with injected
 * dependencies. The bot core's command registry wraps these (name, usage, summary, run).
 */

/** The result of parsing a command's arguments. */
export type ParseResult<Request> = { readonly request: Request } | { readonly usageError: string };

/** What a command did, for the bot core's logs and tests. */
export type CommandOutcome =
  | { readonly kind: 'opened'; readonly number: number; readonly url: string; readonly branch: string }
  | { readonly kind: 'refused'; readonly code: string; readonly reason: string };

/** One `/mlops <name> …` command. */
export interface CommandHandler<Request, Dependencies> {
  readonly name: string;
  /** One line, e.g. "/mlops promote <deployment> <version> to <env>". */
  readonly usage: string;
  readonly summary: string;
  /** `args` are the words after `/mlops <name>`. */
  parse(args: readonly string[]): ParseResult<Request>;
  run(request: Request, dependencies: Dependencies): Promise<CommandOutcome>;
}

/** Splits a command line into words (white space separated; nothing is quoted or expanded). */
export function commandWords(line: string): string[] {
  return line.trim().split(/\s+/).filter((word) => word !== '');
}

/** True for a deployment (`name` or `team/name`), version or environment word a command accepts. */
export function isNameWord(word: string | undefined): word is string {
  return word !== undefined && /^[A-Za-z0-9][A-Za-z0-9._/+-]{0,127}$/.test(word) && !word.includes('..');
}
