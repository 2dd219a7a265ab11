/**
 * A command as `mlops --help` lists it, without loading it: the registry holds these, and `main`
 * loads only the one command it runs, so `--help`, `--version` and light commands never pay for
 * cdk8s or the emit and policy code.
 */
import type { CliCommand } from './command.ts';

/** Name, summary and a loader of one `mlops <name>` command. */
export interface CommandDescriptor {
  readonly name: string;
  /** One line for `mlops --help`; must equal the loaded command's `summary` (a test checks). */
  readonly summary: string;
  /** Imports the command's module. */
  load(): Promise<CliCommand>;
}

/** A registry entry: a lazy descriptor, or a command already in memory (tests pass those). */
export type CommandEntry = CommandDescriptor | CliCommand;

/**
 * A descriptor for a command module that exports `command`; one line in the registry:
 * `lazyCommand('validate', 'Check …', () => import('./validate.ts'))`.
 */
export function lazyCommand(name: string, summary: string, importModule: () => Promise<{ readonly command: CliCommand }>): CommandDescriptor {
  return { name, summary, load: async () => (await importModule()).command };
}

/** The command of an entry, loading it if it is a descriptor. */
export async function loadCommand(entry: CommandEntry): Promise<CliCommand> {
  return 'run' in entry ? entry : entry.load();
}
