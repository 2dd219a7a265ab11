/** Finds a `/mlops` command in a comment (pure): the first line that starts with `/mlops`. */

/** A parsed command line. */
export interface ParsedCommand {
  /** Lower case; `''` for a bare `/mlops`. */
  readonly name: string;
  readonly args: readonly string[];
}

/** Longest command line read (a comment is user text). */
const MAX_LINE = 200;

/** The command of a comment body, or undefined when no line starts with `/mlops`. */
export function parseCommand(body: string): ParsedCommand | undefined {
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (line !== '/mlops' && !line.startsWith('/mlops ')) continue;
    const words = line.slice(0, MAX_LINE).split(/\s+/).slice(1);
    const [name = '', ...args] = words;
    return { name: name.toLowerCase(), args };
  }
  return undefined;
}
