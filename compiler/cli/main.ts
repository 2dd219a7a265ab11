/**
 * The `mlops` command line: picks the command, parses its flags strictly, runs it, and turns
 * failures into exit codes — 2 for usage and I/O errors (one clean line), 70 for our own bugs.
 */
import { closestMatch } from '../diagnostics/suggest.ts';
import { type CliCommand, type CliIO, UsageError } from './command.ts';
import { type CommandEntry, loadCommand } from './command-descriptor.ts';
import { COMMANDS } from './commands/index.ts';
import { packageVersion } from './package-layout.ts';
import { visibleText } from './format/visible-text.ts';
import { parseCommandArgs } from './parse-args.ts';

/** Exit code for usage and I/O errors. */
export const EXIT_USAGE = 2;
/** Exit code for internal errors (BSD `EX_SOFTWARE`). */
export const EXIT_INTERNAL = 70;

function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text.endsWith('\n') ? text : `${text}\n`);
  };
}

/** The real terminal. */
export function processIO(): CliIO {
  return { stdout: writer(process.stdout), stderr: writer(process.stderr), cwd: process.cwd(), isTTY: Boolean(process.stdout.isTTY), env: process.env };
}

/** `mlops --help`. */
export function globalUsage(commands: readonly CommandEntry[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  const lines = commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`);
  return [
    'mlops — GitOps for machine-learning teams',
    '',
    'Usage: mlops <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     show help (also `mlops <command> --help`)',
    '  -v, --version  print the version',
    '',
    'Exit codes: 0 clean, 1 errors found, 2 usage or I/O error.',
    '',
  ].join('\n');
}

function commandUsage(command: CliCommand): string {
  return `${command.summary}\n\n${command.usage.trimEnd()}\n`;
}

/** Loads the named command (only that one: the others' modules stay unread). */
async function findCommand(name: string, commands: readonly CommandEntry[]): Promise<CliCommand> {
  const entry = commands.find((candidate) => candidate.name === name);
  if (entry) return loadCommand(entry);
  const closest = closestMatch(name, commands.map((candidate) => candidate.name));
  const suggestion = closest ? ` Did you mean \`mlops ${closest}\`?` : '';
  throw new UsageError(`Unknown command "${name}".${suggestion} Run \`mlops --help\` for the list.`);
}

function isIOError(error: unknown): error is NodeJS.ErrnoException {
  const candidate = error as NodeJS.ErrnoException | undefined;
  return candidate instanceof Error && typeof candidate.code === 'string' && /^E[A-Z]+$/.test(candidate.code) && typeof candidate.syscall === 'string';
}

function reportFailure(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    io.stderr(`mlops: ${visibleText(error.message)}\n`);
    return EXIT_USAGE;
  }
  if (isIOError(error)) {
    io.stderr(`mlops: ${visibleText(error.message.split('\n')[0]!)}\n`);
    return EXIT_USAGE;
  }
  const message = error instanceof Error ? error.message : String(error);
  if (io.env.MLOPS_DEBUG === '1') {
    io.stderr(`mlops: internal error: ${message}\n${error instanceof Error ? (error.stack ?? '') : ''}\n`);
  } else {
    io.stderr(`mlops: internal error: ${message}\nThis is a bug in mlops; rerun with MLOPS_DEBUG=1 for the stack trace and report it.\n`);
  }
  return EXIT_INTERNAL;
}

async function dispatch(argv: readonly string[], io: CliIO, commands: readonly CommandEntry[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(globalUsage(commands));
    return EXIT_USAGE;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    if (first === 'help' && rest[0] !== undefined) {
      io.stdout(commandUsage(await findCommand(rest[0], commands)));
      return 0;
    }
    io.stdout(globalUsage(commands));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    const closest = closestMatch(first, ['--help', '--version']);
    throw new UsageError(`Unknown option ${first}.${closest ? ` Did you mean ${closest}?` : ''} Usage: mlops <command> [options]; run \`mlops --help\`.`);
  }
  const command = await findCommand(first, commands);
  const input = parseCommandArgs(command, rest);
  if (input.help) {
    io.stdout(commandUsage(command));
    return 0;
  }
  return command.run({ positionals: input.positionals, values: input.values }, io);
}

/** Runs `mlops` with arguments (without `node` and the script); returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO(), commands: readonly CommandEntry[] = COMMANDS): Promise<number> {
  try {
    return await dispatch(argv, io, commands);
  } catch (error) {
    return reportFailure(error, io);
  }
}
