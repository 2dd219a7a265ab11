/** Argument helpers shared by `mlops promote` and `mlops rollback`. */
import { relative, resolve } from 'node:path';
import { type CliInput, type CliIO, UsageError } from '../command.ts';

/** A required string flag (`--to`, `--env`, `--deploy-repo`). */
export function requiredFlag(input: CliInput, flag: string, command: string, example: string): string {
  const value = input.values[flag];
  if (typeof value !== 'string' || value === '') throw new UsageError(`mlops ${command} needs --${flag} <${example}>.`);
  return value;
}

/** Exactly `names.length` positionals, named in the error. */
export function positionals(input: CliInput, names: readonly string[], command: string): string[] {
  if (input.positionals.length !== names.length) throw new UsageError(`mlops ${command} takes ${names.map((name) => `<${name}>`).join(' ')}; got ${input.positionals.length} argument(s).`);
  for (const [index, value] of input.positionals.entries()) {
    if (value === '' || value.startsWith('-')) throw new UsageError(`Not a valid <${names[index]}>: "${value}".`);
  }
  return [...input.positionals];
}

/** A path argument resolved against the working directory, and how to show it. */
export function pathArgument(value: string, io: CliIO): { readonly absolute: string; readonly display: string } {
  const absolute = resolve(io.cwd, value);
  return { absolute, display: relative(io.cwd, absolute).split('\\').join('/') || '.' };
}
