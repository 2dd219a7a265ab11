/** Strict flag parsing for one command (node:util parseArgs), with one-line, did-you-mean usage errors. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closestMatch } from '../diagnostics/suggest.ts';
import { type CliCommand, type CliInput, UsageError } from './command.ts';

type ParseOptions = NonNullable<ParseArgsConfig['options']>;

function flagNames(options: ParseOptions): string[] {
  return Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
}

/** Turns node's parseArgs errors into one-line usage errors with a suggestion. */
function parseError(error: unknown, command: CliCommand, options: ParseOptions): unknown {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const see = `Run \`mlops ${command.name} --help\` for usage.`;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'(-[^']*)'/.exec(message)?.[1] ?? message;
    const closest = closestMatch(flag.replace(/=.*$/, ''), flagNames(options));
    const suggestion = closest ? ` Did you mean ${closest}?` : '';
    return new UsageError(`Unknown option ${flag} for \`mlops ${command.name}\`.${suggestion} ${see}`);
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    return new UsageError(`Unexpected argument: ${message.replace(/^Unexpected argument '([^']*)'.*$/s, '$1')}. ${see}`);
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? 'An option';
    if (/argument missing/.test(message)) return new UsageError(`${flag} needs a value. ${see}`);
    if (/ambiguous/.test(message)) return new UsageError(`${flag} needs a value; to give one that starts with \`-\`, write ${flag}=<value>. ${see}`);
    if (/does not take an argument/.test(message)) return new UsageError(`${flag} takes no value. ${see}`);
    return new UsageError(`${flag} has an invalid value. ${see}`);
  }
  if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) return new UsageError(`Invalid arguments. ${see}`);
  return error;
}

/** Parses a command's flags strictly; `--help` is accepted by every command. */
export function parseCommandArgs(command: CliCommand, args: readonly string[]): CliInput & { readonly help: boolean } {
  const options: ParseOptions = { ...command.options, help: { type: 'boolean', short: 'h' } };
  try {
    const parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    const { help, ...values } = parsed.values as Record<string, string | boolean | string[] | undefined>;
    return { positionals: parsed.positionals, values, help: help === true };
  } catch (error) {
    throw parseError(error, command, options);
  }
}
